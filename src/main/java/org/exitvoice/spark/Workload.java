package org.exitvoice.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.exitvoice.experiment.Experiment;
import org.exitvoice.experiment.Point;
import org.exitvoice.experiment.Sweep;
import org.exitvoice.scenario.ScenarioException;

/**
 * An experiment as an executor holds it: read back from the broadcast plan once per JVM and shared by the tasks that
 * run there at the same time (the tables are immutable, each simulation single-threaded, as in the local sweep).
 */
final class Workload {
    private static final Map<String, Workload> CACHE = new ConcurrentHashMap<>();

    final Experiment x;
    final List<Point> points;
    final Sweep.Simulator model;

    private Workload(Experiment x) {
        this.x = x;
        this.points = x.points();
        this.model = Sweep.model(x);
    }

    /** The experiment of {@code plan} on this JVM. */
    static Workload of(SweepPlan plan) {
        return CACHE.computeIfAbsent(plan.id(), id -> {
            try {
                Path dir = Files.createTempDirectory("exitvoice-spark-");
                Experiment x = plan.materialize(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                return new Workload(x);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ScenarioException e) { // the driver read the same scenario: this is no fault of the user's input
                throw new IllegalStateException("cannot read the experiment back on this executor: " + e.getMessage(), e);
            }
        });
    }

    /** Deletes a folder and everything below it, as far as it can. */
    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is no reason to fail
        }
    }
}
