package org.exitvoice.model;

import java.util.Arrays;

/** A FIFO queue of agents at one crossing or airport (home region and person index packed in a long), with its length in persons. */
final class BorderQueue {
    private long[] items = new long[64];
    private int head, size;
    private long persons;

    void add(int region, int person, int partySize) {
        if (size == items.length) {
            long[] bigger = new long[items.length * 2];
            for (int k = 0; k < size; k++) {
                bigger[k] = items[(head + k) % items.length];
            }
            items = bigger;
            head = 0;
        }
        items[(head + size) % items.length] = ((long) region << 32) | (person & 0xFFFFFFFFL);
        size++;
        persons += partySize;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peek() {
        return items[head];
    }

    long poll(int partySize) {
        long v = items[head];
        head = (head + 1) % items.length;
        size--;
        persons -= partySize;
        return v;
    }

    static int region(long packed) {
        return (int) (packed >>> 32);
    }

    static int person(long packed) {
        return (int) packed;
    }

    /** Persons waiting (men and the family with them). */
    long persons() {
        return persons;
    }

    int agents() {
        return size;
    }

    void clear() {
        Arrays.fill(items, 0);
        head = size = 0;
        persons = 0;
    }
}
