package org.exitvoice.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Small hand-made worlds for model tests: the shipped defaults with a few keys changed, and toy regions and routes. */
public final class Worlds {
    private static final YAMLMapper YAML = YAMLMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Worlds() {
    }

    /** The defaults with {@code key.path=value} pairs applied (values parsed as YAML scalars). */
    public static Scenario scenario(String... sets) {
        try (InputStream in = Scenario.class.getResourceAsStream("/org/exitvoice/scenario/defaults.yaml")) {
            ObjectNode root = (ObjectNode) YAML.readTree(in);
            ((ObjectNode) root.get("data")).set("regions", TextNode.valueOf("unused"));
            ((ObjectNode) root.get("data")).set("routes", TextNode.valueOf("unused"));
            for (String set : sets) {
                String[] kv = set.split("=", 2);
                String[] path = kv[0].split("\\.");
                ObjectNode node = root;
                for (int p = 0; p < path.length - 1; p++) {
                    node = (ObjectNode) node.get(path[p]);
                }
                JsonNode value = YAML.readTree(kv[1]);
                node.set(path[path.length - 1], value == null || value.isMissingNode() ? null : value);
            }
            return YAML.treeToValue(root, Scenario.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every man of a region as he is now. */
    public static java.util.stream.Stream<ManView> men(Region r) {
        return java.util.stream.IntStream.range(0, r.men()).mapToObj(r::man);
    }

    /** Region r's men counted by state from the men themselves (the model keeps the counts as it goes). */
    public static int[] recountStates(ExitVoiceModel m, int r) {
        int[] counts = new int[PersonState.COUNT];
        men(m.regions().get(r)).forEach(v -> counts[v.state()]++);
        return counts;
    }

    public static RegionData region(String code, long population, double lat, double lon) {
        return new RegionData(code, code, "Test", code, lat, lon, population, 0.75, 0.29, 1.0, 0.1, List.of());
    }

    public static RouteData land(String id, double lat, double lon, long capacity) {
        return new RouteData(id, id, RouteData.Mode.LAND, "RU-A", lat, lon, "Elsewhere", capacity,
                RouteData.Documents.INTERNAL, 1000);
    }

    /** Two regions near one land crossing, both 200-300 km away. */
    public static List<RegionData> twoRegions() {
        return List.of(region("RU-A", 2_000_000, 50.0, 40.0), region("RU-B", 1_000_000, 51.0, 41.0));
    }
}
