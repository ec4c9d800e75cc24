package org.exitvoice.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Every scenario key with type, range, default, unit, meaning and source, in record order (for the validator, levers, {@code params} and docs/ODD.md). */
public final class ParameterTable {
    private ParameterTable() {
    }

    /** Keys whose value may be absent (null). */
    static final List<String> NULLABLE = List.of("exitList.from");

    /** One scenario key: dotted path, Java type, its documentation and the accessors that reach it. */
    public record Row(String key, Type type, Param param, List<RecordComponent> accessors) {
        public Row {
            accessors = List.copyOf(accessors);
        }

        /** The value this key has in {@code s}; null when it or a group above it is null. */
        public Object valueIn(Scenario s) {
            Object at = s;
            for (RecordComponent c : accessors) {
                if (at == null) {
                    return null;
                }
                try {
                    at = c.getAccessor().invoke(at);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + key, e);
                }
            }
            return at;
        }

        /** Whether the key holds a number (the only keys with a range, and the only GUI levers). */
        public boolean numeric() {
            return type == int.class || type == long.class || type == double.class;
        }

        /** Whether the key holds a whole number. */
        public boolean integral() {
            return type == int.class || type == long.class;
        }

        /** Whether the key may be absent. */
        public boolean nullable() {
            return NULLABLE.contains(key);
        }

        /** Type as users read it: integer, number, date, path, list of events. */
        public String typeName() {
            if (integral()) {
                return "integer";
            }
            if (type == double.class) {
                return "number";
            }
            if (type == LocalDate.class) {
                return "date";
            }
            if (type == String.class) {
                return "path";
            }
            if (type instanceof ParameterizedType) {
                return "list of events";
            }
            return ((Class<?>) type).getSimpleName();
        }

        /** Allowed range, e.g. {@code [0, 1]} or {@code >= 0}; empty when unbounded or not a number. */
        public String range() {
            if (param == null || !numeric()) {
                return "";
            }
            boolean low = param.min() != Double.NEGATIVE_INFINITY;
            boolean high = param.max() != Double.POSITIVE_INFINITY;
            if (low && high) {
                return "[" + number(param.min()) + ", " + number(param.max()) + "]";
            }
            if (low) {
                return ">= " + number(param.min());
            }
            return high ? "<= " + number(param.max()) : "";
        }

        /** The value in defaults.yaml, as written there; {@code none} when absent. */
        public String defaultValue() {
            JsonNode node = ScenarioLoader.defaultsTree().at("/" + key.replace('.', '/'));
            if (node.isMissingNode() || node.isNull() || (node.isArray() && node.isEmpty())) {
                return "none";
            }
            return node.isNumber() ? number(node.doubleValue()) : node.asText();
        }
    }

    private static final List<Row> ROWS = Collections.unmodifiableList(collect(Scenario.class, "", List.of(), new ArrayList<>()));

    /** All keys in record component order (groups flattened, e.g. {@code draft.target}). */
    public static List<Row> rows() {
        return ROWS;
    }

    /** The row of a dotted key, if there is one. */
    public static Optional<Row> row(String key) {
        return ROWS.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    private static List<Row> collect(Class<?> record, String prefix, List<RecordComponent> above, List<Row> out) {
        for (RecordComponent c : record.getRecordComponents()) {
            List<RecordComponent> path = new ArrayList<>(above);
            path.add(c);
            String key = prefix + c.getName();
            if (c.getType().isRecord()) {
                collect(c.getType(), key + ".", path, out);
            } else {
                out.add(new Row(key, c.getGenericType(), c.getAnnotation(Param.class), path));
            }
        }
        return out;
    }

    /** The table as Markdown, for docs/ODD.md (a test checks the document is up to date). */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Key | Type | Range | Default | Unit | Meaning | Source |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Row r : ROWS) {
            sb.append("| `").append(r.key()).append("` | ")
                    .append(cell(r.typeName())).append(" | ")
                    .append(cell(r.range())).append(" | ")
                    .append(cell(r.defaultValue())).append(" | ")
                    .append(cell(unit(r))).append(" | ")
                    .append(cell(doc(r))).append(" | ")
                    .append(cell(source(r))).append(" |\n");
        }
        return sb.toString();
    }

    /** The table as aligned plain text: key, type, range, default, unit, meaning; source on the next line. */
    public static String text() {
        String[] head = {"KEY", "TYPE", "RANGE", "DEFAULT", "UNIT", "MEANING"};
        List<String[]> lines = new ArrayList<>();
        for (Row r : ROWS) {
            lines.add(new String[] {r.key(), r.typeName(), r.range(), r.defaultValue(), unit(r), doc(r)});
        }
        int[] width = new int[head.length - 1];
        for (int i = 0; i < width.length; i++) {
            width[i] = head[i].length();
            for (String[] l : lines) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendAligned(sb, head, width);
        for (int i = 0; i < lines.size(); i++) {
            appendAligned(sb, lines.get(i), width);
            String source = source(ROWS.get(i));
            if (!source.isEmpty()) {
                sb.append(" ".repeat(width[0] + 2)).append("source: ").append(source).append('\n');
            }
        }
        return sb.toString();
    }

    private static void appendAligned(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < width.length; i++) {
            sb.append(cells[i]).append(" ".repeat(width[i] - cells[i].length() + 2));
        }
        sb.append(cells[cells.length - 1]).append('\n');
    }

    private static String unit(Row r) {
        return r.param() == null ? "" : r.param().unit();
    }

    private static String doc(Row r) {
        return r.param() == null ? "" : r.param().doc();
    }

    private static String source(Row r) {
        return r.param() == null ? "" : r.param().source();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** A number without trailing zeros or exponent: 1, 0.5, 1000000. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
