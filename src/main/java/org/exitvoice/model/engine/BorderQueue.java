package org.exitvoice.model.engine;

/**
 * A FIFO queue of agents at one crossing or airport: each entry is an agent (home region and person index packed in a
 * long) and the persons travelling with him (his party: the agent's men and their family); the queue's length is in persons.
 */
public final class BorderQueue {
    private long[] agents = new long[64];
    private int[] parties = new int[64];
    private int head, size;
    private long persons;

    public void add(int region, int person, int party) {
        if (size == agents.length) {
            long[] a = new long[agents.length * 2];
            int[] p = new int[agents.length * 2];
            for (int k = 0; k < size; k++) {
                a[k] = agents[(head + k) % agents.length];
                p[k] = parties[(head + k) % agents.length];
            }
            agents = a;
            parties = p;
            head = 0;
        }
        int tail = (head + size) % agents.length;
        agents[tail] = ((long) region << 32) | (person & 0xFFFFFFFFL);
        parties[tail] = party;
        size++;
        persons += party;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int headRegion() {
        return (int) (agents[head] >>> 32);
    }

    public int headPerson() {
        return (int) agents[head];
    }

    public int headParty() {
        return parties[head];
    }

    public void poll() {
        persons -= parties[head];
        head = (head + 1) % agents.length;
        size--;
    }

    /** Persons waiting (men and the family with them). */
    public long persons() {
        return persons;
    }
}
