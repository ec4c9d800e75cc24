package org.exitvoice.model.engine;

import java.util.Arrays;

/** A growable list of ints without boxing, for per-day lists of men. */
public final class IntList {
    private int[] items = new int[16];
    private int size;

    public void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    public int get(int k) {
        return items[k];
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** Whether v is in the list (a linear search: for tests and short lists). */
    public boolean contains(int v) {
        for (int k = 0; k < size; k++) {
            if (items[k] == v) {
                return true;
            }
        }
        return false;
    }
}
