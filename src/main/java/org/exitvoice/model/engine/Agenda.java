package org.exitvoice.model.engine;

import org.exitvoice.model.PersonState;

/**
 * A region's lists of who has something to do on a day, so that a day visits them without reading everyone: men whose
 * timer falls on a day (arrival at a border, release, mobilization after reporting), men in hiding, men summoned today
 * or after they had had their day, and who has already decided today (a man is asked once a day).
 */
public final class Agenda {
    private final People people;
    /** Men whose timer falls on a day, by day modulo the horizon. */
    private final IntList[] due;
    /** Men in hiding (stale entries dropped at dawn; the IN_HIDING_LIST flag keeps each listed once). */
    private IntList hiding = new IntList(), hidingNext = new IntList();
    private int hidingAtDawn;
    /** Men summoned today, who decide today. */
    private final IntList summonedToday = new IntList();
    /** Men summoned after they had had their day (freed from detention that morning): they decide tomorrow. */
    private IntList decideTomorrow = new IntList(), decideToday = new IntList();
    /** Men who have had their day today (their DECIDED flag is cleared at dusk). */
    private final IntList decidedToday = new IntList();

    /** An agenda for {@code people} whose timers never lie more than {@code horizon - 1} days ahead. */
    public Agenda(People people, int horizon) {
        this.people = people;
        due = new IntList[horizon];
        for (int k = 0; k < horizon; k++) {
            due[k] = new IntList();
        }
    }

    // ---- timers ---------------------------------------------------------------------------------------------------

    /** Man i has something happen on {@code day}. */
    public void schedule(int i, int day) {
        people.timer[i] = (short) day;
        due[day % due.length].add(i);
    }

    /** Cancels man i's timer (turned back on the road). */
    public void cancel(int i) {
        people.timer[i] = People.NEVER;
    }

    /** Men whose timer falls on {@code day}, each once; their timers are cleared. Stale entries are dropped. */
    public void forEachDue(int day, java.util.function.IntConsumer whatHappens) {
        IntList list = due[day % due.length];
        for (int k = 0; k < list.size(); k++) {
            int i = list.get(k);
            if (people.timer[i] != day) {
                continue; // turned back or otherwise moved since
            }
            people.timer[i] = People.NEVER;
            whatHappens.accept(i);
        }
        list.clear();
    }

    // ---- men in hiding ---------------------------------------------------------------------------------------------

    /** Man i went into hiding: listed, once. */
    public void hid(int i) {
        if (!people.has(i, People.IN_HIDING_LIST)) {
            people.set(i, People.IN_HIDING_LIST);
            hiding.add(i);
        }
    }

    /** At dawn: drops men no longer hiding from the list; those listed now are the men hiding at dawn. */
    public void dawn() {
        IntList list = hiding;
        hidingNext.clear();
        for (int k = 0; k < list.size(); k++) {
            int i = list.get(k);
            if (people.state[i] == PersonState.HIDING) {
                hidingNext.add(i);
            } else {
                people.clear(i, People.IN_HIDING_LIST);
            }
        }
        hiding = hidingNext;
        hidingNext = list;
        hidingAtDawn = hiding.size();
        IntList late = decideToday;
        decideToday = decideTomorrow;
        decideTomorrow = late;
        decideTomorrow.clear();
        summonedToday.clear();
    }

    /** The men hiding at dawn and still hiding (men who hid today are listed after them and wait for tomorrow). */
    public void forEachHidingSinceDawn(java.util.function.IntConsumer day, java.util.function.IntUnaryOperator readAhead) {
        for (int from = 0; from < hidingAtDawn; from += AHEAD) {
            int to = Math.min(hidingAtDawn, from + AHEAD);
            touch(from, to, readAhead);
            for (int k = from; k < to; k++) {
                int i = hiding.get(k);
                if (people.state[i] == PersonState.HIDING) {
                    day.accept(i);
                }
            }
        }
    }

    /** Men read ahead of their day, so that their bytes are fetched together rather than one man at a time. */
    private static final int AHEAD = 64;

    /**
     * Reads what a man's day reads of the men listed from {@code from} to {@code to}, and what {@code readAhead} reads
     * for him elsewhere: loads that do not wait on each other overlap, where a man's day, a long chain of branches, waits for each of his in turn. Changes nothing.
     */
    private void touch(int from, int to, java.util.function.IntUnaryOperator readAhead) {
        int sum = 0;
        for (int k = from; k < to; k++) {
            int i = hiding.get(k);
            sum += people.state[i] + people.flags[i] + people.attachment[i] + people.savings[i] + people.riskAversion[i]
                    + readAhead.applyAsInt(i);
        }
        touched += sum;
    }

    /** Where {@link #touch} leaves its sum, so that the reads are kept. */
    private int touched;

    // ---- the summoned -----------------------------------------------------------------------------------------------

    /** Man i was summoned today by an office: he decides today. */
    public void summonedToday(int i) {
        summonedToday.add(i);
    }

    /** Men summoned today. */
    public IntList summonedToday() {
        return summonedToday;
    }

    /** Men summoned yesterday after they had had their day: they decide today. */
    public IntList summonedYesterdayAfterTheirDay() {
        return decideToday;
    }

    /** Man i was summoned after he had had his day: he decides tomorrow. */
    public void decidesTomorrow(int i) {
        decideTomorrow.add(i);
    }

    /** For tests: whether man i decides tomorrow. */
    public boolean isDecidingTomorrow(int i) {
        return decideTomorrow.contains(i);
    }

    // ---- once a day -------------------------------------------------------------------------------------------------

    /** Man i has his day now: false if he has had it already today. */
    public boolean firstTimeToday(int i) {
        if (people.has(i, People.DECIDED)) {
            return false;
        }
        people.set(i, People.DECIDED);
        decidedToday.add(i);
        return true;
    }

    /** Whether man i has had his day today. */
    public boolean hadHisDay(int i) {
        return people.has(i, People.DECIDED);
    }

    /** At dusk: everyone may be asked again tomorrow. */
    public void dusk() {
        for (int k = 0; k < decidedToday.size(); k++) {
            people.clear(decidedToday.get(k), People.DECIDED);
        }
        decidedToday.clear();
    }
}
