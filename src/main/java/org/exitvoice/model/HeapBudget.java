package org.exitvoice.model;

import org.exitvoice.model.engine.People;
import org.exitvoice.scenario.RegionData;

import java.util.List;

/** How much heap a model of given regions at a given scale needs, so that a command can refuse a scale that cannot fit before allocating it. */
public final class HeapBudget {
    /**
     * Heap bytes per agent a run is allowed: the engine's arrays ({@link People#ARRAY_BYTES_PER_AGENT}, 18) and 9 for
     * community tables, lists and garbage (measured in all: about 19).
     */
    static final int HEAP_BYTES_PER_AGENT = People.ARRAY_BYTES_PER_AGENT + 9;
    /** Fixed needs of a run besides the people: tables, reports, charts. */
    static final long FIXED_BYTES = 256L << 20;

    private HeapBudget() {
    }

    /** Agents the regions make at this scale (the model's own rounding). */
    public static long agents(List<RegionData> regions, int scale) {
        long n = 0;
        for (RegionData r : regions) {
            n += Math.round(r.population() * r.men1859Share() / scale);
        }
        return n;
    }

    /** Heap one model needs, in bytes. */
    public static long bytesNeeded(List<RegionData> regions, int scale) {
        return agents(regions, scale) * HEAP_BYTES_PER_AGENT + FIXED_BYTES;
    }

    /** Whether {@code models} models at once fit in {@code maxHeap} bytes. */
    public static boolean fits(List<RegionData> regions, int scale, int models, long maxHeap) {
        return bytesNeeded(regions, scale) * (long) models <= maxHeap;
    }
}
