package org.exitvoice.model;

/**
 * How an air fare climbs as a flight's seats sell (airline revenue management: nested fare classes close from the
 * cheapest up as the load factor rises; fares rise with load factor, Escobari 2012, Williams 2022). The seats open to
 * those fleeing are those beyond the usual load ({@link org.exitvoice.scenario.RouteData#placesPerDay}); the fare of the
 * next seat sold, relative to the usual fare, is
 * <pre>index = top^min(1, sold / places)</pre>
 * a geometric ladder (each fare class a constant step above the one below) from the usual fare (nothing beyond the
 * usual load sold) to the dearest class, {@code top} times the usual fare, once those places are all sold. Seats
 * sold are today's bookings plus those still waiting for a seat: while a waitlist stands, only the dearest class is on sale.
 */
public final class FareLadder {
    private FareLadder() {
    }

    /** The fare index of the next seat: top^min(1, sold / places); the top fare when there are no places at all. */
    public static double index(double sold, double places, double top) {
        if (places <= 0) {
            return top;
        }
        return Math.pow(top, Math.min(1, Math.max(0, sold) / places));
    }
}
