package org.exitvoice.model;

import ec.util.MersenneTwisterFast;

/**
 * The exit list at a border (docs/ODD.md §7, "Borders"): from exitList.from, a summoned man is on the list once
 * exitList.delayDays have passed since his summons, and a listed man is stopped with probability exitList.coverage.
 */
final class ExitListCheck {
    private ExitListCheck() {
    }

    /** Whether a man is on the list at the border today. */
    static boolean listed(boolean listsInUse, boolean summoned, int summonDay, int day, int delayDays) {
        return listsInUse && summoned && day - summonDay >= delayDays;
    }

    /** Whether the border guard finds a listed man on the list: probability = coverage. */
    static boolean stopped(double coverage, MersenneTwisterFast random) {
        return random.nextDouble() < coverage;
    }
}
