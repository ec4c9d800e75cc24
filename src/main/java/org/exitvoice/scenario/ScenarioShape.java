package org.exitvoice.scenario;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a scenario file may hold, read off the record types: known keys, groups, lists of events, scalar types, and
 * (after merging) a value for every key that needs one.
 *
 * <p>The records are the one list of keys, so a new parameter needs no change here; the checks run on the tree, before
 * Jackson binds it, so that every message names the file and line of the bad key.
 */
final class ScenarioShape {
    private ScenarioShape() {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Checks one file's group against a record type: no unknown keys, right shapes, scalar types. */
    static void checkGroup(Class<?> record, ObjectNode node, String path, Function<String, String> where)
            throws ScenarioException {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            String key = path.isEmpty() ? name : path + "." + name;
            if (path.isEmpty() && name.equals(ExtendsChain.EXTENDS)) {
                continue;
            }
            RecordComponent c = component(record, name);
            if (c == null) {
                List<String> known = names(record);
                if (path.isEmpty()) {
                    known.add(ExtendsChain.EXTENDS); // the one key a file may hold that the records do not
                }
                String hint = ScenarioException.didYouMean(name, known);
                if (hint.isEmpty() && !path.isEmpty()) {
                    hint = " (known: " + String.join(", ", known) + ")";
                }
                throw new ScenarioException(where.apply(key),
                        "unknown key '" + name + "'" + (path.isEmpty() ? "" : " in '" + path + "'") + hint);
            }
            checkValue(c.getGenericType(), e.getValue(), key, where);
        }
    }

    /** Checks one value against the type of its key; a null passes, since whether it may be null is known only after merging. */
    static void checkValue(Type type, JsonNode v, String key, Function<String, String> where)
            throws ScenarioException {
        if (type instanceof Class<?> group && group.isRecord()) {
            if (!(v instanceof ObjectNode o)) {
                throw ScenarioException.at(where.apply(key), key, "expected a group of keys, got " + describe(v));
            }
            checkGroup(group, o, key, where);
            return;
        }
        if (type instanceof ParameterizedType) { // List<Event>
            if (v.isNull()) {
                return; // cleared: no events
            }
            if (!v.isArray()) {
                throw ScenarioException.at(where.apply(key), key, "expected a list of events, got " + describe(v));
            }
            for (int i = 0; i < v.size(); i++) {
                String item = key + "[" + i + "]";
                if (!(v.get(i) instanceof ObjectNode o)) {
                    throw ScenarioException.at(where.apply(item), item,
                            "expected an event like {date: 2022-09-28, type: closeRoute, route: upper-lars}, got " + describe(v.get(i)));
                }
                checkGroup((Class<?>) elementType(type), o, item, where);
            }
            return;
        }
        if (v.isNull()) {
            return; // whether a value is required is decided after merging
        }
        String problem = scalarProblem((Class<?>) type, v);
        if (problem != null) {
            throw ScenarioException.at(where.apply(key), key, problem);
        }
    }

    /** Why {@code v} cannot be a value of {@code type}, or null when it can. */
    private static String scalarProblem(Class<?> type, JsonNode v) {
        String got = ", got " + describe(v);
        if (type == int.class || type == long.class) {
            boolean whole = v.isIntegralNumber() || (v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue()));
            if (!whole) {
                return "expected an integer" + got;
            }
            boolean fits = type == int.class ? v.canConvertToInt() : v.canConvertToLong();
            if (v.isFloatingPointNumber()) {
                double d = v.doubleValue();
                fits = type == int.class ? Math.abs(d) <= Integer.MAX_VALUE : Math.abs(d) < 9.2e18;
            }
            return fits ? null : "integer too large" + got;
        }
        if (type == double.class || type == Double.class) {
            if (!v.isNumber()) {
                return "expected a number" + got;
            }
            return Double.isFinite(v.doubleValue()) ? null : "expected a finite number" + got;
        }
        if (type == LocalDate.class) {
            if (v.isTextual()) {
                if (Dates.isDate(v.asText())) {
                    return null;
                }
                String none = Dates.nonexistent(v.asText()); // 2022-02-30 has the right shape: say which day is missing
                if (none != null) {
                    return v.asText() + ": " + none;
                }
            }
            return "expected a date like 2022-09-21" + got;
        }
        if (type == EventType.class) {
            List<String> allowed = Arrays.stream(EventType.values()).map(EventType::yamlName).toList();
            if (v.isTextual() && allowed.contains(v.asText())) {
                return null;
            }
            String hint = v.isTextual() ? ScenarioException.didYouMean(v.asText(), allowed) : "";
            return "unknown event type " + describe(v) + hint + "; allowed: " + String.join(", ", allowed);
        }
        if (type == String.class) {
            return v.isTextual() ? null : "expected a file name" + got;
        }
        throw new IllegalStateException("no check for " + type);
    }

    /** After merging: every key has a value except the nullable ones; a cleared event list becomes empty. */
    static void requireValues(Class<?> record, ObjectNode node, String path, Resolution r) throws ScenarioException {
        for (RecordComponent c : record.getRecordComponents()) {
            String key = path.isEmpty() ? c.getName() : path + "." + c.getName();
            JsonNode v = node.get(c.getName());
            boolean optional = ParameterTable.NULLABLE.contains(key) || (record == Event.class && Event.OPTIONAL_KEYS.contains(c.getName()));
            if (v == null || v.isNull()) {
                if (c.getGenericType() instanceof ParameterizedType) {
                    node.set(c.getName(), NODES.arrayNode());
                } else if (!optional) {
                    String own = r.origin.get(key);
                    throw own != null ? ScenarioException.at(own, key, "needs a value")
                            : new ScenarioException(r.locate(key), "missing key '" + key + "'");
                }
            } else if (v instanceof ObjectNode group) {
                requireValues(c.getType(), group, key, r);
            } else if (v instanceof ArrayNode list) {
                for (int i = 0; i < list.size(); i++) {
                    requireValues(Event.class, (ObjectNode) list.get(i), key + "[" + i + "]", r);
                }
            }
        }
    }

    /** The record's component called {@code name}, or null when the record has no such key. */
    static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The record's keys in the order it declares them (a new list, free to extend). */
    static List<String> names(Class<?> record) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            out.add(c.getName());
        }
        return out;
    }

    /** What a list holds: {@code Event} for {@code List<Event>}. */
    static Type elementType(Type listType) {
        return ((ParameterizedType) listType).getActualTypeArguments()[0];
    }

    /** A value as an error message shows it: text quoted, numbers as written, containers by kind. */
    static String describe(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return "'" + v.asText() + "'";
        }
        if (v.isObject()) {
            return "a group of keys";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isFloatingPointNumber()) {
            return ParameterTable.number(v.doubleValue());
        }
        return v.asText();
    }
}
