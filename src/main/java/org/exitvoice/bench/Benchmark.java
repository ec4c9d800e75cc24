package org.exitvoice.bench;

import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.scenario.ScenarioInput;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code exitvoice bench}: the engine against a plain object-per-agent MASON version with the same rules and against
 * a bare pass over the same arrays, in one process, on the same population, for the same days. Time is wall time of
 * the day steps only (building the populations is not timed); each implementation is timed several times on a fresh
 * population and its median kept, because one run on a shared machine can be a third slower than the next. Results
 * are ratios measured in one run.
 */
public final class Benchmark {
    /** What one implementation did: the median of its timed repetitions, and their range. */
    public record Measure(String name, int threads, double seconds, double personDaysPerSecond, double fastest,
                          double slowest) {
    }

    /** The three measures and the heap the engine's population takes per agent. */
    public record Result(Measure engine, Measure objects, Measure bare, long agents, int days, double bytesPerPerson) {
        public double speedupVsObjects() {
            return objects.seconds() / engine.seconds();
        }

        public double vsBare() {
            return engine.seconds() / bare.seconds();
        }
    }

    private static final String ENGINE = "exitvoice engine (primitive arrays, regions on a thread pool)";
    private static final String OBJECTS = "object per agent (one Steppable each, MASON ParallelSequence)";
    private static final String BARE = "bare loop streaming the same arrays once a day";

    private Benchmark() {
    }

    public static Result run(ScenarioInput in, int threads, int days, int repetitions, PrintStream log) {
        var s = in.scenario();
        log.printf(Locale.ROOT, "bench: %s, scale %d, %d days, %d threads, %d repetitions%n", in.file(), s.scale(), days,
                threads, repetitions);
        // heap first, before the warm-up leaves threads and garbage behind
        long before = usedHeapAfterGc();
        ExitVoiceModel first = new ExitVoiceModel(s, in.regions(), in.routes(), threads);
        first.start();
        long agents = BarePass.agents(first);
        double bytesPerPerson = (usedHeapAfterGc() - before) / (double) agents;
        first.finish();
        first = null;
        log.printf(Locale.ROOT, "  population: %,d agents, %.1f bytes of heap each%n", agents, bytesPerPerson);

        long[] men = new long[1];
        TimedRun engine = () -> engineRun(in, threads, days);
        TimedRun bare = () -> bareRun(in, threads, days);
        TimedRun objects = () -> objectsRun(in, threads, days, men);
        log.printf(Locale.ROOT, "  warmed up: engine %d runs, objects %d runs, bare %d runs%n", warmUp(engine),
                warmUp(objects), warmUp(bare));
        double[] engineTimes = new double[repetitions], bareTimes = new double[repetitions], objectTimes = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            engineTimes[r] = engine.seconds();
            objectTimes[r] = objects.seconds();
            bareTimes[r] = bare.seconds();
            log.printf(Locale.ROOT, "  repetition %d: engine %.2f s, objects %.2f s, bare %.2f s%n", r + 1, engineTimes[r],
                    objectTimes[r], bareTimes[r]);
        }
        return new Result(measure(ENGINE, threads, engineTimes, agents, days),
                measure(OBJECTS, threads, objectTimes, men[0], days), measure(BARE, threads, bareTimes, agents, days),
                agents, days, bytesPerPerson);
    }

    /** One timed run of an implementation on a fresh population (building it is not timed). */
    private interface TimedRun {
        double seconds();
    }

    /**
     * Runs an implementation for the whole length until its time is steady (two runs in a row within 10 % of each
     * other, at most {@link #MAX_WARM_UP_RUNS}): every timed loop is then compiled by the JIT's last tier, including
     * those that only run late (after the draft ends), and no compiler thread competes with the timed runs for the
     * cores. Otherwise whichever runs first, or has more code to compile, pays for it. Returns the runs it took.
     */
    private static int warmUp(TimedRun run) {
        double last = run.seconds();
        for (int k = 2; k <= MAX_WARM_UP_RUNS; k++) {
            double now = run.seconds();
            if (Math.abs(now - last) <= 0.1 * last) {
                return k;
            }
            last = now;
        }
        return MAX_WARM_UP_RUNS;
    }

    private static final int MAX_WARM_UP_RUNS = 6;

    /** Where the bare pass leaves its checksum. */
    private static volatile long sink;

    private static double engineRun(ScenarioInput in, int threads, int days) {
        ExitVoiceModel model = new ExitVoiceModel(in.scenario(), in.regions(), in.routes(), threads);
        model.start();
        usedHeapAfterGc(); // no earlier garbage is collected on this run's clock
        double t0 = now();
        for (int d = 0; d < days; d++) {
            model.schedule.step(model);
        }
        double seconds = now() - t0;
        model.finish();
        return seconds;
    }

    private static double bareRun(ScenarioInput in, int threads, int days) {
        ExitVoiceModel model = new ExitVoiceModel(in.scenario(), in.regions(), in.routes(), threads);
        model.start();
        ForkJoinPool pool = new ForkJoinPool(threads);
        usedHeapAfterGc();
        long checksum = 0;
        double t0 = now();
        for (int d = 0; d < days; d++) {
            checksum += pool.submit(() -> BarePass.streamInParallel(model)).join();
        }
        double seconds = now() - t0;
        pool.shutdown();
        model.finish();
        sink = checksum; // kept, so the JIT cannot drop the loop
        return seconds;
    }

    private static double objectsRun(ScenarioInput in, int threads, int days, long[] men) {
        // a second engine gives the baseline the same population and each day's prices and events
        ExitVoiceModel source = new ExitVoiceModel(in.scenario(), in.regions(), in.routes(), 1);
        source.start();
        ObjectPerAgentBaseline baseline = new ObjectPerAgentBaseline(source, threads);
        baseline.start();
        usedHeapAfterGc();
        double t0 = now();
        for (int d = 0; d < days; d++) {
            baseline.stepDay();
        }
        double seconds = now() - t0;
        men[0] = baseline.men();
        baseline.finish();
        return seconds;
    }

    /** The table and the closing line, e.g. {@code bench: person_days_per_s=5.1e7 speedup_vs_objects=31.0 vs_bare=2.4 bytes_per_person=18.0}. */
    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%-66s %7s %10s %13s %16s %9s%n", "implementation", "threads", "time (s)", "range (s)",
                "person-days/s", "relative");
        for (Measure m : new Measure[]{r.engine(), r.objects(), r.bare()}) {
            out.printf(Locale.ROOT, "%-66s %7d %10.2f %13s %16.3e %9.2f%n", m.name(), m.threads(), m.seconds(),
                    String.format(Locale.ROOT, "%.2f-%.2f", m.fastest(), m.slowest()), m.personDaysPerSecond(),
                    m.seconds() / r.engine().seconds());
        }
        out.printf(Locale.ROOT, "(%,d agents x %d days; time = median of the repetitions; relative = time / engine time; "
                + "bytes per person = heap of the engine's population per agent)%n", r.agents(), r.days());
        out.printf(Locale.ROOT, "bench: person_days_per_s=%.1e speedup_vs_objects=%.1f vs_bare=%.1f bytes_per_person=%.1f%n",
                r.engine().personDaysPerSecond(), r.speedupVsObjects(), r.vsBare(), r.bytesPerPerson());
    }

    private static Measure measure(String name, int threads, double[] seconds, long agents, int days) {
        double[] sorted = seconds.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Measure(name, threads, median, agents * (double) days / median, sorted[0], sorted[n - 1]);
    }

    private static double now() {
        return System.nanoTime() / 1e9;
    }

    private static long usedHeapAfterGc() {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
