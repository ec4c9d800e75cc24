package org.exitvoice.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads a scenario: defaults.yaml &lt; the {@code extends:} chain &lt; the file &lt; {@code --set} &lt;
 * {@code --seed/--scale/--days}, reporting every problem as one line {@code FILE:LINE: message}.
 *
 * <p>Each file is parsed into a tree that remembers the line of every key and is checked against
 * the record tree on its own, before merging, so that an error names the file and line that hold
 * the bad key. After merging, a map from dotted key to origin ({@code x.yaml:12}, {@code --set k},
 * {@code --seed}) lets the validator point at the same places.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /** The dedicated flags; null means not given. They win over the file and {@code --set}. */
    public record Overrides(Long seed, Integer scale, Integer days) {
        /** No flag given. */
        public static final Overrides NONE = new Overrides(null, null, null);
    }

    private static final String DEFAULTS_RESOURCE = "/org/exitvoice/scenario/defaults.yaml";
    private static final String EXTENDS = "extends";
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d+)])?");
    private static final long MAX_FILE_BYTES = 4L << 20; // a scenario is a page of text; anything bigger is a wrong file
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Binds merged trees to records and writes resolved scenarios; dates as ISO text. */
    static final YAMLMapper MAPPER = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // NOT FAIL_ON_NULL_FOR_PRIMITIVES: nulls are caught on the tree, with their origin
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS) // a route id "1234" stays text
            .build();

    private static volatile ObjectNode defaults;

    /**
     * Reads, merges, binds and validates a scenario and its region and route tables.
     *
     * @param file  the scenario file, as the user typed it (errors show it this way)
     * @param sets  {@code key.path=value} overrides, applied in order
     * @param flags {@code --seed/--scale/--days}, which win over everything
     */
    public static ScenarioInput load(Path file, List<String> sets, Overrides flags) throws ScenarioException {
        Resolution r = resolve(file, sets, flags);
        Scenario s = r.scenario;
        List<RegionData> regions = RegionTable.read(Path.of(s.data().regions()));
        Set<String> codes = regions.stream().map(RegionData::code).collect(Collectors.toCollection(LinkedHashSet::new));
        List<RouteData> routes = RouteTable.read(Path.of(s.data().routes()), codes);
        ScenarioValidator.validate(s, routes, r::locate); // now with the route ids events must name
        return new ScenarioInput(file, s, regions, routes);
    }

    /**
     * Reads, merges, binds and validates a scenario without reading its data tables (so event
     * routes are not checked against route ids). For tools that only need the parameters.
     */
    public static Scenario read(Path file, List<String> sets, Overrides flags) throws ScenarioException {
        return resolve(file, sets, flags).scenario;
    }

    /** The fully resolved scenario as YAML (ISO dates, absent values as {@code null}); reading it back gives an equal scenario. */
    public static String toYaml(Scenario s) {
        try {
            return "# exitvoice scenario, fully resolved (defaults, extends, --set and flags applied)\n"
                    + MAPPER.writeValueAsString(s);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write scenario as YAML", e);
        }
    }

    /** defaults.yaml as a tree (shared, do not modify). */
    static ObjectNode defaultsTree() {
        ObjectNode d = defaults;
        if (d == null) {
            try (InputStream in = ScenarioLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
                }
                YamlTree.Document p = YamlTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "defaults.yaml",
                        YamlTree.Keys.SCENARIO);
                checkGroup(Scenario.class, (ObjectNode) p.root(), "", key -> "defaults.yaml" + lineSuffix(p.lines(), key));
                d = (ObjectNode) p.root();
                defaults = d;
            } catch (IOException | ScenarioException | ClassCastException e) {
                throw new IllegalStateException("broken " + DEFAULTS_RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return d;
    }

    // ---------------------------------------------------------------- resolution

    /** The merged tree, where each key came from, and the bound record. */
    private static final class Resolution {
        final String shown;
        final ObjectNode tree = defaultsTree().deepCopy();
        final Map<String, String> origin = new HashMap<>();
        Scenario scenario;

        Resolution(String shown) {
            this.shown = shown;
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
    }

    private static Resolution resolve(Path file, List<String> sets, Overrides flags) throws ScenarioException {
        String shown = file.toString();
        Resolution r = new Resolution(shown);
        for (Source src : chain(file)) {
            merge(r.tree, src.tree, "", src, r);
        }
        for (String set : sets == null ? List.<String>of() : sets) {
            applySet(r, set);
        }
        Overrides f = flags == null ? Overrides.NONE : flags;
        if (f.seed() != null) {
            flag(r, "seed", "--seed", NODES.numberNode(f.seed()));
        }
        if (f.scale() != null) {
            flag(r, "scale", "--scale", NODES.numberNode(f.scale()));
        }
        if (f.days() != null) {
            flag(r, "days", "--days", NODES.numberNode(f.days()));
        }
        requireValues(Scenario.class, r.tree, "", r);
        try {
            r.scenario = MAPPER.treeToValue(r.tree, Scenario.class);
        } catch (JacksonException | IllegalArgumentException e) {
            // the checks above should leave nothing for Jackson to object to; if it does, still one line
            String key = e instanceof JsonMappingException m ? keyOf(m) : "";
            String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw key.isEmpty() ? new ScenarioException(shown, YamlTree.firstLine(why))
                    : ScenarioException.at(r.locate(key), key, YamlTree.firstLine(why));
        }
        ScenarioValidator.validate(r.scenario, null, r::locate);
        return r;
    }

    private static void flag(Resolution r, String key, String flag, JsonNode value) {
        r.tree.set(key, value);
        r.origin.put(key, flag);
    }

    /** The file and the files it extends, the most basic first. */
    private static List<Source> chain(Path file) throws ScenarioException {
        String shown = file.toString();
        if (!Files.exists(file)) {
            throw new ScenarioException(shown, "scenario file not found");
        }
        List<Source> chain = new ArrayList<>();
        List<Path> seen = new ArrayList<>(); // real paths, to spot a cycle however the path is spelt
        Path base = file.toAbsolutePath().normalize().getParent();
        Source src = readSource(file, shown);
        seen.add(realPath(file));
        chain.add(0, src);
        while (src.tree.has(EXTENDS)) {
            JsonNode ext = src.tree.get(EXTENDS);
            String at = src.at(EXTENDS);
            if (!ext.isTextual() || ext.asText().isBlank()) {
                throw ScenarioException.at(at, EXTENDS, "expected a file name, got " + describe(ext));
            }
            Path next;
            try {
                next = src.dir().resolve(ext.asText());
            } catch (InvalidPathException e) {
                throw ScenarioException.at(at, EXTENDS, "not a file name '" + ext.asText() + "'");
            }
            if (!Files.isRegularFile(next)) {
                throw ScenarioException.at(at, EXTENDS, "file not found '" + ext.asText() + "'");
            }
            Path real = realPath(next);
            String nextShown = shownPath(src, ext.asText());
            if (seen.contains(real)) {
                List<String> names = new ArrayList<>();
                for (Source s : chain) {
                    names.add(0, nameFrom(base, s.path));
                }
                names.add(nameFrom(base, next));
                throw ScenarioException.at(at, EXTENDS, "cycle " + String.join(" -> ", names));
            }
            seen.add(real);
            src = readSource(next, nextShown);
            chain.add(0, src);
        }
        return chain;
    }

    /** How an extended file is shown: the naming file's shown directory joined with the name it gives. */
    private static String shownPath(Source naming, String name) {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return p.normalize().toString();
        }
        Path parent = Path.of(naming.shown).getParent();
        return (parent == null ? p : parent.resolve(p)).normalize().toString();
    }

    /** A file's name in a cycle message, relative to the directory of the scenario the user named. */
    private static String nameFrom(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return base == null ? abs.toString() : base.relativize(abs).toString();
    }

    private static Path realPath(Path p) throws ScenarioException {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new ScenarioException(p.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** Deep merge: groups key by key, everything else (scalars, lists) replaced whole by the child. */
    private static void merge(ObjectNode base, ObjectNode child, String path, Source src, Resolution r) {
        for (Map.Entry<String, JsonNode> e : child.properties()) {
            String name = e.getKey();
            if (path.isEmpty() && name.equals(EXTENDS)) {
                continue;
            }
            String key = path.isEmpty() ? name : path + "." + name;
            JsonNode old = base.get(name);
            if (old instanceof ObjectNode oldGroup && e.getValue() instanceof ObjectNode newGroup) {
                r.origin.put(key, src.at(key));
                merge(oldGroup, newGroup, key, src, r);
            } else {
                base.set(name, e.getValue().deepCopy());
                r.replaced(key, src::at, src.lines.keySet());
            }
        }
    }

    // ---------------------------------------------------------------- --set

    private static void applySet(Resolution r, String set) throws ScenarioException {
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
            RecordComponent c = component(group, name);
            if (c == null) {
                throw new ScenarioException(at, "unknown key '" + name + "'" + ScenarioException.didYouMean(name, names(group)));
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
                type = elementType(type);
                holder = (ObjectNode) list.get(index);
                if (i == segments.length - 1) {
                    throw new ScenarioException(at, "an event is a group of keys; set one of " + names(Event.class));
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
            throw new ScenarioException(at, "'" + key + "' is a group of keys; set one of them, e.g. " + key + "." + names(k).get(0));
        }

        JsonNode value = raw.isBlank() ? NullNode.instance : scalar(raw, at);
        if (type instanceof ParameterizedType) { // a list can only be cleared from the command line
            if (!value.isNull()) {
                throw new ScenarioException(at, "a list is written in the scenario file; '" + key + "=' clears it");
            }
            value = NODES.arrayNode();
        }
        Function<String, String> where = k -> at;
        checkValue(type, value, key, where);
        if (key.startsWith("data.") && value.isTextual()) {
            value = NODES.textNode(dataPath(Path.of("").toAbsolutePath(), value.asText(), at));
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
            throw new ScenarioException(at, "expected a single value, got " + describe(p.root()));
        }
        return p.root();
    }

    // ---------------------------------------------------------------- checks against the record tree

    /** Checks one file's group against a record type: no unknown keys, right shapes, scalar types. */
    private static void checkGroup(Class<?> record, ObjectNode node, String path, Function<String, String> where)
            throws ScenarioException {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            String key = path.isEmpty() ? name : path + "." + name;
            if (path.isEmpty() && name.equals(EXTENDS)) {
                continue;
            }
            RecordComponent c = component(record, name);
            if (c == null) {
                List<String> known = names(record);
                if (path.isEmpty()) {
                    known.add(EXTENDS);
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

    private static void checkValue(Type type, JsonNode v, String key, Function<String, String> where)
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
        if (type == double.class) {
            if (!v.isNumber()) {
                return "expected a number" + got;
            }
            return Double.isFinite(v.doubleValue()) ? null : "expected a finite number" + got;
        }
        if (type == LocalDate.class) {
            if (v.isTextual()) {
                try {
                    LocalDate.parse(v.asText());
                    return null;
                } catch (DateTimeParseException e) {
                    // fall through to the message
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
    private static void requireValues(Class<?> record, ObjectNode node, String path, Resolution r) throws ScenarioException {
        for (RecordComponent c : record.getRecordComponents()) {
            String key = path.isEmpty() ? c.getName() : path + "." + c.getName();
            JsonNode v = node.get(c.getName());
            boolean optional = ParameterTable.NULLABLE.contains(key) || (record == Event.class && c.getName().equals("route"));
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

    // ---------------------------------------------------------------- reading one file

    /** One scenario file: where it is, how the user sees its name, its tree and the line of each key. */
    private record Source(Path path, String shown, ObjectNode tree, Map<String, Integer> lines) {
        String at(String key) {
            return shown + lineSuffix(lines, key);
        }

        Path dir() {
            return path.toAbsolutePath().normalize().getParent();
        }
    }

    private static String lineSuffix(Map<String, Integer> lines, String key) {
        Integer line = lines.get(key);
        return line == null ? "" : ":" + line;
    }

    private static Source readSource(Path path, String shown) throws ScenarioException {
        YamlTree.Document p = YamlTree.parse(YamlTree.readFile(path, shown, "a scenario file", MAX_FILE_BYTES), shown, YamlTree.Keys.SCENARIO);
        if (p.root() == null) {
            throw new ScenarioException(shown, "empty scenario file");
        }
        if (!(p.root() instanceof ObjectNode tree)) {
            throw new ScenarioException(shown + ":1", "expected a mapping of scenario keys, got " + describe(p.root()));
        }
        Source src = new Source(path, shown, tree, p.lines());
        checkGroup(Scenario.class, tree, "", src::at);
        // data tables are named relative to the file that names them; store the resolved path
        if (tree.get("data") instanceof ObjectNode data) {
            for (String table : List.of("regions", "routes")) {
                JsonNode name = data.get(table);
                if (name != null && name.isTextual()) {
                    data.put(table, dataPath(src.dir(), name.asText(), src.at("data." + table)));
                }
            }
        }
        return src;
    }

    private static String dataPath(Path dir, String name, String at) throws ScenarioException {
        try {
            return dir.resolve(name).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw new ScenarioException(at, "not a file name '" + name + "'");
        }
    }

    // ---------------------------------------------------------------- small shared pieces

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> names(Class<?> record) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            out.add(c.getName());
        }
        return out;
    }

    private static Type elementType(Type listType) {
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

    private static String parentKey(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return cut < 0 ? "" : key.substring(0, cut);
    }

    private static boolean below(String k, String key) {
        return k.startsWith(key) && k.length() > key.length()
                && (k.charAt(key.length()) == '.' || k.charAt(key.length()) == '[');
    }

    private static String keyOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
