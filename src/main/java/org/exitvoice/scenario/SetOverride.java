package org.exitvoice.scenario;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One {@code --set key.path=value} from the command line, checked against the record tree and written into the merged tree. */
final class SetOverride {
    private SetOverride() {
    }

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d+)])?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Applies {@code set} to the merged tree; from now on its key comes from {@code --set key}. */
    static void apply(Resolution r, String set) throws ScenarioException {
        int eq = set.indexOf('=');
        String key = eq < 0 ? set.strip() : set.substring(0, eq).strip();
        if (eq < 0 || key.isEmpty()) {
            throw new ScenarioException("--set " + set, "expected key.path=value");
        }
        String at = "--set " + key;
        String raw = set.substring(eq + 1);

        // walk the record tree and the merged tree side by side
        Type type = Scenario.class;
        ObjectNode holder = r.tree;
        String name = null;
        String[] segments = key.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            if (type instanceof ParameterizedType) {
                throw new ScenarioException(at, "'" + name + "' is a list; name an item, e.g. " + name + "[0]." + segments[i]);
            }
            if (!(type instanceof Class<?> group && group.isRecord())) {
                throw new ScenarioException(at, "'" + String.join(".", Arrays.copyOf(segments, i)) + "' holds a single value, no keys under it");
            }
            Matcher m = SEGMENT.matcher(segments[i]);
            if (!m.matches()) {
                throw new ScenarioException(at, "not a key path '" + segments[i] + "'");
            }
            name = m.group(1);
            RecordComponent c = ScenarioShape.component(group, name);
            if (c == null) {
                throw new ScenarioException(at, "unknown key '" + name + "'" + ScenarioException.didYouMean(name, ScenarioShape.names(group)));
            }
            type = c.getGenericType();
            if (m.group(2) != null) { // events[2].date: an element of an existing list
                JsonNode list = holder.get(name);
                int index = Integer.parseInt(m.group(2));
                if (!(type instanceof ParameterizedType) || list == null || !list.isArray()) {
                    throw new ScenarioException(at, "'" + name + "' is not a list");
                }
                if (index >= list.size()) {
                    throw new ScenarioException(at, "no " + name + "[" + index + "]: the scenario lists " + list.size());
                }
                type = ScenarioShape.elementType(type);
                holder = (ObjectNode) list.get(index);
                if (i == segments.length - 1) {
                    throw new ScenarioException(at, "an event is a group of keys; set one of " + ScenarioShape.names(Event.class));
                }
            } else if (i < segments.length - 1) {
                JsonNode next = holder.get(name);
                if (next instanceof ObjectNode nextGroup) {
                    holder = nextGroup;
                } else if (type instanceof Class<?> k && k.isRecord()) {
                    throw new ScenarioException(at, "'" + name + "' is not set");
                }
            }
        }
        if (type instanceof Class<?> k && k.isRecord()) {
            throw new ScenarioException(at, "'" + key + "' is a group of keys; set one of them, e.g. " + key + "." + ScenarioShape.names(k).get(0));
        }

        JsonNode value = raw.isBlank() ? NullNode.instance : scalar(raw, at);
        if (type instanceof ParameterizedType) { // a list can only be cleared from the command line
            if (!value.isNull()) {
                throw new ScenarioException(at, "a list is written in the scenario file; '" + key + "=' clears it");
            }
            value = NODES.arrayNode();
        }
        Function<String, String> where = k -> at;
        ScenarioShape.checkValue(type, value, key, where);
        if (key.startsWith("data.") && value.isTextual()) {
            value = NODES.textNode(DataFiles.resolve(Path.of("").toAbsolutePath(), value.asText(), at));
        }
        holder.set(name, value);
        r.replaced(key, where, Set.of(key));
    }

    /** A --set value, read as one YAML scalar ({@code 12}, {@code 0.5}, {@code 2022-09-25}, {@code null}). */
    private static JsonNode scalar(String raw, String at) throws ScenarioException {
        YamlTree.Document p;
        try {
            p = YamlTree.parse(raw, at, YamlTree.Keys.SCENARIO);
        } catch (ScenarioException e) {
            throw new ScenarioException(at, e.detail());
        }
        if (p.root() == null) {
            return NullNode.instance;
        }
        if (p.root().isContainerNode()) {
            throw new ScenarioException(at, "expected a single value, got " + ScenarioShape.describe(p.root()));
        }
        return p.root();
    }
}
