package org.exitvoice.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the region table ({@code params/data/regions.csv}) into {@link RegionData}, rejecting any value the model cannot use. */
public final class RegionTable {

    /** The header, exactly: a missing or an extra column is an error. */
    static final List<String> COLUMNS = List.of("code", "name", "federal_district", "capital", "lat", "lon",
            "population", "urban_share", "men_18_59_share", "income_index", "minority_share", "war_deaths_per_10k_men", "border_countries",
            "source");

    private RegionTable() {
    }

    /**
     * Reads and checks every row.
     *
     * @param file the table, as the user or scenario named it (errors show it this way)
     * @return the regions in file order
     * @throws ScenarioException {@code FILE:LINE: message} for the first bad value, header or duplicate code
     */
    public static List<RegionData> read(Path file) throws ScenarioException {
        List<RegionData> regions = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (Row row : Rows.read(file, COLUMNS)) {
            String code = row.text("code");
            if (firstLine.containsKey(code)) {
                throw row.error("region '" + code + "': duplicate code (first on line " + firstLine.get(code) + ")");
            }
            firstLine.put(code, row.line());
            regions.add(new RegionData(code, row.text("name"), row.text("federal_district"), row.text("capital"),
                    row.number("lat", -90, 90), row.number("lon", -180, 180),
                    row.wholeNumber("population", 1),
                    row.share("urban_share"), row.share("men_18_59_share"),
                    row.number("income_index", 0, Double.MAX_VALUE),
                    row.share("minority_share"), row.number("war_deaths_per_10k_men", 0, 10_000),
                    row.list("border_countries")));
            row.text("source"); // every row must say where its values come from
        }
        return Collections.unmodifiableList(regions);
    }

    /** A CSV table with a fixed header, read whole so that every record knows its line number. */
    static final class Rows {
        private Rows() {
        }

        /** Parses {@code file}, checks its header against {@code columns} and returns its records with their 1-based lines. */
        static List<Row> read(Path file, List<String> columns) throws ScenarioException {
            String where = file.toString();
            String text = TableText.read(file);
            LineIndex lines = new LineIndex(text);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            List<Row> rows = new ArrayList<>();
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
                checkHeader(where, parser.getHeaderNames(), columns);
                for (CSVRecord record : parser) {
                    long line = lines.lineOf(record.getCharacterPosition());
                    if (record.size() != columns.size()) {
                        throw new ScenarioException(where + ":" + line,
                                "expected " + columns.size() + " fields, got " + record.size());
                    }
                    rows.add(new Row(where, line, record));
                }
            } catch (IOException | UncheckedIOException e) {
                // commons-csv reports broken quoting this way; its message names the line
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                throw new ScenarioException(where, "not valid CSV: " + cause.getMessage());
            }
            return rows;
        }

        private static void checkHeader(String where, List<String> header, List<String> columns)
                throws ScenarioException {
            Set<String> seen = new LinkedHashSet<>();
            for (String name : header) {
                if (!seen.add(name)) {
                    throw new ScenarioException(where, "duplicate column '" + name + "'");
                }
            }
            List<String> missing = columns.stream().filter(c -> !seen.contains(c)).toList();
            List<String> extra = header.stream().filter(c -> !columns.contains(c)).toList();
            if (!extra.isEmpty()) {
                String first = extra.get(0);
                String hint = extra.size() == 1 ? ScenarioException.didYouMean(first, missing) : "";
                throw new ScenarioException(where, (extra.size() == 1 ? "unknown column " : "unknown columns ")
                        + quoted(extra) + hint + "; expected " + String.join(",", columns));
            }
            if (!missing.isEmpty()) {
                throw new ScenarioException(where,
                        (missing.size() == 1 ? "missing column " : "missing columns ") + quoted(missing));
            }
        }

        private static String quoted(List<String> names) {
            return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
        }
    }

    /** Maps a character offset to its 1-based line (header = line 1). */
    private static final class LineIndex {
        private final List<Long> starts = new ArrayList<>();

        LineIndex(String text) {
            starts.add(0L);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add((long) i + 1);
                }
            }
        }

        long lineOf(long offset) {
            int i = Collections.binarySearch(starts, offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }

    /** One record with its line, and the typed readers that turn a bad field into a located error. */
    static final class Row {
        // a plain decimal: Double.parseDouble would also take "NaN", "Infinity", "1d" or hex
        private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        private static final Pattern WHOLE = Pattern.compile("\\+?\\d+");

        private final String file;
        private final long line;
        private final CSVRecord record;
        private String prefix = "";

        Row(String file, long line, CSVRecord record) {
            this.file = file;
            this.line = line;
            this.record = record;
        }

        long line() {
            return line;
        }

        /** Messages after this name the row's subject too, e.g. {@code route 'x': }. */
        void subject(String subject) {
            this.prefix = subject + ": ";
        }

        ScenarioException error(String message) {
            return new ScenarioException(file + ":" + line, message);
        }

        private ScenarioException bad(String column, String requirement) {
            return error(prefix + "column '" + column + "': " + requirement + ", got '" + raw(column) + "'");
        }

        String raw(String column) {
            return record.get(column).strip();
        }

        /** A non-empty text field. */
        String text(String column) throws ScenarioException {
            String value = raw(column);
            if (value.isEmpty()) {
                throw error(prefix + "column '" + column + "': must not be empty");
            }
            return value;
        }

        double number(String column, double min, double max) throws ScenarioException {
            String requirement = max == Double.MAX_VALUE ? "must be a number >= " + format(min)
                    : "must be a number in [" + format(min) + "," + format(max) + "]";
            String value = raw(column);
            if (!DECIMAL.matcher(value).matches()) {
                throw bad(column, requirement);
            }
            double x = Double.parseDouble(value);
            if (!(x >= min && x <= max)) {
                throw bad(column, requirement);
            }
            return x;
        }

        /** A share of a population, in [0,1]. */
        double share(String column) throws ScenarioException {
            return number(column, 0, 1);
        }

        long wholeNumber(String column, long min) throws ScenarioException {
            String requirement = "must be a whole number >= " + min;
            String value = raw(column);
            if (!WHOLE.matcher(value).matches()) {
                throw bad(column, requirement);
            }
            long x;
            try {
                x = Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
            } catch (NumberFormatException e) {
                throw bad(column, requirement); // too many digits for a long
            }
            if (x < min) {
                throw bad(column, requirement);
            }
            return x;
        }

        /** A {@code ;}-separated list; an empty field is an empty list, an empty item is an error. */
        List<String> list(String column) throws ScenarioException {
            String value = raw(column);
            if (value.isEmpty()) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (String item : value.split(";", -1)) {
                if (item.isBlank()) {
                    throw bad(column, "must be names separated by ';' with none empty");
                }
                items.add(item.strip());
            }
            return List.copyOf(items);
        }

        private static String format(double x) {
            return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
        }
    }
}
