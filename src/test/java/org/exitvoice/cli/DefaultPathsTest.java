package org.exitvoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exitvoice.scenario.ProjectHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * With the launcher's {@code exitvoice.home}, the defaults (the 2022 scenario, outputs/) are the project's, and the
 * paths a user types stay relative to where the user stands.
 */
class DefaultPathsTest {
    @TempDir
    Path home;

    private String before;

    @BeforeEach
    void setHome() {
        before = System.getProperty(ProjectHome.PROPERTY);
        System.setProperty(ProjectHome.PROPERTY, home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (before == null) {
            System.clearProperty(ProjectHome.PROPERTY);
        } else {
            System.setProperty(ProjectHome.PROPERTY, before);
        }
    }

    @Test
    void theDefaultsAreTheProjectsAndTheUsersPathsAreTheirOwn() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs();
        assertEquals(home.resolve("params/sep2022.yaml"), run.options.scenarioFile());
        assertEquals(home.resolve("outputs/sep2022"), run.outDir());
        assertEquals(home.resolve("outputs/sep2022-validate"), run.options.defaultOutDir("-validate"));
        run = new RunCommand();
        new CommandLine(run).parseArgs("my.yaml");
        assertEquals(Path.of("my.yaml"), run.options.scenarioFile(), "a named scenario is the user's, as typed");
        assertEquals(home.resolve("outputs/my"), run.outDir(), "its default folder is still in the project");
        run = new RunCommand();
        new CommandLine(run).parseArgs("my.yaml", "--out", "mine");
        assertEquals(Path.of("mine"), run.outDir(), "--out is the user's, as typed");
    }

    @Test
    void aDefaultRunReadsAndWritesInTheProject() throws Exception {
        Files.createSymbolicLink(home.resolve("params"), Path.of("params").toAbsolutePath());
        CommandLine cl = ExitVoice.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute("run", "--scale", "8000", "--days", "2", "--quiet"), err::toString);
        assertTrue(Files.isRegularFile(home.resolve("outputs/sep2022/national.csv")), "written under exitvoice.home");
    }
}
