package org.exitvoice.model;

/**
 * What a man does with his day, as {@link ManRules#decide} chooses it; the region applies it. {@code route} and
 * {@code travelDays} are set only when he leaves.
 */
public record Choice(Kind kind, int route, int travelDays) {
    /** The choices of a man at home or in hiding. */
    public enum Kind {
        /** Nothing changes today. */
        STAY,
        /** Sets off for a border crossing or airport ({@code route}), reaching it in {@code travelDays}. */
        LEAVE,
        /** Goes into hiding. */
        HIDE,
        /** A summoned man reports to the enlistment office. */
        REPORT,
        /** A hiding man caught in a raid who meets the criteria or was summoned: drafted. */
        CAUGHT_IN_RAID,
        /** A hiding man caught in a raid, outside the criteria, drafted anyway by mistake. */
        CAUGHT_AND_MISDRAFTED,
        /** The draft is over: a hiding man who was never summoned comes home. */
        COME_OUT
    }

    public static final Choice STAY = new Choice(Kind.STAY, -1, 0);
    public static final Choice HIDE = new Choice(Kind.HIDE, -1, 0);
    public static final Choice REPORT = new Choice(Kind.REPORT, -1, 0);
    public static final Choice CAUGHT_IN_RAID = new Choice(Kind.CAUGHT_IN_RAID, -1, 0);
    public static final Choice CAUGHT_AND_MISDRAFTED = new Choice(Kind.CAUGHT_AND_MISDRAFTED, -1, 0);
    public static final Choice COME_OUT = new Choice(Kind.COME_OUT, -1, 0);

    /** Leaving by the route offered. */
    public static Choice leave(RouteOffer offer) {
        return new Choice(Kind.LEAVE, offer.route(), offer.travelDays());
    }
}
