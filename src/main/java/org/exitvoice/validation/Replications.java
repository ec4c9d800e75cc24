package org.exitvoice.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.exitvoice.model.Failures;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Simulation;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;

/**
 * Runs a scenario several times, with seeds first, first+1, ... (the same seeds at every call: common random numbers,
 * so two parameter sets differ by their effect, not by luck), several runs at once on one thread each, and keeps only
 * what the comparisons measure.
 */
public final class Replications implements AutoCloseable {

    /** The scenario to run with a given seed (e.g. a file re-read with {@code --seed}). */
    @FunctionalInterface
    public interface Seeded {
        Scenario withSeed(long seed) throws ScenarioException;
    }

    private final int threads;
    private final ExecutorService pool;

    /** Runs up to {@code threads} replications at once. */
    public Replications(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "exitvoice-replication");
            t.setDaemon(true); // a failed command must not hang on its workers
            return t;
        });
    }

    /**
     * Runs {@code n} replications and measures each comparison in each.
     *
     * @param afterEachRun called (from a worker thread) as each replication finishes, e.g. to step a progress bar
     * @return values[comparison][replication], replications in seed order
     */
    public double[][] measure(Seeded scenario, long firstSeed, int n, List<RegionData> regions, List<RouteData> routes,
                              List<Target> comparisons, Runnable afterEachRun) throws ScenarioException {
        // fewer runs than threads: give each run the spare threads (results do not depend on the thread count)
        int perRun = Math.max(1, threads / Math.max(1, Math.min(n, threads)));
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scenarios.add(scenario.withSeed(firstSeed + i));
        }
        List<Future<double[]>> runs = new ArrayList<>();
        for (Scenario s : scenarios) {
            runs.add(pool.submit(() -> {
                RunResult r = Simulation.run(s, regions, routes, perRun, day -> { });
                double[] v = new double[comparisons.size()];
                for (int c = 0; c < v.length; c++) {
                    v[c] = comparisons.get(c).simulate(r);
                }
                afterEachRun.run();
                return v;
            }));
        }
        double[][] values = new double[comparisons.size()][n];
        try {
            for (int i = 0; i < n; i++) {
                double[] v = runs.get(i).get();
                for (int c = 0; c < v.length; c++) {
                    values[c][i] = v[c];
                }
            }
        } catch (InterruptedException e) {
            runs.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            runs.forEach(f -> f.cancel(true));
            throw Failures.unchecked(e.getCause());
        }
        return values;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
