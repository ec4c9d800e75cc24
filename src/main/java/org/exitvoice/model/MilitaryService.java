package org.exitvoice.model;

/** A man's prior military service, which the 2022 criteria turn on (stored as its ordinal, a byte per man). */
public enum MilitaryService {
    /** Never served: outside the 2022 criteria. */
    NONE,
    /** Served as a conscript: a private or sergeant of the reserve. */
    CONSCRIPT,
    /** Served under contract: counted with the officers' higher age limit (see {@link DraftCriteria}). */
    CONTRACT;

    private static final MilitaryService[] ALL = values();

    /** The service a stored byte stands for. */
    public static MilitaryService of(byte stored) {
        return ALL[stored];
    }
}
