package org.exitvoice.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.exitvoice.scenario.ParameterTable;
import org.exitvoice.scenario.ProjectHome;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.YamlTree;

/**
 * What {@code exitvoice calibrate FILE} fits: the scenario, the free parameters with their bounds, the observations,
 * the objective, and the budget of model evaluations.
 *
 * <pre>
 * scenario: ../sep2022.yaml          # relative to this file
 * observations: in-sample            # or all-targets, or a list of ids [obs-050, obs-113]
 * objective: log                     # or ard
 * budget: 600                        # model evaluations (each = replications runs)
 * replications: 4                    # per evaluation, the same seeds every time (common random numbers)
 * scale: 100                         # persons per agent (default: the scenario's)
 * seed: 1                            # first replication's seed and the optimizer's (default: the scenario's)
 * parameters:
 *   emigration.attachment: {min: 1, max: 6}            # start: the scenario's value
 *   protest.arrestProb: {min: 0.02, max: 0.5, start: 0.1}
 * </pre>
 *
 * @param file         the plan file as given
 * @param scenario     the scenario file (resolved against the plan's folder)
 * @param observed     the observed-data file (default {@link ObservationTable#DEFAULT_FILE})
 * @param selection    which targets to fit
 * @param objective    what is minimised
 * @param budget       model evaluations
 * @param replications runs per evaluation
 * @param scale        persons per agent, or null for the scenario's
 * @param seed         first seed, or null for the scenario's
 * @param parameters   the free parameters, in file order
 */
public record CalibrationPlan(Path file, Path scenario, Path observed, Targets.Selection selection,
                              Objective objective, int budget, int replications, Integer scale, Long seed,
                              List<FreeParameter> parameters) {

    /** What a fit minimises over the chosen targets. */
    public enum Objective {
        /** Averaged relative difference, mean |sim − obs| / obs (the score validation reports). */
        ARD,
        /**
         * Weighted mean of |ln((sim + f) / (obs + f))|, f = obs / 10: a factor too high costs as much as the same
         * factor too low (ARD costs at most 1 for a zero but without bound for an excess, so it favours predicting
         * nothing), a zero costs as much as an 11-fold miss, and each group of targets with the same measure and
         * place weighs as one.
         */
        LOG
    }

    /**
     * One parameter to fit.
     *
     * @param key      dotted scenario key
     * @param min      lower bound
     * @param max      upper bound
     * @param start    where the search starts, or null for the scenario's value
     * @param integral whether the key holds a whole number (values are rounded)
     */
    public record FreeParameter(String key, double min, double max, Double start, boolean integral) {
        /** The value as a {@code --set} text. */
        public String format(double v) {
            if (integral) {
                return Long.toString(Math.round(v));
            }
            // six significant digits: far below what replications can tell apart, short enough to read
            return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
    }

    public CalibrationPlan {
        parameters = List.copyOf(parameters);
    }

    private static final Set<String> KEYS = Set.of("scenario", "observed", "observations", "objective", "budget",
            "replications", "scale", "seed", "parameters");
    private static final Set<String> PARAMETER_KEYS = Set.of("min", "max", "start");
    private static final long MAX_FILE_BYTES = 1L << 20; // a plan is a page of text

    /**
     * Reads and checks a plan: known keys only; every parameter a numeric scenario key whose source says it is
     * {@code assumed} or {@code calibrated} (a value taken from a source is not fitted), with min &lt; max inside the
     * key's allowed range. Every error is one line {@code FILE:LINE: key: problem}, at the line of the bad key, or for
     * a missing key at the start of the mapping that lacks it.
     */
    public static CalibrationPlan read(Path file) throws ScenarioException {
        String shown = file.toString();
        if (!Files.exists(file)) {
            throw new ScenarioException(shown, "calibration file not found");
        }
        YamlTree.Document doc = YamlTree.parse(YamlTree.readFile(file, shown, "a calibration file", MAX_FILE_BYTES), shown,
                YamlTree.Keys.SCENARIO);
        JsonNode root = doc.root();
        if (root == null || !root.isObject()) {
            throw new ScenarioException(shown + (root == null ? "" : ":1"), "expected keys " + String.join(", ", KEYS));
        }
        Where where = new Where(shown, doc.lines());
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw where.error(k, "unknown key '" + k + "'" + ScenarioException.didYouMean(k, KEYS));
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Path scenario = path(root, "scenario", where, dir, null);
        if (!Files.isRegularFile(scenario)) {
            throw where.error("scenario", "scenario: file not found '" + root.get("scenario").asText() + "'");
        }
        Path observed = path(root, "observed", where, dir, ProjectHome.resolve(ObservationTable.DEFAULT_FILE));
        Targets.Selection selection = selection(root.get("observations"), where);
        checkIds(selection, observed, where);
        Objective objective = Objective.ARD;
        if (root.has("objective")) {
            String o = root.get("objective").asText();
            try {
                objective = Objective.valueOf(o.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw where.error("objective", "objective: expected ard or log, got '" + o + "'");
            }
        }
        int budget = (int) whole(root, "budget", where, 2);
        int replications = (int) whole(root, "replications", where, 1);
        Integer scale = root.has("scale") ? (int) whole(root, "scale", where, 1) : null;
        Long seed = root.has("seed") ? whole(root, "seed", where, Long.MIN_VALUE) : null;
        JsonNode params = root.get("parameters");
        if (params == null || !params.isObject() || params.isEmpty()) {
            throw where.error("parameters", "parameters: expected at least one 'key.path: {min: .., max: ..}'");
        }
        List<FreeParameter> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            list.add(parameter(e.getKey(), e.getValue(), where));
        }
        return new CalibrationPlan(file, scenario, observed, selection, objective, budget, replications, scale, seed, list);
    }

    /**
     * Where a key of the plan is: the file and the line that holds it, else the line of the nearest mapping above it
     * that the file holds (the one that lacks it), else the file's first key.
     */
    private record Where(String shown, Map<String, Integer> lines) {
        ScenarioException error(String key, String message) {
            Integer line = null;
            for (String k = key; line == null && !k.isEmpty(); k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : "") {
                line = lines.get(k);
            }
            if (line == null && !lines.isEmpty()) {
                line = java.util.Collections.min(lines.values());
            }
            return new ScenarioException(shown + (line == null ? "" : ":" + line), message);
        }
    }

    private static FreeParameter parameter(String key, JsonNode spec, Where where) throws ScenarioException {
        String at = "parameters: " + key;
        String here = "parameters." + key; // the plan's keys are dotted paths, and so are the parameters' names
        Optional<ParameterTable.Row> row = ParameterTable.row(key);
        if (row.isEmpty()) {
            throw where.error(here, at + ": unknown scenario key" + ScenarioException.didYouMean(key,
                    ParameterTable.rows().stream().map(ParameterTable.Row::key).toList()));
        }
        ParameterTable.Row r = row.get();
        if (!r.numeric()) {
            throw where.error(here, at + ": not a number (" + r.typeName() + ")");
        }
        String source = r.param() == null ? "" : r.param().source();
        if (!(source.startsWith("assumed") || source.startsWith("calibrated"))) {
            throw where.error(here, at + ": not free, its value comes from a source ('" + source
                    + "'); only keys whose source says assumed or calibrated are fitted");
        }
        if (spec == null || !spec.isObject()) {
            throw where.error(here, at + ": expected {min: .., max: ..}");
        }
        for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!PARAMETER_KEYS.contains(k)) {
                throw where.error(here + "." + k, at + ": unknown key '" + k + "'" + ScenarioException.didYouMean(k, PARAMETER_KEYS));
            }
        }
        double min = number(spec, "min", where, here, at), max = number(spec, "max", where, here, at);
        if (!(min < max)) {
            throw where.error(here + ".max", at + ": min must be below max");
        }
        if (min < r.param().min() || max > r.param().max()) {
            throw where.error(min < r.param().min() ? here + ".min" : here + ".max",
                    at + ": [" + min + ", " + max + "] leaves the key's range " + r.range());
        }
        Double start = spec.has("start") ? number(spec, "start", where, here, at) : null;
        if (start != null && (start < min || start > max)) {
            throw where.error(here + ".start", at + ": start " + start + " is outside [" + min + ", " + max + "]");
        }
        return new FreeParameter(key, min, max, start, r.integral());
    }

    private static Targets.Selection selection(JsonNode n, Where where) throws ScenarioException {
        if (n == null) {
            throw where.error("observations", "observations: expected in-sample, all-targets or a list of ids");
        }
        if (n.isTextual() && n.asText().equals("in-sample")) {
            return Targets.Selection.IN_SAMPLE;
        }
        if (n.isTextual() && n.asText().equals("all-targets")) {
            return Targets.Selection.ALL_TARGETS;
        }
        if (n.isArray() && !n.isEmpty()) {
            List<String> ids = new ArrayList<>();
            n.forEach(x -> ids.add(x.asText()));
            return Targets.Selection.of(ids);
        }
        throw where.error("observations", "observations: expected in-sample, all-targets or a list of ids, got '" + n + "'");
    }

    /** Listed ids must be target rows of the observed file: checked here, where the line of each id is known. */
    private static void checkIds(Targets.Selection selection, Path observed, Where where) throws ScenarioException {
        if (selection.kind() != Targets.Selection.Kind.IDS) {
            return;
        }
        Map<String, Observation> byId = new java.util.LinkedHashMap<>();
        for (Observation o : ObservationTable.read(observed)) {
            byId.put(o.id(), o);
        }
        for (int i = 0; i < selection.ids().size(); i++) {
            String id = selection.ids().get(i);
            Observation o = byId.get(id);
            String at = "observations[" + i + "]";
            if (o == null) {
                throw where.error(at, "observations: no observation " + id + " in " + observed
                        + ScenarioException.didYouMean(id, byId.keySet()));
            }
            if (o.use() != Observation.Use.TARGET) {
                throw where.error(at, "observations: " + id + " is a " + o.use().word() + " row of " + observed
                        + ", not a target (" + o.note() + ")");
            }
        }
    }

    private static Path path(JsonNode root, String key, Where where, Path dir, Path fallback) throws ScenarioException {
        JsonNode n = root.get(key);
        if (n == null) {
            if (fallback == null) {
                throw where.error(key, key + ": missing (a file name relative to this file)");
            }
            return fallback;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw where.error(key, key + ": expected a file name");
        }
        // shown relative to the working folder when it lies under it, as users typed the plan's own path
        Path p = dir.resolve(n.asText()).normalize();
        Path here = Path.of("").toAbsolutePath();
        return p.startsWith(here) ? here.relativize(p) : p;
    }

    private static long whole(JsonNode root, String key, Where where, long min) throws ScenarioException {
        JsonNode n = root.get(key);
        if (n == null) {
            throw where.error(key, key + ": missing");
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < min) {
            throw where.error(key, key + ": expected a whole number" + (min > Long.MIN_VALUE ? " >= " + min : "")
                    + ", got '" + n.asText() + "'");
        }
        return n.asLong();
    }

    private static double number(JsonNode spec, String key, Where where, String here, String at) throws ScenarioException {
        JsonNode n = spec.get(key);
        if (n == null || !n.isNumber()) {
            throw where.error(here + "." + key, at + ": " + key + " must be a number");
        }
        return n.asDouble();
    }
}
