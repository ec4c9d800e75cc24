package org.exitvoice.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The scenario file and the files it names with {@code extends:}, each read and checked on its own, then merged over
 * the defaults with the most basic first, so that a file changes only the keys it writes.
 */
final class ExtendsChain {
    private ExtendsChain() {
    }

    /** The key that names the file this one builds on. */
    static final String EXTENDS = "extends";
    private static final long MAX_FILE_BYTES = 4L << 20; // a scenario is a page of text; anything bigger is a wrong file

    /** Merges {@code file} and the files it extends into {@code r}'s tree, noting the file and line of every key. */
    static void mergeInto(Resolution r, Path file) throws ScenarioException {
        for (Source src : chain(file)) {
            merge(r.tree, src.tree, "", src, r);
            r.noteEventRuns();
        }
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
                throw ScenarioException.at(at, EXTENDS, "expected a file name, got " + ScenarioShape.describe(ext));
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

    /** One scenario file: where it is, how the user sees its name, its tree and the line of each key. */
    private record Source(Path path, String shown, ObjectNode tree, Map<String, Integer> lines) {
        String at(String key) {
            return shown + lineSuffix(lines, key);
        }

        Path dir() {
            return path.toAbsolutePath().normalize().getParent();
        }
    }

    /** {@code :12} for a key the file holds on line 12; nothing for a key it does not hold. */
    static String lineSuffix(Map<String, Integer> lines, String key) {
        Integer line = lines.get(key);
        return line == null ? "" : ":" + line;
    }

    /** Reads one file and checks it on its own, before any merging, so that an error names this file and line. */
    private static Source readSource(Path path, String shown) throws ScenarioException {
        YamlTree.Document p = YamlTree.parse(YamlTree.readFile(path, shown, "a scenario file", MAX_FILE_BYTES), shown, YamlTree.Keys.SCENARIO);
        if (p.root() == null) {
            throw new ScenarioException(shown, "empty scenario file");
        }
        if (!(p.root() instanceof ObjectNode tree)) {
            throw new ScenarioException(shown + ":1", "expected a mapping of scenario keys, got " + ScenarioShape.describe(p.root()));
        }
        Source src = new Source(path, shown, tree, p.lines());
        ScenarioShape.checkGroup(Scenario.class, tree, "", src::at);
        // data tables are named relative to the file that names them; store the resolved path
        if (tree.get("data") instanceof ObjectNode data) {
            for (String table : List.of("regions", "routes")) {
                JsonNode name = data.get(table);
                if (name != null && name.isTextual()) {
                    data.put(table, DataFiles.resolve(src.dir(), name.asText(), src.at("data." + table)));
                }
            }
        }
        return src;
    }
}
