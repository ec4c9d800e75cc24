package org.exitvoice.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioLoader;
import org.exitvoice.scenario.YamlTree;

/**
 * What changed between the experiment a sweep folder was begun with and the one now asked to resume it, in words
 * ({@code replications 5 → 2}, {@code factor exitList.coverage levels [0, 0.5] → [0, 1]}), so that a refused
 * {@code --resume} says what to put back instead of showing two hashes. The old experiment is what the folder keeps:
 * sweep.json (the scenario as named, the tables' hashes), experiment.yaml and scenario.yaml.
 */
public final class ExperimentChanges {
    private ExperimentChanges() {
    }

    /** What a sweep folder keeps of the experiment it was begun with; null for a file it lacks. */
    public record Before(JsonNode manifest, String experimentYaml, String scenarioYaml) {
    }

    /** Keys of the experiment file compared as single values, in the file's order. */
    private static final List<String> SCALARS = List.of("design", "replications", "seed", "scale", "days");

    /** Scenario keys the experiment sets itself (compared above) or names by path (compared by file name below). */
    private static final Set<String> SET_BY_EXPERIMENT = Set.of("seed", "scale", "days");

    /** A value longer than this is cut, so that the refusal stays one readable line. */
    private static final int MAX_VALUE = 48;

    /** The differences, most telling first; empty when none can be named (e.g. the folder lacks its files). */
    public static List<String> between(Before before, Experiment now) throws IOException {
        List<String> out = new ArrayList<>();
        JsonNode m = before.manifest();
        String oldScenario = m == null ? "" : m.path("scenario").asText("");
        String newScenario = now.scenarioFile().toString().replace('\\', '/');
        if (!oldScenario.isEmpty() && !oldScenario.equals(newScenario)) {
            out.add("scenario " + oldScenario + " → " + newScenario);
        }
        JsonNode was = tree(before.experimentYaml(), YamlTree.Keys.EXPERIMENT);
        if (was != null) {
            JsonNode is = tree(now.yaml(), YamlTree.Keys.EXPERIMENT);
            for (String k : SCALARS) {
                changed(out, k, was.get(k), is.get(k));
            }
            // a folder from before the option was seeded point by point: an absent key reads as false
            boolean crnWas = was.path("commonRandomNumbers").asBoolean(false);
            if (crnWas != now.commonRandomNumbers()) {
                out.add("seeding " + Experiment.seeding(crnWas, now.design()) + " → " + now.seeding()
                        + " (commonRandomNumbers " + crnWas + " → " + now.commonRandomNumbers() + ")");
            }
            factors(out, was.path("factors"), is.path("factors"));
            named(out, "metric", was.path("metrics"), is.path("metrics"));
            named(out, "timeseries column", was.path("timeseries"), is.path("timeseries"));
        }
        // the same file may hold other values now; a changed file name already says so
        if (oldScenario.equals(newScenario) || oldScenario.isEmpty()) {
            JsonNode old = tree(before.scenarioYaml(), YamlTree.Keys.SCENARIO);
            JsonNode cur = tree(ScenarioLoader.toYaml(now.base().scenario()), YamlTree.Keys.SCENARIO);
            if (old != null && cur != null) {
                Map<String, String> a = flatten(old), b = flatten(cur);
                for (String k : union(a.keySet(), b.keySet())) {
                    if (!SET_BY_EXPERIMENT.contains(k) && !Objects.equals(a.get(k), b.get(k))) {
                        out.add("scenario value " + k + " " + cut(a.getOrDefault(k, "absent")) + " → "
                                + cut(b.getOrDefault(k, "absent")));
                    }
                }
            }
        }
        JsonNode tables = m == null ? null : m.get("tables");
        if (tables != null && tables.isObject()) {
            Map<String, String> files = Map.of("regions", now.base().scenario().data().regions(),
                    "routes", now.base().scenario().data().routes());
            for (Map.Entry<String, String> t : Fingerprint.tables(now).entrySet()) {
                if (!t.getValue().equals(tables.path(t.getKey()).asText(t.getValue()))) {
                    out.add("data table " + Path.of(files.get(t.getKey())).getFileName() + " edited");
                }
            }
        }
        return out;
    }

    /** The list as one line: the first three, then how many more. */
    public static String describe(List<String> changes) {
        if (changes.size() <= 3) {
            return String.join("; ", changes);
        }
        return String.join("; ", changes.subList(0, 3)) + "; and " + (changes.size() - 3) + " more";
    }

    private static void changed(List<String> out, String what, JsonNode was, JsonNode is) {
        if (!Objects.equals(was, is)) {
            out.add(what + " " + text(was) + " → " + text(is));
        }
    }

    /** Factors added, removed, given other values, or put in another order (which renumbers the points). */
    private static void factors(List<String> out, JsonNode was, JsonNode is) {
        List<String> before = keys(was), after = keys(is);
        for (String k : before) {
            if (!is.has(k)) {
                out.add("factor " + k + " removed");
            } else if (!was.get(k).equals(is.get(k))) {
                JsonNode a = was.get(k), b = is.get(k);
                out.add("factor " + k + (a.isArray() && b.isArray() ? " levels " : " ") + text(a) + " → " + text(b));
            }
        }
        for (String k : after) {
            if (!was.has(k)) {
                out.add("factor " + k + " added " + text(is.get(k)));
            }
        }
        if (before.size() == after.size() && before.containsAll(after) && !before.equals(after)) {
            out.add("factor order " + before + " → " + after);
        }
    }

    /** Metrics or series columns added or removed, or the same ones in another order. */
    private static void named(List<String> out, String what, JsonNode was, JsonNode is) {
        List<String> before = values(was), after = values(is);
        before.stream().filter(v -> !after.contains(v)).forEach(v -> out.add(what + " " + v + " removed"));
        after.stream().filter(v -> !before.contains(v)).forEach(v -> out.add(what + " " + v + " added"));
        if (before.size() == after.size() && before.containsAll(after) && !before.equals(after)) {
            out.add(what + " order " + cut(before.toString()) + " → " + cut(after.toString()));
        }
    }

    private static List<String> keys(JsonNode map) {
        List<String> out = new ArrayList<>();
        map.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> values(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Every leaf by its dotted path ({@code draft.target}, {@code events[2].date}); data tables by file name only. */
    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(root, "", out);
        for (String table : List.of("data.regions", "data.routes")) {
            // the folder names them relative to itself: only the name and the bytes (compared apart) mean anything
            out.computeIfPresent(table, (k, v) -> Path.of(v).getFileName().toString());
        }
        return out;
    }

    private static void flatten(JsonNode n, String path, Map<String, String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(n.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, text(n));
        }
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>(a);
        b.stream().filter(k -> !a.contains(k)).forEach(out::add);
        return out;
    }

    /** A value as the file would show it, without quotes: {@code [0, 0.5]}, {@code {min: 0, max: 1, steps: 5}}. */
    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "absent";
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(v -> items.add(text(v)));
            return cut("[" + String.join(", ", items) + "]");
        }
        if (n.isObject()) {
            List<String> items = new ArrayList<>();
            n.fields().forEachRemaining(e -> items.add(e.getKey() + ": " + text(e.getValue())));
            return cut("{" + String.join(", ", items) + "}");
        }
        return n.isNull() ? "null" : n.asText();
    }

    private static String cut(String s) {
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 3) + "...";
    }

    /** The YAML text as a tree; null when there is none or it does not parse (an old or damaged folder). */
    private static JsonNode tree(String yaml, YamlTree.Keys keys) {
        if (yaml == null) {
            return null;
        }
        try {
            JsonNode root = YamlTree.parse(yaml, "", keys).root();
            return root instanceof ObjectNode ? root : null;
        } catch (ScenarioException e) {
            return null;
        }
    }
}
