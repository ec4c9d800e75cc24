package org.exitvoice.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.Map;

/**
 * Reads a YAML document into a tree the way scenario and experiment files are read: the line of every key and list
 * item is kept for one-line errors, and duplicate keys and aliases are refused.
 */
public final class YamlTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How a file's key paths are spelt in the line map, and how its numbers are kept. */
    public enum Keys {
        /** Scenario keys: {@code protest.k}, {@code events[0]}; numbers as int, long or double. */
        SCENARIO,
        /** Experiment keys: {@code /factors/draft.misclassification/0} (factor names hold dots); numbers exact. */
        EXPERIMENT
    }

    private YamlTree() {
    }

    /**
     * The node at the parser's current token (the document's first), recording in {@code lines} the line of every key
     * path and list item.
     *
     * @throws ScenarioException {@code FILE:LINE: duplicate key 'k'}, an alias, or content a YAML file cannot mean
     */
    public static JsonNode read(JsonParser p, Keys keys, Map<String, Integer> lines, String shown)
            throws IOException, ScenarioException {
        return node(p, "", keys, lines, shown);
    }

    private static JsonNode node(JsonParser p, String path, Keys keys, Map<String, Integer> lines, String shown)
            throws IOException, ScenarioException {
        int line = p.currentTokenLocation().getLineNr();
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new ScenarioException(shown + ":" + line, "YAML aliases (*name) are not supported; write the value out");
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String key = keys == Keys.SCENARIO ? (path.isEmpty() ? name : path + "." + name) : path + "/" + name;
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (o.has(name)) {
                        throw new ScenarioException(shown + ":" + keyLine,
                                "duplicate key '" + (keys == Keys.SCENARIO ? key : name) + "'");
                    }
                    lines.put(key, keyLine);
                    p.nextToken();
                    o.set(name, node(p, key, keys, lines, shown));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    String key = keys == Keys.SCENARIO ? path + "[" + i + "]" : path + "/" + i;
                    lines.put(key, p.currentTokenLocation().getLineNr());
                    a.add(node(p, key, keys, lines, shown));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                if (keys == Keys.EXPERIMENT) {
                    return NODES.numberNode(p.getBigIntegerValue());
                }
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                // experiment levels keep the decimals as written (0.1 stays 0.1 in run ids and tables)
                return keys == Keys.EXPERIMENT ? NODES.numberNode(p.getDecimalValue()) : NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new ScenarioException(shown + ":" + line, "unsupported YAML content (" + t + ")");
        }
    }
}
