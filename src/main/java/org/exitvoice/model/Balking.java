package org.exitvoice.model;

/**
 * A man who reaches a crossing or airport and finds a queue longer than he is willing to wait does not join it
 * (balking: Haight 1957, Biometrika 44). He goes home, or into hiding if summoned, and weighs his routes again the
 * next day, now knowing that queue. Without it the men who all set off on the first day, when no queue was known yet,
 * would wait for months at the small crossings they chose.
 */
public final class Balking {
    private Balking() {
    }

    /** He balks when the queue ahead of him would take more than maxWaitDays to pass: queue / places &gt; maxWaitDays. */
    public static boolean balks(long queuePersons, long placesPerDay, double maxWaitDays) {
        return placesPerDay > 0 && queuePersons > maxWaitDays * placesPerDay;
    }
}
