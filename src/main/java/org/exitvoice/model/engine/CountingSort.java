package org.exitvoice.model.engine;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/** The stable counting sort that puts a community's men in order (stable, so the order and the runs are deterministic). */
final class CountingSort {
    private CountingSort() {
    }

    /**
     * Writes the men {@code from..to-1} into {@code order[from..to-1]} as offsets from {@code from}: first those for whom
     * {@code first} holds, then the others, each by {@code level} (0-255) ascending, ties in their own order. Returns
     * where the first part ends (an index into {@code order}). {@code count} is scratch space of 257 ints.
     */
    static int sort(char[] order, int from, int to, IntPredicate first, IntUnaryOperator level, int[] count) {
        int k = from, firstEnd = from;
        for (int pass = 0; pass < 2; pass++) {
            boolean part = pass == 0;
            Arrays.fill(count, 0);
            for (int i = from; i < to; i++) {
                if (first.test(i) == part) {
                    count[level.applyAsInt(i) + 1]++;
                }
            }
            for (int b = 0; b < count.length - 1; b++) {
                count[b + 1] += count[b];
            }
            int base = k;
            for (int i = from; i < to; i++) {
                if (first.test(i) == part) {
                    order[base + count[level.applyAsInt(i)]++] = (char) (i - from);
                    k++;
                }
            }
            if (part) {
                firstEnd = k;
            }
        }
        return firstEnd;
    }
}
