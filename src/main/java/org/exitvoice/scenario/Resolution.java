package org.exitvoice.scenario;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A scenario being resolved: the merged tree, where each key came from, and at the end the bound record. */
final class Resolution {
    final String shown;
    final ObjectNode tree;
    final Map<String, String> origin = new HashMap<>();
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

    private static String parentKey(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return cut < 0 ? "" : key.substring(0, cut);
    }

    private static boolean below(String k, String key) {
        return k.startsWith(key) && k.length() > key.length()
                && (k.charAt(key.length()) == '.' || k.charAt(key.length()) == '[');
    }
}
