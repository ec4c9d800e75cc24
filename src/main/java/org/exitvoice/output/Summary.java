package org.exitvoice.output;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Tally;

/**
 * The closing numbers of a run, for the console and the report.
 *
 * @param menEmigrated        men abroad at the end (the emigrated stock on the last day)
 * @param crossedByDestination persons crossed over the whole run per destination country, largest first
 * @param mobilized           men mobilized at the end (stock on the last day)
 * @param target              the national mobilization target (men)
 * @param targetMetOn         first date the mobilized stock reached the target, or null if it never did
 * @param peakProtesters      most protesters (persons) on one day
 * @param peakProtestersDate  the first date of that peak, or null with no days
 * @param arrests             protesters arrested over the run (persons)
 * @param incidents           violent incidents over the run
 * @param summons             summons served over the run
 * @param misdrafted          summons served to men outside the criteria
 * @param caught              men caught (raids, exit lists)
 * @param peakHiding          most men hiding at the end of one day
 * @param peakHidingDate      the first date of that peak, or null with no days
 * @param wallSeconds         wall time of the simulation
 */
public record Summary(long menEmigrated, Map<String, Long> crossedByDestination, long mobilized, long target,
                      LocalDate targetMetOn, long peakProtesters, LocalDate peakProtestersDate, long arrests,
                      long incidents, long summons, long misdrafted, long caught, long peakHiding,
                      LocalDate peakHidingDate, double wallSeconds) {

    public Summary {
        // Map.copyOf would lose the order (largest destination first)
        crossedByDestination = Collections.unmodifiableMap(new LinkedHashMap<>(crossedByDestination));
    }

    /** Computes the summary from the day reports; {@code target} is the draft's national target (men). */
    public static Summary of(RunResult r, long target) {
        List<DayReport> days = r.days();
        Map<String, Long> byDest = new HashMap<>();
        long arrests = 0, incidents = 0, summons = 0, misdrafted = 0, caught = 0;
        long peakProt = -1, peakHide = -1;
        LocalDate peakProtDate = null, peakHideDate = null, met = null;
        for (DayReport d : days) {
            Tally t = d.national();
            arrests += t.arrests();
            incidents += t.incidents();
            summons += t.summons();
            misdrafted += t.misdrafted();
            caught += t.caught();
            if (t.protesters() > peakProt) {
                peakProt = t.protesters();
                peakProtDate = d.date();
            }
            if (t.hiding() > peakHide) {
                peakHide = t.hiding();
                peakHideDate = d.date();
            }
            if (met == null && target > 0 && t.mobilized() >= target) {
                met = d.date();
            }
            for (RouteDay rd : d.routes()) {
                byDest.merge(rd.destination(), rd.crossed(), Long::sum);
            }
        }
        Tally last = days.isEmpty() ? Tally.ZERO : r.last().national();
        return new Summary(last.emigrated(), ordered(byDest), last.mobilized(), target, met, Math.max(0, peakProt),
                peakProtDate, arrests, incidents, summons, misdrafted, caught, Math.max(0, peakHide), peakHideDate,
                r.wallSeconds());
    }

    /** Persons crossed to all destinations. */
    public long personsCrossed() {
        return crossedByDestination.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The short console text, one aligned line per figure. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(line("men emigrated", n(menEmigrated)));
        out.add(line("persons crossed", n(personsCrossed()) + destinations(5)));
        String met = target <= 0 ? "" : targetMetOn != null ? " (met on " + targetMetOn + ")" : " (not met)";
        out.add(line("mobilized", n(mobilized) + " / " + n(target) + " target" + met));
        out.add(line("peak protesters", n(peakProtesters) + (peakProtestersDate == null ? "" : " on " + peakProtestersDate)));
        out.add(line("arrests", n(arrests)));
        out.add(line("incidents", n(incidents)));
        out.add(line("summons", n(summons) + " (misdrafted " + n(misdrafted) + ")"));
        out.add(line("caught", n(caught)));
        out.add(line("peak hiding", n(peakHiding) + (peakHidingDate == null ? "" : " on " + peakHidingDate)));
        out.add(line("wall time", String.format(Locale.ROOT, "%.1f s", wallSeconds)));
        return out;
    }

    /** A count with thousands separators, the same on every machine: 412,300. */
    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private String destinations(int shown) {
        if (crossedByDestination.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(":");
        int i = 0;
        long rest = 0;
        for (Map.Entry<String, Long> e : crossedByDestination.entrySet()) {
            if (i++ < shown) {
                sb.append(i == 1 ? " " : " · ").append(e.getKey()).append(' ').append(n(e.getValue()));
            } else {
                rest += e.getValue();
            }
        }
        if (i > shown) {
            sb.append(" · ").append(i - shown).append(" more ").append(n(rest));
        }
        return sb.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "%-17s%s", label, value);
    }

    /** Largest total first; ties by name so the order never depends on hashing. */
    private static Map<String, Long> ordered(Map<String, Long> totals) {
        List<Map.Entry<String, Long>> es = new ArrayList<>(totals.entrySet());
        es.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> out = new LinkedHashMap<>();
        es.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
