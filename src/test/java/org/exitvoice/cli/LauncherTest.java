package org.exitvoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script runs where the user stands: {@code ~/exitvoice/exitvoice run my.yaml} finds the user's file,
 * and the defaults are still the project's (the default scenario: {@link DefaultPathsTest}). The real script, on a
 * copy of the project whose jar only points at the compiled classes: building the real jar here would take a minute.
 */
class LauncherTest {
    @TempDir
    Path root;

    /** A jar holding only a manifest: the CLI's main class and this test's class path. */
    private static void pointingJar(Path jar) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.MAIN_CLASS, ExitVoice.class.getName());
        a.put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    /** Runs the launcher from {@code where}; returns its exit code, failing with its output if it hangs. */
    private static int launch(Path launcher, Path where, Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(where.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("JAVA_OPTS", "-Xmx512m");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher finished");
        return p.exitValue();
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theLauncherReadsTheUsersPathsWhereTheUserStandsAndWritesDefaultsInTheProject() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows") && Files.isExecutable(Path.of("/bin/bash")),
                "a POSIX shell");
        Path home = Files.createDirectories(root.resolve("exitvoice"));
        Path launcher = Files.copy(Path.of("exitvoice"), home.resolve("exitvoice"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(home.resolve("params"), Path.of("params").toAbsolutePath());
        pointingJar(home.resolve("target/exitvoice.jar")); // no src/ or pom.xml here: the launcher does not build
        Path user = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(user.resolve("my.yaml"), "extends: ../exitvoice/params/sep2022.yaml\nseed: 7\n");
        Path log = root.resolve("log.txt");

        // one launch, to stay quick: the user's scenario, named from where the user stands, and the default output root
        int exit = launch(launcher, user, log, "run", "my.yaml", "--scale", "8000", "--days", "2", "--quiet");
        assertEquals(0, exit, () -> "my.yaml is found where the user stands: " + read(log));
        assertTrue(Files.isRegularFile(home.resolve("outputs/my/national.csv")), "the default outputs/ is the project's");
        assertEquals(List.of("my.yaml"), list(user), "nothing written where the user stands");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
