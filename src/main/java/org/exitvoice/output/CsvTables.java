package org.exitvoice.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Columns of national.csv. */
    public static final List<String> NATIONAL = List.of("day", "date", "at_home", "hiding", "en_route", "emigrated",
            "mobilized", "detained", "summons", "reported", "misdrafted", "caught", "protesters", "arrests",
            "incidents", "departures", "crossed", "turned_back", "emigrated_opposed");

    /** Columns of regions.csv. */
    public static final List<String> REGIONS = List.of("day", "date", "region", "population", "at_home", "hiding",
            "en_route", "emigrated", "mobilized", "detained", "summons", "reported", "misdrafted", "caught",
            "protesters", "arrests", "incidents", "departures", "turned_back", "emigrated_opposed");

    /** Columns of routes.csv. */
    public static final List<String> ROUTES = List.of("day", "date", "route", "destination", "mode", "capacity",
            "queue", "wait_hours", "crossed", "turned_back", "price_index");

    private CsvTables() {
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
            for (DayReport d : days) {
                Tally t = d.national();
                out.printRecord(d.day(), d.date(), t.atHome(), t.hiding(), t.enRoute(), t.emigrated(), t.mobilized(),
                        t.detained(), t.summons(), t.reported(), t.misdrafted(), t.caught(), t.protesters(),
                        t.arrests(), t.incidents(), t.departures(), d.crossed(), t.turnedBack(),
                        t.emigratedOpposed());
            }
        }
    }

    /** One row per day × region, regions in table order. */
    public static void writeRegions(Path file, List<DayReport> days) throws IOException {
        try (CSVPrinter out = printer(file, REGIONS)) {
            for (DayReport d : days) {
                for (RegionDay r : d.regions()) {
                    Tally t = r.tally();
                    out.printRecord(d.day(), d.date(), r.region(), r.population(), t.atHome(), t.hiding(),
                            t.enRoute(), t.emigrated(), t.mobilized(), t.detained(), t.summons(), t.reported(),
                            t.misdrafted(), t.caught(), t.protesters(), t.arrests(), t.incidents(), t.departures(),
                            t.turnedBack(), t.emigratedOpposed());
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
