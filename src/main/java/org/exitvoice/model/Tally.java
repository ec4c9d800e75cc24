package org.exitvoice.model;

/**
 * What one region (or the nation) looked like at the end of a day, in persons (agents x scale).
 * The six stocks sum to the population; the rest are flows during the day.
 * {@code protesters} and {@code arrests} count persons (modelled men / protest.menShare). {@code emigratedOpposed} is the
 * part of {@code emigrated} who oppose the war ({@link Opposition}): who left, by motive.
 */
public record Tally(long atHome, long hiding, long enRoute, long emigrated, long mobilized, long detained,
                    long summons, long reported, long misdrafted, long caught, long protesters, long arrests,
                    long incidents, long departures, long turnedBack, long emigratedOpposed) {

    /** The sum of the six states: the modelled men of the region. */
    public long population() {
        return atHome + hiding + enRoute + emigrated + mobilized + detained;
    }

    /** Element-wise sum, for national totals. */
    public Tally plus(Tally o) {
        return new Tally(atHome + o.atHome, hiding + o.hiding, enRoute + o.enRoute, emigrated + o.emigrated,
                mobilized + o.mobilized, detained + o.detained, summons + o.summons, reported + o.reported,
                misdrafted + o.misdrafted, caught + o.caught, protesters + o.protesters, arrests + o.arrests,
                incidents + o.incidents, departures + o.departures, turnedBack + o.turnedBack,
                emigratedOpposed + o.emigratedOpposed);
    }

    /** All zeros. */
    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
