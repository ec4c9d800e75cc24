package org.exitvoice.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exitvoice.cli.ExitVoice;

import picocli.CommandLine;

/** Shared test fixtures: experiment files over the shipped 2022 scenario, the command line, CSV rows. */
final class Experiments {
    private Experiments() {
    }

    /** The shipped scenario, absolute, so an experiment in a temp folder can name it. */
    static final Path SEP2022 = Path.of("params/sep2022.yaml").toAbsolutePath();

    /** Writes {@code dir/name} with a {@code scenario:} line first and {@code body} after it. */
    static Path file(Path dir, String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "scenario: " + SEP2022.toString().replace('\\', '/') + "\n" + body, StandardCharsets.UTF_8);
        return f;
    }

    /** What a command printed and returned. */
    record Result(int exit, String out, String err) {
    }

    /** Runs {@code exitvoice ARGS} in this JVM. */
    static Result cli(String... args) {
        CommandLine cl = ExitVoice.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** A CSV file's rows (header skipped), each as its cells. */
    static List<List<String>> rows(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv); CSVParser p = CSVFormat.DEFAULT.parse(r)) {
            List<List<String>> out = new ArrayList<>();
            for (CSVRecord rec : p.getRecords()) {
                out.add(rec.toList());
            }
            return out.subList(1, out.size());
        }
    }

    /** runs.csv's rows sorted by run id, without the wall_s column: "identical" in the sense. */
    static List<List<String>> comparableRuns(Path dir) throws IOException {
        Path csv = dir.resolve(RunsJournal.RUNS);
        List<String> header;
        try (Reader r = Files.newBufferedReader(csv); CSVParser p = CSVFormat.DEFAULT.parse(r)) {
            header = p.getRecords().get(0).toList();
        }
        int wall = header.indexOf("wall_s");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : rows(csv)) {
            List<String> copy = new ArrayList<>(row);
            copy.remove(wall);
            rows.add(copy);
        }
        rows.sort(Comparator.comparingInt(r -> Integer.parseInt(r.get(0))));
        return rows;
    }
}
