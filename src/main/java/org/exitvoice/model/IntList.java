package org.exitvoice.model;

import java.util.Arrays;

/** A growable list of ints without boxing, for per-day index lists (arrivals at borders). */
final class IntList {
    private int[] items = new int[16];
    private int size;

    void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    int get(int k) {
        return items[k];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }
}
