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
 * the day steps only (building the populations is not timed); results are ratios measured in one run.
 */
public final class Benchmark {
    /** What one implementation did. */
    public record Measure(String name, int threads, double seconds, double personDaysPerSecond) {
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

    private Benchmark() {
    }

    public static Result run(ScenarioInput in, int threads, int days, PrintStream log) {
        var s = in.scenario();
        log.printf(Locale.ROOT, "bench: %s, scale %d, %d days, %d threads%n", in.file(), s.scale(), days, threads);
        // heap first, before the warm-up leaves threads and garbage behind
        long before = usedHeapAfterGc();
        ExitVoiceModel engine = new ExitVoiceModel(s, in.regions(), in.routes(), threads);
        engine.start();
        long agents = MemoryFloor.agents(engine);
        double bytesPerPerson = (usedHeapAfterGc() - before) / (double) agents;
        log.printf(Locale.ROOT, "  population: %,d agents, %.1f bytes of heap each%n", agents, bytesPerPerson);
        warmUp(in, threads, days, log);

        double t0 = now();
        for (int d = 0; d < days; d++) {
            engine.schedule.step(engine);
        }
        Measure fast = measure("exitvoice engine (primitive arrays, regions on a thread pool)", threads, now() - t0, agents, days);
        log.println("  " + line(fast));

        ForkJoinPool pool = new ForkJoinPool(threads);
        long checksum = 0;
        t0 = now();
        for (int d = 0; d < days; d++) {
            checksum += pool.submit(() -> MemoryFloor.streamInParallel(engine)).join();
        }
        Measure bare = measure("bare loop streaming the same arrays once a day", threads, now() - t0, agents, days);
        pool.shutdown();
        log.println("  " + line(bare) + (checksum == 42 ? " " : ""));
        engine.finish();

        // a second engine gives the baseline the same population and each day's prices and events
        ExitVoiceModel source = new ExitVoiceModel(s, in.regions(), in.routes(), 1);
        source.start();
        ObjectPerAgentBaseline objects = new ObjectPerAgentBaseline(source, threads);
        objects.start();
        t0 = now();
        for (int d = 0; d < days; d++) {
            objects.stepDay();
        }
        Measure slow = measure("object per agent (one Steppable each, MASON ParallelSequence)", threads, now() - t0,
                objects.men(), days);
        objects.finish();
        log.println("  " + line(slow));
        return new Result(fast, slow, bare, agents, days, bytesPerPerson);
    }

    /** The table and the closing line, e.g. {@code bench: person_days_per_s=5.1e7 speedup_vs_objects=31.0 vs_bare=2.4 bytes_per_person=18.0}. */
    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%-66s %7s %10s %16s %9s%n", "implementation", "threads", "time (s)", "person-days/s", "relative");
        for (Measure m : new Measure[]{r.engine(), r.objects(), r.bare()}) {
            out.printf(Locale.ROOT, "%-66s %7d %10.2f %16.3e %9.2f%n", m.name(), m.threads(), m.seconds(),
                    m.personDaysPerSecond(), m.seconds() / r.engine().seconds());
        }
        out.printf(Locale.ROOT, "(%,d agents x %d days; relative = time / engine time; bytes per person = heap of the engine's population per agent)%n",
                r.agents(), r.days());
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

    private static Measure measure(String name, int threads, double seconds, long agents, int days) {
        return new Measure(name, threads, seconds, agents * (double) days / seconds);
    }

    private static String line(Measure m) {
        return String.format(Locale.ROOT, "%-66s %.2f s, %.3e person-days/s", m.name(), m.seconds(), m.personDaysPerSecond());
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
