package org.exitvoice.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 *
 * <p>The steps, in the order they run: {@code ExtendsChain} reads the file and the files it extends and merges them
 * over the defaults; {@code SetOverride} applies each {@code --set}; {@code ScenarioShape} holds the checks against the
 * record types that every step uses; {@code Resolution} is the merged tree with the origin of each key.
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
        // now with the route ids events must name; the warnings were collected in resolve
        ScenarioValidator.validate(s, routes, codes, r::locate, r::eventRun, w -> { });
        return new ScenarioInput(file, s, regions, routes, r.warnings);
    }

    /**
     * Reads, merges, binds and validates a scenario without reading its data tables (so event
     * routes are not checked against route ids). For tools that only need the parameters. Warnings are dropped: these
     * tools read the scenario again for every run, after {@link #load} has given them once.
     */
    public static Scenario read(Path file, List<String> sets, Overrides flags) throws ScenarioException {
        return resolve(file, sets, flags).scenario;
    }

    /**
     * The fully resolved scenario as YAML (ISO dates, absent values as {@code null}); reading it back gives an equal
     * scenario, but for the events dated after its last day, which are left out ({@link Scenario#withoutLateEvents}).
     */
    public static String toYaml(Scenario s) {
        try {
            return "# exitvoice scenario, fully resolved (defaults, extends, --set and flags applied)\n"
                    + MAPPER.writeValueAsString(s.withoutLateEvents());
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
                ScenarioShape.checkGroup(Scenario.class, (ObjectNode) p.root(), "",
                        key -> "defaults.yaml" + ExtendsChain.lineSuffix(p.lines(), key));
                d = (ObjectNode) p.root();
                defaults = d;
            } catch (IOException | ScenarioException | ClassCastException e) {
                throw new IllegalStateException("broken " + DEFAULTS_RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return d;
    }

    /** Defaults, the extends chain, {@code --set}, the flags; then required values, binding and validation. */
    private static Resolution resolve(Path file, List<String> sets, Overrides flags) throws ScenarioException {
        String shown = file.toString();
        Resolution r = new Resolution(shown, defaultsTree().deepCopy());
        ExtendsChain.mergeInto(r, file);
        for (String set : sets == null ? List.<String>of() : sets) {
            SetOverride.apply(r, set);
            r.noteEventRuns();
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
        ScenarioShape.requireValues(Scenario.class, r.tree, "", r);
        try {
            r.scenario = MAPPER.treeToValue(r.tree, Scenario.class);
        } catch (JacksonException | IllegalArgumentException e) {
            // the checks above should leave nothing for Jackson to object to; if it does, still one line
            String key = e instanceof JsonMappingException m ? keyOf(m) : "";
            String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw key.isEmpty() ? new ScenarioException(shown, YamlTree.firstLine(why))
                    : ScenarioException.at(r.locate(key), key, YamlTree.firstLine(why));
        }
        ScenarioValidator.validate(r.scenario, null, null, r::locate, r::eventRun, r.warnings::add);
        return r;
    }

    private static void flag(Resolution r, String key, String flag, JsonNode value) {
        r.tree.set(key, value);
        r.origin.put(key, flag);
    }

    /** The dotted key Jackson was binding when it objected, e.g. {@code events[2].date}. */
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
