package org.exitvoice.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exitvoice.model.DayReport;
import org.exitvoice.model.RegionDay;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Tally;

/** Writes a run's day reports as national.csv, regions.csv and routes.csv (columns as in README.md, "What a run writes"). */
public final class CsvTables {

    /**
     * A day's counts as national.csv and regions.csv both have them, in their column order: the one list the writers
     * and the metric grammar ({@code experiment.Measure}) read, so a new count is added in one place.
     */
    public static final Map<String, ToLongFunction<Tally>> TALLY_COLUMNS = tallyColumns();

    /** Columns of national.csv: day, date, the tally's columns, and the persons crossed before turned_back. */
    public static final List<String> NATIONAL = nationalColumns();

    /** Columns of regions.csv: day, date, region, population and the tally's columns. */
    public static final List<String> REGIONS = Stream.concat(Stream.of("day", "date", "region", "population"),
            TALLY_COLUMNS.keySet().stream()).toList();

    /** Columns of routes.csv. */
    public static final List<String> ROUTES = List.of("day", "date", "route", "destination", "mode", "capacity",
            "queue", "wait_hours", "crossed", "turned_back", "price_index");

    /** national.csv has the persons crossed (a route count, not a tally) just before this tally column. */
    private static final String CROSSED_BEFORE = "turned_back";

    private CsvTables() {
    }

    private static Map<String, ToLongFunction<Tally>> tallyColumns() {
        Map<String, ToLongFunction<Tally>> c = new LinkedHashMap<>();
        c.put("at_home", Tally::atHome);
        c.put("hiding", Tally::hiding);
        c.put("en_route", Tally::enRoute);
        c.put("emigrated", Tally::emigrated);
        c.put("mobilized", Tally::mobilized);
        c.put("detained", Tally::detained);
        c.put("summons", Tally::summons);
        c.put("reported", Tally::reported);
        c.put("misdrafted", Tally::misdrafted);
        c.put("caught", Tally::caught);
        c.put("protesters", Tally::protesters);
        c.put("arrests", Tally::arrests);
        c.put("incidents", Tally::incidents);
        c.put("departures", Tally::departures);
        c.put("turned_back", Tally::turnedBack);
        c.put("emigrated_opposed", Tally::emigratedOpposed);
        return Collections.unmodifiableMap(c);
    }

    private static List<String> nationalColumns() {
        List<String> c = new ArrayList<>(List.of("day", "date"));
        for (String name : TALLY_COLUMNS.keySet()) {
            if (name.equals(CROSSED_BEFORE)) {
                c.add("crossed");
            }
            c.add(name);
        }
        return List.copyOf(c);
    }

    /** Writes the three tables into {@code dir}. */
    public static void write(Path dir, RunResult result) throws IOException {
        writeNational(dir.resolve("national.csv"), result.days());
        writeRegions(dir.resolve("regions.csv"), result.days());
        writeRoutes(dir.resolve("routes.csv"), result.days());
    }

    /** One row per day: the national tally and persons crossed. */
    public static void writeNational(Path file, List<DayReport> days) throws IOException {
        try (CSVPrinter out = printer(file, NATIONAL)) {
            List<Object> row = new ArrayList<>(NATIONAL.size());
            for (DayReport d : days) {
                row.clear();
                row.add(d.day());
                row.add(d.date());
                TALLY_COLUMNS.forEach((name, count) -> {
                    if (name.equals(CROSSED_BEFORE)) {
                        row.add(d.crossed());
                    }
                    row.add(count.applyAsLong(d.national()));
                });
                out.printRecord(row);
            }
        }
    }

    /** One row per day × region, regions in table order. */
    public static void writeRegions(Path file, List<DayReport> days) throws IOException {
        try (CSVPrinter out = printer(file, REGIONS)) {
            List<Object> row = new ArrayList<>(REGIONS.size());
            for (DayReport d : days) {
                for (RegionDay r : d.regions()) {
                    row.clear();
                    row.add(d.day());
                    row.add(d.date());
                    row.add(r.region());
                    row.add(r.population());
                    TALLY_COLUMNS.forEach((name, count) -> row.add(count.applyAsLong(r.tally())));
                    out.printRecord(row);
                }
            }
        }
    }

    /** One row per day × route, routes in table order. */
    public static void writeRoutes(Path file, List<DayReport> days) throws IOException {
        try (CSVPrinter out = printer(file, ROUTES)) {
            for (DayReport d : days) {
                for (RouteDay r : d.routes()) {
                    out.printRecord(d.day(), d.date(), r.route(), r.destination(), r.mode(), r.capacity(), r.queue(),
                            fixed(r.waitHours(), 2), r.crossed(), r.turnedBack(), fixed(r.priceIndex(), 3));
                }
            }
        }
    }

    /**
     * A decimal with a fixed number of places whatever the machine's locale (so the bytes are the same everywhere);
     * empty for NaN or infinity (wait at a route with capacity 0).
     */
    static String fixed(double v, int places) {
        if (!Double.isFinite(v)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%." + places + "f", v);
        // "-0.00" would differ from "0.00" for the same rounded value
        return s.startsWith("-") && s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    private static CSVPrinter printer(Path file, List<String> header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        // "\n" rather than the RFC's "\r\n": the same bytes on every OS, and friendlier to diff and pandas alike.
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\n")
                .get();
        try {
            return new CSVPrinter(w, format); // prints the header
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }
}
