package org.exitvoice.model;

import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Steps every region once a day on a fixed number of threads, largest regions first, each thread taking the next
 * region as it finishes one (Moscow alone is 60 times Chukotka).
 * Used instead of MASON 18's ParallelSequence, which in the Maven Central build never steps the last element of an
 * odd-sized array on two threads (checked: 85 regions, 2 threads, region 84 never stepped). Regions share nothing
 * while they step, so the result does not depend on the thread count or the order.
 */
final class RegionPhase implements Steppable {
    private static final long serialVersionUID = 1L;

    private final Region[] regions;
    private final int threads;
    private transient ExecutorService pool;

    RegionPhase(Region[] regions, int threads) {
        this.regions = regions.clone();
        Arrays.sort(this.regions, Comparator.comparingInt((Region r) -> r.people.size).reversed());
        this.threads = Math.max(1, threads);
    }

    @Override
    public void step(SimState state) {
        if (threads == 1) {
            for (Region r : regions) {
                r.step(state);
            }
            return;
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads - 1, runnable -> {
                Thread t = new Thread(runnable, "exitvoice-regions");
                t.setDaemon(true); // never keeps the JVM alive
                return t;
            });
        }
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int k = next.getAndIncrement(); k < regions.length; k = next.getAndIncrement()) {
                regions[k].step(state);
            }
        };
        List<Future<?>> helpers = new ArrayList<>(threads - 1);
        for (int t = 0; t < threads - 1; t++) {
            helpers.add(pool.submit(work));
        }
        work.run(); // the schedule's own thread works too
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while regions were stepping", e);
            } catch (ExecutionException e) {
                throw Failures.unchecked(e.getCause());
            }
        }
    }

    /** Stops the worker threads (the model's finish()). */
    void cleanup() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
