package org.exitvoice.model.engine;

import org.exitvoice.model.Failures;

import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.ArrayList;
import java.util.Arrays;
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
public final class RegionPhase implements Steppable {
    private static final long serialVersionUID = 1L;

    private final Steppable[] regions;
    private final int threads;
    private transient ExecutorService pool;

    /** A phase over the regions, whose sizes (men) give the order they are taken in, on {@code threads} threads. */
    public RegionPhase(Steppable[] regions, int[] sizes, int threads) {
        Integer[] order = new Integer[regions.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(sizes[b], sizes[a])); // stable: equal sizes keep table order
        this.regions = new Steppable[regions.length];
        for (int k = 0; k < order.length; k++) {
            this.regions[k] = regions[order[k]];
        }
        this.threads = Math.max(1, threads);
    }

    @Override
    public void step(SimState state) {
        if (threads == 1) {
            for (Steppable r : regions) {
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
    public void cleanup() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
