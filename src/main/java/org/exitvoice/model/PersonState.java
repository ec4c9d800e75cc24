package org.exitvoice.model;

/** The six states a modelled man is in, exactly one at a time; stored as a byte per person. */
public final class PersonState {
    public static final byte AT_HOME = 0;
    public static final byte HIDING = 1;
    /** Travelling to a crossing or airport, or waiting in its queue. */
    public static final byte EN_ROUTE = 2;
    public static final byte EMIGRATED = 3;
    public static final byte MOBILIZED = 4;
    /** Held after a protest arrest. */
    public static final byte DETAINED = 5;
    public static final int COUNT = 6;

    private PersonState() {
    }
}
