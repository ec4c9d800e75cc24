package org.exitvoice.experiment;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exitvoice.scenario.ParameterTable;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.exitvoice.scenario.ScenarioValidator;
import org.exitvoice.scenario.YamlTree;

/**
 * Reads an experiment file and checks all of it before anything runs or is written: every problem is one line
 * {@code FILE:LINE: message}, the line being that of the offending key or value.
 */
public final class ExperimentFile {
    private ExperimentFile() {
    }

    /** What the command line may change in the file, for a quick look; null means as in the file. */
    public record Overrides(Integer replications, Integer scale, Integer days) {
        /** Nothing changed. */
        public static final Overrides NONE = new Overrides(null, null, null);
    }

    /** Top-level keys, in the order the documentation gives them. */
    static final List<String> KEYS = List.of("scenario", "design", "replications", "seed", "commonRandomNumbers", "scale", "days", "factors",
            "metrics", "timeseries");

    /** Runs one sweep may hold at most: beyond this a design is almost surely a typo (a factorial of long lists). */
    static final long MAX_RUNS = 10_000_000L;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long MAX_FILE_BYTES = 1L << 20;

    /** Reads, checks and resolves {@code file}; the base scenario and its tables are read here, once. */
    public static Experiment read(Path file, Overrides overrides) throws ScenarioException {
        Overrides o = overrides == null ? Overrides.NONE : overrides;
        Text t = parse(file);
        ObjectNode root = t.root;
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!KEYS.contains(e.getKey())) {
                throw t.error("/" + e.getKey(), "unknown key '" + e.getKey() + "'"
                        + ScenarioException.didYouMean(e.getKey(), KEYS) + "; keys: " + String.join(", ", KEYS));
            }
        }

        // the scenario, relative to this file
        JsonNode sc = root.get("scenario");
        if (sc == null || !sc.isTextual() || sc.asText().isBlank()) {
            throw t.error(sc == null ? "" : "/scenario", "scenario: expected the base scenario file, e.g. scenario: ../sep2022.yaml");
        }
        Path scenario;
        try {
            Path named = Path.of(sc.asText());
            Path dir = file.getParent();
            scenario = (named.isAbsolute() || dir == null ? named : dir.resolve(named)).normalize();
        } catch (InvalidPathException e) {
            throw t.error("/scenario", "scenario: not a file name '" + sc.asText() + "'");
        }
        if (!Files.isRegularFile(scenario)) {
            throw t.error("/scenario", "scenario: file not found '" + sc.asText() + "' (looked for " + scenario + ")");
        }

        int replications = o.replications() != null ? o.replications() : count(t, "replications", 1, 1, 1_000_000);
        long seed = whole(t, "seed", 1);
        boolean commonRandomNumbers = flag(t, "commonRandomNumbers", true);
        Integer scale = o.scale() != null ? o.scale() : root.has("scale") ? count(t, "scale", 0, 1, 1_000_000) : null;
        Integer days = o.days() != null ? o.days() : root.has("days") ? count(t, "days", 0, 1, 3650) : null;

        // the base scenario and its tables: its own errors name its own file and line
        ScenarioInput base = ScenarioLoader.load(scenario, List.of(), new ScenarioLoader.Overrides(seed, scale, days));
        Design design = design(t);
        List<Factor> factors = factors(t, design, scenario, base);
        List<Metric> metrics = metrics(t, MetricScope.of(base));
        List<String> timeseries = timeseries(t);

        Experiment x = new Experiment(file, base, design, replications, seed, commonRandomNumbers, base.scenario().scale(),
                base.scenario().days(), factors, metrics, timeseries);
        long points;
        try {
            points = design.size(factors);
        } catch (ArithmeticException e) {
            points = Long.MAX_VALUE;
        }
        if (product(points, replications) > MAX_RUNS) {
            throw t.error("/design", "design: " + points + " points x " + replications + " replications is more than "
                    + MAX_RUNS + " runs");
        }
        return x;
    }

    private static long product(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    // ---------------------------------------------------------------- sections

    private static Design design(Text t) throws ScenarioException {
        JsonNode d = t.root.get("design");
        if (d == null) {
            return new Design.Factorial();
        }
        String type;
        if (d.isTextual()) {
            type = d.asText();
            d = NODES.objectNode().put("type", type);
        } else if (d instanceof ObjectNode o && o.get("type") != null && o.get("type").isTextual()) {
            type = o.get("type").asText();
        } else {
            throw t.error("/design", "design: expected {type: factorial}, {type: lhs, points: N}, {type: sobol, n: N} or"
                    + " {type: morris, trajectories: R, levels: P}");
        }
        List<String> allowed = switch (type) {
            case "factorial" -> List.of("type");
            case "lhs" -> List.of("type", "points");
            case "sobol" -> List.of("type", "n");
            case "morris" -> List.of("type", "trajectories", "levels");
            default -> throw t.error("/design/type", "design: unknown type '" + type + "'"
                    + ScenarioException.didYouMean(type, List.of("factorial", "lhs", "sobol", "morris"))
                    + "; types: factorial, lhs, sobol, morris");
        };
        for (Map.Entry<String, JsonNode> e : d.properties()) {
            if (!allowed.contains(e.getKey())) {
                throw t.error("/design/" + e.getKey(), "design: unknown key '" + e.getKey() + "' for type " + type
                        + " (keys: " + String.join(", ", allowed) + ")");
            }
        }
        return switch (type) {
            case "lhs" -> new Design.LatinHypercube(count(t, "/design/points", "design.points", d.get("points"), 2, 1_000_000));
            case "sobol" -> new Design.Saltelli(count(t, "/design/n", "design.n", d.get("n"), 2, 1_000_000));
            case "morris" -> morris(t, d);
            default -> new Design.Factorial();
        };
    }

    private static Design.Morris morris(Text t, JsonNode d) throws ScenarioException {
        int r = count(t, "/design/trajectories", "design.trajectories", d.get("trajectories"), 2, 1_000_000);
        int levels = d.has("levels") ? count(t, "/design/levels", "design.levels", d.get("levels"), 2, 1000) : 4;
        if (levels % 2 != 0) {
            // an even count puts a step of levels / (2 (levels - 1)) from every lower level onto the grid
            throw t.error("/design/levels", "design.levels: expected an even number (4, 6, 8, ...), got " + levels);
        }
        return new Design.Morris(r, levels);
    }

    private static List<Factor> factors(Text t, Design design, Path scenario, ScenarioInput base) throws ScenarioException {
        JsonNode fs = t.root.get("factors");
        if (!(fs instanceof ObjectNode map) || map.isEmpty()) {
            throw t.error(fs == null ? "" : "/factors", "factors: expected at least one scenario key with its values,"
                    + " e.g. exitList.coverage: [0, 0.5, 1] or enforcement.intensity: {min: 0, max: 1, steps: 5}");
        }
        List<String> keys = ParameterTable.rows().stream().map(ParameterTable.Row::key).toList();
        List<Factor> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            String key = e.getKey();
            String at = "/factors/" + key;
            String label = "factors: " + key;
            if (key.equals("seed") || key.equals("scale") || key.equals("days") || key.startsWith("data.")) {
                throw t.error(at, label + ": cannot be a factor (" + (key.startsWith("data.")
                        ? "the data tables are read once per sweep" : "set it at the top of the experiment") + ")");
            }
            ParameterTable.Row row = ParameterTable.row(key).orElse(null);
            if (row == null && !key.matches("events\\[\\d+]\\.[A-Za-z]+")) {
                throw t.error(at, label + ": not a scenario key" + ScenarioException.didYouMean(key, keys)
                        + " (./exitvoice params lists them)");
            }
            Factor f;
            JsonNode v = e.getValue();
            if (v instanceof ArrayNode list) {
                if (list.isEmpty()) {
                    throw t.error(at, label + ": expected at least one value");
                }
                List<Level> levels = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode item = list.get(i);
                    if (item.isContainerNode()) {
                        throw t.error(at + "/" + i, label + ": expected a single value, got " + describe(item));
                    }
                    Level l = Level.of(text(item));
                    if (levels.contains(l)) {
                        throw t.error(at + "/" + i, label + ": value " + l.text() + " listed twice");
                    }
                    levels.add(l);
                    check(t, at + "/" + i, key, l.text(), scenario, base);
                }
                f = Factor.list(key, levels);
            } else if (v instanceof ObjectNode range) {
                for (Map.Entry<String, JsonNode> r : range.properties()) {
                    if (!List.of("min", "max", "steps").contains(r.getKey())) {
                        throw t.error(at + "/" + r.getKey(), label + ": unknown key '" + r.getKey() + "' in a range"
                                + ScenarioException.didYouMean(r.getKey(), List.of("min", "max", "steps")) + " (keys: min, max, steps)");
                    }
                }
                if (row == null || !row.numeric()) {
                    throw t.error(at, label + ": a range needs a numeric key; list the values instead");
                }
                double min = number(t, at + "/min", label + ".min", range.get("min"));
                double max = number(t, at + "/max", label + ".max", range.get("max"));
                if (!(max > min)) {
                    throw t.error(at + "/max", label + ": max must be greater than min, got min " + plain(min) + ", max " + plain(max));
                }
                int steps = 0;
                if (range.has("steps")) {
                    steps = count(t, at + "/steps", label + ".steps", range.get("steps"), 2, 100_000);
                } else if (design instanceof Design.Factorial) {
                    throw t.error(at, label + ": a factorial design needs steps in a range, e.g. {min: 0, max: 1, steps: 5}");
                }
                boolean integral = row.integral();
                if (integral && (min != Math.rint(min) || max != Math.rint(max))) {
                    throw t.error(at, label + ": a whole-number key needs whole min and max");
                }
                check(t, at + "/min", key, plain(min), scenario, base);
                check(t, at + "/max", key, plain(max), scenario, base);
                f = Factor.range(key, min, max, steps, integral);
            } else {
                throw t.error(at, label + ": expected a list of values [a, b, ...] or a range {min: a, max: b, steps: n}, got "
                        + describe(v));
            }
            out.add(f);
        }
        return out;
    }

    /** A value of a factor must be one the scenario accepts on its own (type and range): tried as a --set. */
    private static void check(Text t, String at, String key, String value, Path scenario, ScenarioInput base)
            throws ScenarioException {
        try {
            Scenario s = ScenarioLoader.read(scenario, List.of(key + "=" + value),
                    new ScenarioLoader.Overrides(base.scenario().seed(), base.scenario().scale(), base.scenario().days()));
            ScenarioValidator.validate(s, base.routes(), k -> "--set " + k); // now with the route ids events must name
        } catch (ScenarioException e) {
            boolean fromSet = e.location() != null && e.location().startsWith("--set");
            throw t.error(at, "factors: " + key + ": " + (fromSet ? e.detail() : e.getMessage()));
        }
    }

    private static List<Metric> metrics(Text t, MetricScope scope) throws ScenarioException {
        JsonNode ms = t.root.get("metrics");
        if (ms == null) {
            return Metric.parseAll(Metric.SUMMARY, scope);
        }
        if (!(ms instanceof ArrayNode list) || list.isEmpty()) {
            throw t.error("/metrics", "metrics: expected a list, e.g. [final.emigrated, peak.protesters]");
        }
        List<Metric> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isTextual()) {
                throw t.error("/metrics/" + i, "metrics: expected a metric such as final.emigrated, got " + describe(item)
                        + (item.isArray() ? " (quote a metric with [brackets] inside a [flow list])" : ""));
            }
            Metric m;
            try {
                m = Metric.parse(item.asText(), scope);
            } catch (ScenarioException e) {
                throw t.error("/metrics/" + i, "metrics: " + e.detail());
            }
            if (!names.add(m.name())) {
                Metric same = out.stream().filter(o -> o.name().equals(m.name())).findFirst().orElseThrow();
                throw t.error("/metrics/" + i, "metrics: " + (same.expression().replace(" ", "").equals(m.expression()
                        .replace(" ", "")) ? m.expression() + " listed twice" : m.expression() + " and " + same.expression()
                        + " would share the column " + m.name() + "; write one of them another way"));
            }
            out.add(m);
        }
        return out;
    }

    private static List<String> timeseries(Text t) throws ScenarioException {
        JsonNode ts = t.root.get("timeseries");
        if (ts == null || ts.isNull()) {
            return List.of();
        }
        if (!(ts instanceof ArrayNode list)) {
            throw t.error("/timeseries", "timeseries: expected a list of national columns, e.g. [emigrated, mobilized]");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                String c = Metric.column(list.get(i).asText());
                if (out.contains(c)) {
                    throw new ScenarioException(null, c + " listed twice");
                }
                out.add(c);
            } catch (ScenarioException e) {
                throw t.error("/timeseries/" + i, "timeseries: " + e.detail());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- scalar values

    private static int count(Text t, String key, int absent, int min, int max) throws ScenarioException {
        JsonNode v = t.root.get(key);
        return v == null ? absent : count(t, "/" + key, key, v, min, max);
    }

    private static int count(Text t, String at, String label, JsonNode v, int min, int max) throws ScenarioException {
        if (v == null) {
            throw t.error(at.substring(0, at.lastIndexOf('/')), label + ": missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw t.error(at, label + ": expected a whole number in [" + min + ", " + max + "], got " + describe(v));
        }
        return v.intValue();
    }

    private static long whole(Text t, String key, long absent) throws ScenarioException {
        JsonNode v = t.root.get(key);
        if (v == null) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw t.error("/" + key, key + ": expected a whole number, got " + describe(v));
        }
        return v.longValue();
    }

    private static boolean flag(Text t, String key, boolean absent) throws ScenarioException {
        JsonNode v = t.root.get(key);
        if (v == null) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw t.error("/" + key, key + ": expected true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    private static double number(Text t, String at, String label, JsonNode v) throws ScenarioException {
        if (v == null) {
            throw t.error(at.substring(0, at.lastIndexOf('/')), label + ": missing");
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw t.error(at, label + ": expected a number, got " + describe(v));
        }
        return v.doubleValue();
    }

    /** A scalar as {@code --set} takes it: numbers in plain notation (YAML 1.1 reads 1.0E10 as text), null as null. */
    private static String text(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isNumber()) {
            return plain(v.decimalValue());
        }
        return v.asText();
    }

    private static String plain(double d) {
        return plain(BigDecimal.valueOf(d));
    }

    private static String plain(BigDecimal d) {
        String s = d.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "a group of keys";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.isTextual() ? "'" + v.asText() + "'" : v.asText();
    }

    // ---------------------------------------------------------------- the file as a tree with lines

    /** The parsed file: its tree and the line of every key and list item (by path such as {@code /factors/x/0}). */
    private record Text(String shown, ObjectNode root, Map<String, Integer> lines) {
        ScenarioException error(String path, String message) {
            Integer line = null;
            for (String p = path; line == null && !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
                line = lines.get(p);
            }
            return new ScenarioException(shown + (line == null ? "" : ":" + line), message);
        }
    }

    private static Text parse(Path file) throws ScenarioException {
        String shown = file.toString();
        if (!Files.exists(file)) {
            throw new ScenarioException(shown, "experiment file not found");
        }
        String yaml = YamlTree.readFile(file, shown, "an experiment file", MAX_FILE_BYTES);
        YamlTree.Document d;
        try {
            d = YamlTree.parse(yaml, shown, YamlTree.Keys.EXPERIMENT);
        } catch (ScenarioException e) {
            // [final.emigrated[RU-DA]]: YAML reads the metric's bracket as a list inside the list
            if (e.detail().endsWith("but got [")) {
                throw new ScenarioException(e.location(), e.detail() + " (quote a metric with [brackets] inside a [flow"
                        + " list]: \"final.emigrated[RU-DA]\", or use a block list)");
            }
            throw e;
        }
        if (d.root() == null) {
            throw new ScenarioException(shown, "empty experiment file");
        }
        if (!(d.root() instanceof ObjectNode o)) {
            throw new ScenarioException(shown + ":1", "expected a mapping of experiment keys (" + String.join(", ", KEYS) + ")");
        }
        return new Text(shown, o, d.lines());
    }
}
