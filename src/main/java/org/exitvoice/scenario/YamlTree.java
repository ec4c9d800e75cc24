package org.exitvoice.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a YAML file into a tree the way scenario, experiment and calibration files are read: text only, the line of
 * every key and list item kept for one-line errors, duplicate keys, aliases and second documents refused.
 */
public final class YamlTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = new YAMLFactory();

    /** A YAML document as a tree (null when empty) with the line of every key path. */
    public record Document(JsonNode root, Map<String, Integer> lines) {
    }

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
     * The file as UTF-8 text, without a byte-order mark; a directory, a file over {@code maxBytes} (a wrong file: these
     * are pages of text), binary or non-UTF-8 content is one clean error naming the {@code kind} of file expected
     * ("a scenario file"), not a parser trace.
     */
    public static String readFile(Path path, String shown, String kind, long maxBytes) throws ScenarioException {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new ScenarioException(shown, "is a directory, not " + kind);
            }
            if (Files.size(path) > maxBytes) {
                throw new ScenarioException(shown, "too large for " + kind + " (" + Files.size(path) + " bytes)");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ScenarioException(shown, "cannot read: " + e.getMessage());
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new ScenarioException(shown, "not a text file (binary data)");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(shown, "not a UTF-8 text file (binary data?)");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The one YAML document in {@code text} (its root null when the text is empty), keys spelt as {@code keys} says.
     *
     * @throws ScenarioException {@code FILE:LINE: YAML syntax error: reason}, a second document, or what
     *                           {@link #read} refuses
     */
    public static Document parse(String text, String shown, Keys keys) throws ScenarioException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() == null) {
                return new Document(null, lines);
            }
            JsonNode root = read(p, keys, lines, shown);
            if (p.nextToken() != null) {
                throw new ScenarioException(shown + ":" + p.currentTokenLocation().getLineNr(),
                        "more than one YAML document (a second '---')");
            }
            return new Document(root, lines);
        } catch (JacksonException e) { // a syntax error, or e.g. a malformed number such as .inf
            throw syntaxError(shown, e);
        } catch (IOException e) {
            throw new ScenarioException(shown, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) { // snakeyaml limits and the like: still one line
            throw new ScenarioException(shown, "YAML syntax error: " + shortReason(String.valueOf(e.getMessage())));
        }
    }

    /**
     * The one-line error for YAML the parser refused: {@code FILE:LINE: YAML syntax error: reason}, at the line
     * SnakeYAML marks as the problem.
     */
    static ScenarioException syntaxError(String shown, JacksonException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String reason = e.getOriginalMessage();
        if (e instanceof JacksonYAMLParseException && e.getCause() instanceof MarkedYAMLException m) {
            reason = m.getProblem();
            if (m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
            }
        }
        return new ScenarioException(shown + (line > 0 ? ":" + line : ""), "YAML syntax error: " + shortReason(reason));
    }

    private static String shortReason(String reason) {
        String r = firstLine(reason == null ? "" : reason).strip();
        if (r.contains("<block mapping start>") || r.contains("<block end>")) {
            return "bad indentation (" + r + ")";
        }
        return r;
    }

    /** The text up to its first line break. */
    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The node at the parser's current token (the document's first), recording in {@code lines} the line of every key
     * path and list item.
     *
     * @throws ScenarioException {@code FILE:LINE: duplicate key 'k'}, an alias, or content a YAML file cannot mean
     */
    private static JsonNode read(JsonParser p, Keys keys, Map<String, Integer> lines, String shown)
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
