package org.exitvoice.scenario;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A scenario being resolved: the merged tree, where each key came from, and at the end the bound record. */
final class Resolution {
    final String shown;
    final ObjectNode tree;
    final Map<String, String> origin = new HashMap<>();
    /** Per event, where its date came from and the run that layer described (null when unreadable there). */
    private final Map<Integer, Noted> eventRuns = new HashMap<>();
    /** One-line warnings for the user, e.g. an event a shortened run does not reach. */
    final List<String> warnings = new ArrayList<>();
    Scenario scenario;

    /**
     * @param shown the scenario file as the user typed it, the origin of any key nothing else claims
     * @param tree  the tree to merge into, a copy of the defaults
     */
    Resolution(String shown, ObjectNode tree) {
        this.shown = shown;
        this.tree = tree;
    }

    /** Where the value of {@code key} was set: its own origin, else its nearest group's, else the scenario file. */
    String locate(String key) {
        for (String k = key; !k.isEmpty(); k = parentKey(k)) {
            String o = origin.get(k);
            if (o != null) {
                return o;
            }
        }
        return shown;
    }

    /** Records that {@code key} (and everything below it) now comes from {@code where}. */
    void replaced(String key, Function<String, String> where, Set<String> keysBelow) {
        origin.keySet().removeIf(k -> k.equals(key) || below(k, key));
        for (String k : keysBelow) {
            if (k.equals(key) || below(k, key)) {
                origin.put(k, where.apply(k));
            }
        }
    }

    /**
     * Called after each layer (a file of the extends chain, a {@code --set}): notes, for every event whose date this
     * layer wrote, the run as the tree now describes it, the run that event's author saw.
     */
    void noteEventRuns() {
        JsonNode events = tree.get("events");
        int n = events instanceof ArrayNode list ? list.size() : 0;
        eventRuns.keySet().removeIf(k -> k >= n);
        ScenarioValidator.Span run = span(tree.get("start"), tree.get("days"));
        for (int i = 0; i < n; i++) {
            String from = origin.get("events[" + i + "].date");
            Noted noted = eventRuns.get(i);
            if (from != null && (noted == null || !noted.from().equals(from))) {
                eventRuns.put(i, new Noted(from, run));
            }
        }
    }

    /** The run the layer that dated event {@code k} described, or null when not known. */
    ScenarioValidator.Span eventRun(int k) {
        Noted noted = eventRuns.get(k);
        return noted == null ? null : noted.run();
    }

    private record Noted(String from, ScenarioValidator.Span run) {
    }

    private static ScenarioValidator.Span span(JsonNode start, JsonNode days) {
        if (start == null || !start.isTextual() || days == null || !days.canConvertToInt() || days.intValue() < 1) {
            return null;
        }
        try {
            return ScenarioValidator.Span.of(LocalDate.parse(start.asText()), days.intValue());
        } catch (DateTimeException e) { // not a date: the shape checks report it
            return null;
        }
    }

    private static String parentKey(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return cut < 0 ? "" : key.substring(0, cut);
    }

    private static boolean below(String k, String key) {
        return k.startsWith(key) && k.length() > key.length()
                && (k.charAt(key.length()) == '.' || k.charAt(key.length()) == '[');
    }
}
