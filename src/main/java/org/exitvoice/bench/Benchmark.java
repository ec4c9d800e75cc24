package org.exitvoice.bench;

import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.model.MemoryFloor;
import org.exitvoice.model.ObjectPerAgentBaseline;
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
        long agents = MemoryFloor.agents(first);
        double bytesPerPerson = (usedHeapAfterGc() - before) / (double) agents;
        first.finish();
        first = null;
        log.printf(Locale.ROOT, "  population: %,d agents, %.1f bytes of heap each%n", agents, bytesPerPerson);
        warmUp(in, threads, days, log);

        double[] engine = new double[repetitions], bare = new double[repetitions], objects = new double[repetitions];
        long men = 0;
        for (int r = 0; r < repetitions; r++) {
            usedHeapAfterGc(); // the last repetition's garbage is not collected on this one's clock
            ExitVoiceModel model = new ExitVoiceModel(s, in.regions(), in.routes(), threads);
            model.start();
            double t0 = now();
            for (int d = 0; d < days; d++) {
                model.schedule.step(model);
            }
            engine[r] = now() - t0;

            ForkJoinPool pool = new ForkJoinPool(threads);
            long checksum = 0;
            t0 = now();
            for (int d = 0; d < days; d++) {
                checksum += pool.submit(() -> MemoryFloor.streamInParallel(model)).join();
            }
            bare[r] = now() - t0;
            pool.shutdown();
            model.finish();

            // a second engine gives the baseline the same population and each day's prices and events
            ExitVoiceModel source = new ExitVoiceModel(s, in.regions(), in.routes(), 1);
            source.start();
            ObjectPerAgentBaseline baseline = new ObjectPerAgentBaseline(source, threads);
            baseline.start();
            usedHeapAfterGc();
            t0 = now();
            for (int d = 0; d < days; d++) {
                baseline.stepDay();
            }
            objects[r] = now() - t0;
            men = baseline.men();
            baseline.finish();
            log.printf(Locale.ROOT, "  repetition %d: engine %.2f s, objects %.2f s, bare %.2f s%s%n", r + 1, engine[r],
                    objects[r], bare[r], checksum == 42 ? " " : "");
        }
        return new Result(measure(ENGINE, threads, engine, agents, days), measure(OBJECTS, threads, objects, men, days),
                measure(BARE, threads, bare, agents, days), agents, days, bytesPerPerson);
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

    /**
     * Runs all three for the same days on a population of the same size first, so that every timed loop is compiled
     * (by the JIT's last tier) before it is timed, including those that only run late (after the draft ends, say);
     * otherwise whichever runs first, or whichever has more rarely used code, pays for compiling.
     */
    private static void warmUp(ScenarioInput in, int threads, int days, PrintStream log) {
        var s = in.scenario();
        ExitVoiceModel engine = new ExitVoiceModel(s, in.regions(), in.routes(), threads);
        engine.start();
        for (int d = 0; d < days; d++) {
            engine.schedule.step(engine);
            MemoryFloor.streamOnce(engine);
        }
        engine.finish();
        ExitVoiceModel source = new ExitVoiceModel(s, in.regions(), in.routes(), 1);
        source.start();
        ObjectPerAgentBaseline objects = new ObjectPerAgentBaseline(source, threads);
        objects.start();
        for (int d = 0; d < days; d++) {
            objects.stepDay();
        }
        objects.finish();
        log.println("  warmed up (all three, " + days + " days at scale " + s.scale() + ")");
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
