package org.exitvoice.validation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exitvoice.scenario.Dates;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.TableText;

/** Reads {@code params/data/observed-2022.csv} into {@link Observation}s, rejecting what validation could not use. */
public final class ObservationTable {

    /** The observed-data file when none is named (relative to the project folder, like the default scenario). */
    public static final Path DEFAULT_FILE = Path.of("params/data/observed-2022.csv");

    /** Columns validation reads; the file may hold more (the source columns). */
    static final List<String> COLUMNS = List.of("id", "metric", "region_or_country", "date_start", "date_end", "value",
            "unit", "kind", "source_title", "source_url", "quote_or_note", "use", "use_note");

    // ids are cited from docs, calibration files and notes: a fixed shape keeps them greppable
    private static final Pattern ID = Pattern.compile("obs-\\d{3,}");

    private ObservationTable() {
    }

    /**
     * Reads and checks every row: a unique id of the form {@code obs-001}, a known use, ISO dates in order, a number
     * or range for every target and baseline, and a note saying why for every context row.
     *
     * @throws ScenarioException {@code FILE:LINE: obs-xxx: message} for the first bad row
     */
    public static List<Observation> read(Path file) throws ScenarioException {
        String where = file.toString();
        String text = TableText.read(file);
        List<Observation> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new ScenarioException(where, "missing column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing));
            }
            long line = 1, scanned = 0;
            for (CSVRecord r : parser) {
                for (; scanned < r.getCharacterPosition() && scanned < text.length(); scanned++) {
                    if (text.charAt((int) scanned) == '\n') {
                        line++;
                    }
                }
                String at = where + ":" + line;
                if (!r.isConsistent()) {
                    throw new ScenarioException(at, "expected " + parser.getHeaderNames().size() + " fields, got " + r.size());
                }
                String id = r.get("id").strip();
                if (!ID.matcher(id).matches()) {
                    throw new ScenarioException(at, "id must look like obs-001, got '" + id + "'");
                }
                Long first = seen.putIfAbsent(id, line);
                if (first != null) {
                    throw new ScenarioException(at, id + ": duplicate id (first on line " + first + ")");
                }
                out.add(row(r, id, at, line));
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new ScenarioException(where, "not valid CSV: " + cause.getMessage());
        }
        return out;
    }

    private static Observation row(CSVRecord r, String id, String at, long line) throws ScenarioException {
        String useWord = r.get("use").strip();
        Observation.Use use;
        try {
            use = Observation.Use.valueOf(useWord.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(at, id + ": use must be target, baseline or context, got '" + useWord + "'");
        }
        LocalDate start = date(r.get("date_start"), id, at, "date_start");
        LocalDate end = date(r.get("date_end"), id, at, "date_end");
        if (end.isBefore(start)) {
            throw new ScenarioException(at, id + ": date_end " + end + " is before date_start " + start);
        }
        String raw = r.get("value").strip();
        double[] v = Observation.parse(raw);
        String note = r.get("use_note").strip();
        if (v == null && use != Observation.Use.CONTEXT) {
            throw new ScenarioException(at, id + ": a " + use.word() + " needs a number or a range (5000-6000), got '"
                    + raw + "'; mark it context with a note, or write the number");
        }
        if (use == Observation.Use.CONTEXT && note.isEmpty()) {
            throw new ScenarioException(at, id + ": a context row needs use_note saying why the model cannot be compared with it");
        }
        double low = v == null ? Double.NaN : v[0], high = v == null ? Double.NaN : v[1];
        return new Observation(id, r.get("metric").strip(), r.get("region_or_country").strip(), start, end, raw,
                (low + high) / 2, low, high, r.get("unit").strip(), r.get("kind").strip(), use, note, line);
    }

    private static LocalDate date(String text, String id, String at, String column) throws ScenarioException {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            String none = Dates.nonexistent(text);
            throw new ScenarioException(at, id + ": " + column + (none != null ? ": " + text.strip() + ": " + none
                    : " must be a date like 2022-09-21, got '" + text + "'"));
        }
    }
}
