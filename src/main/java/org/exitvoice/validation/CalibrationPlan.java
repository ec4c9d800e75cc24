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
     * key's allowed range.
     */
    public static CalibrationPlan read(Path file) throws ScenarioException {
        String where = file.toString();
        if (!Files.exists(file)) {
            throw new ScenarioException(where, "calibration file not found");
        }
        JsonNode root = YamlTree.parse(YamlTree.readFile(file, where, "a calibration file", MAX_FILE_BYTES), where,
                YamlTree.Keys.SCENARIO).root();
        if (root == null || !root.isObject()) {
            throw new ScenarioException(where, "expected keys " + String.join(", ", KEYS));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new ScenarioException(where, "unknown key '" + k + "'" + ScenarioException.didYouMean(k, KEYS));
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Path scenario = path(root, "scenario", where, dir, null);
        if (!Files.isRegularFile(scenario)) {
            throw new ScenarioException(where, "scenario: file not found '" + root.get("scenario").asText() + "'");
        }
        Path observed = path(root, "observed", where, dir, ProjectHome.resolve(ObservationTable.DEFAULT_FILE));
        Targets.Selection selection = selection(root.get("observations"), where);
        Objective objective = Objective.ARD;
        if (root.has("objective")) {
            String o = root.get("objective").asText();
            try {
                objective = Objective.valueOf(o.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(where, "objective: expected ard or log, got '" + o + "'");
            }
        }
        int budget = (int) whole(root, "budget", where, 2);
        int replications = (int) whole(root, "replications", where, 1);
        Integer scale = root.has("scale") ? (int) whole(root, "scale", where, 1) : null;
        Long seed = root.has("seed") ? whole(root, "seed", where, Long.MIN_VALUE) : null;
        JsonNode params = root.get("parameters");
        if (params == null || !params.isObject() || params.isEmpty()) {
            throw new ScenarioException(where, "parameters: expected at least one 'key.path: {min: .., max: ..}'");
        }
        List<FreeParameter> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            list.add(parameter(e.getKey(), e.getValue(), where));
        }
        return new CalibrationPlan(file, scenario, observed, selection, objective, budget, replications, scale, seed, list);
    }

    private static FreeParameter parameter(String key, JsonNode spec, String where) throws ScenarioException {
        String at = "parameters: " + key;
        Optional<ParameterTable.Row> row = ParameterTable.row(key);
        if (row.isEmpty()) {
            throw new ScenarioException(where, at + ": unknown scenario key" + ScenarioException.didYouMean(key,
                    ParameterTable.rows().stream().map(ParameterTable.Row::key).toList()));
        }
        ParameterTable.Row r = row.get();
        if (!r.numeric()) {
            throw new ScenarioException(where, at + ": not a number (" + r.typeName() + ")");
        }
        String source = r.param() == null ? "" : r.param().source();
        if (!(source.startsWith("assumed") || source.startsWith("calibrated"))) {
            throw new ScenarioException(where, at + ": not free, its value comes from a source ('" + source
                    + "'); only keys whose source says assumed or calibrated are fitted");
        }
        if (spec == null || !spec.isObject()) {
            throw new ScenarioException(where, at + ": expected {min: .., max: ..}");
        }
        for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!PARAMETER_KEYS.contains(k)) {
                throw new ScenarioException(where, at + ": unknown key '" + k + "'" + ScenarioException.didYouMean(k, PARAMETER_KEYS));
            }
        }
        double min = number(spec, "min", where, at), max = number(spec, "max", where, at);
        if (!(min < max)) {
            throw new ScenarioException(where, at + ": min must be below max");
        }
        if (min < r.param().min() || max > r.param().max()) {
            throw new ScenarioException(where, at + ": [" + min + ", " + max + "] leaves the key's range " + r.range());
        }
        Double start = spec.has("start") ? number(spec, "start", where, at) : null;
        if (start != null && (start < min || start > max)) {
            throw new ScenarioException(where, at + ": start " + start + " is outside [" + min + ", " + max + "]");
        }
        return new FreeParameter(key, min, max, start, r.integral());
    }

    private static Targets.Selection selection(JsonNode n, String where) throws ScenarioException {
        if (n == null) {
            throw new ScenarioException(where, "observations: expected in-sample, all-targets or a list of ids");
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
        throw new ScenarioException(where, "observations: expected in-sample, all-targets or a list of ids, got '" + n + "'");
    }

    private static Path path(JsonNode root, String key, String where, Path dir, Path fallback) throws ScenarioException {
        JsonNode n = root.get(key);
        if (n == null) {
            if (fallback == null) {
                throw new ScenarioException(where, key + ": missing (a file name relative to this file)");
            }
            return fallback;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new ScenarioException(where, key + ": expected a file name");
        }
        // shown relative to the working folder when it lies under it, as users typed the plan's own path
        Path p = dir.resolve(n.asText()).normalize();
        Path here = Path.of("").toAbsolutePath();
        return p.startsWith(here) ? here.relativize(p) : p;
    }

    private static long whole(JsonNode root, String key, String where, long min) throws ScenarioException {
        JsonNode n = root.get(key);
        if (n == null) {
            throw new ScenarioException(where, key + ": missing");
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < min) {
            throw new ScenarioException(where, key + ": expected a whole number" + (min > Long.MIN_VALUE ? " >= " + min : "")
                    + ", got '" + n.asText() + "'");
        }
        return n.asLong();
    }

    private static double number(JsonNode spec, String key, String where, String at) throws ScenarioException {
        JsonNode n = spec.get(key);
        if (n == null || !n.isNumber()) {
            throw new ScenarioException(where, at + ": " + key + " must be a number");
        }
        return n.asDouble();
    }
}
