package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.exitvoice.model.engine.BorderQueue;
import org.exitvoice.scenario.Prices;
import org.exitvoice.scenario.RouteData;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.List;

/**
 * Every crossing and airport: FIFO queues in persons, daily capacity, exit-list checks, closures, mobilization points
 * and prices. Steps serially after the regions (the one shared resource), taking arrivals in region order so that
 * any thread count gives the same queues.
 */
public final class BorderCrossings implements Steppable {
    private static final long serialVersionUID = 1L;

    private final ExitVoiceModel model;
    final List<RouteData> routes;
    private final BorderQueue[] queues;
    /** Unused capacity of a day carried to the next while a queue is waiting (an agent is many persons). */
    private final double[] carry;
    final double[] priceIndex;
    final long[] crossedToday;
    final long[] turnedBackToday;
    /** Men who set off today on each route, summed over regions (bookings). */
    private final long[] bookedToday;
    private final double familyPerEmigrant, maxWaitDays;
    private final MersenneTwisterFast random;
    private final Prices prices;
    private final int scale;

    BorderCrossings(ExitVoiceModel model, List<RouteData> routes, Prices prices, int scale, long seed) {
        this.model = model;
        this.routes = routes;
        this.prices = prices;
        this.scale = scale;
        int n = routes.size();
        queues = new BorderQueue[n];
        for (int k = 0; k < n; k++) {
            queues[k] = new BorderQueue();
        }
        carry = new double[n];
        priceIndex = new double[n];
        java.util.Arrays.fill(priceIndex, 1.0);
        crossedToday = new long[n];
        turnedBackToday = new long[n];
        bookedToday = new long[n];
        familyPerEmigrant = model.scenario().emigration().familyPerEmigrant();
        maxWaitDays = model.scenario().emigration().maxWaitDays();
        // the stream after the regions' streams
        random = new MersenneTwisterFast(Draws.streamSeed(seed, 1_000_000L));
    }

    @Override
    public void step(SimState state) {
        java.util.Arrays.fill(crossedToday, 0);
        java.util.Arrays.fill(turnedBackToday, 0);
        Region[] regions = model.regionArray();
        java.util.Arrays.fill(bookedToday, 0);
        for (Region r : regions) {
            for (int k = 0; k < bookedToday.length; k++) {
                bookedToday[k] += r.bookedToday[k];
            }
            for (int a = 0; a < r.arrivals.size(); a++) {
                int i = r.arrivals.get(a);
                int k = r.routeOf(i);
                if (Balking.balks(queues[k].persons(), places(k), maxWaitDays)) {
                    r.turnBack(i); // gave up at a queue longer than he would wait
                    turnedBackToday[k] += scale;
                } else {
                    queues[k].add(r.index, i, r.parties.get(a));
                }
            }
        }
        Levers levers = model.levers();
        int day = model.today().day;
        for (int k = 0; k < queues.length; k++) {
            if (levers.exitBan() || !levers.routeOpen(k)) {
                turnBackAll(k, regions);
            } else {
                cross(k, regions, day, levers);
            }
            priceIndex[k] = price(k);
        }
    }

    /** A closed route or an exit ban sends the whole queue home (or into hiding, if summoned). */
    private void turnBackAll(int k, Region[] regions) {
        BorderQueue q = queues[k];
        while (!q.isEmpty()) {
            Region r = regions[q.headRegion()];
            int i = q.headPerson();
            q.poll();
            r.turnBack(i);
            turnedBackToday[k] += scale;
        }
        carry[k] = 0;
    }

    /**
     * Serve the queue in order up to today's places (plus the carried remainder). A man on the exit list is stopped
     * with probability = exit-list coverage ({@link ExitListCheck}): mobilized on the spot at a mobilization point,
     * else turned back into hiding.
     */
    private void cross(int k, Region[] regions, int day, Levers levers) {
        BorderQueue q = queues[k];
        long places = places(k);
        double allowance = places + carry[k];
        while (!q.isEmpty()) {
            Region r = regions[q.headRegion()];
            int i = q.headPerson();
            int party = q.headParty();
            if (party > allowance) {
                break;
            }
            allowance -= party;
            q.poll();
            if (r.listedAtBorder(i, day) && ExitListCheck.stopped(levers.exitListCoverage(), random)) {
                r.stopAtBorder(i, levers.mobilizationPoint(k));
                turnedBackToday[k] += scale;
            } else {
                r.crossed(i);
                crossedToday[k] += party;
            }
        }
        // Capacity does not bank up on an empty road; it carries only what the agent at the head could not use yet
        // (an agent is scale persons, so at coarse scales a small crossing lets one through every few days).
        carry[k] = q.isEmpty() ? 0 : Math.min(allowance, Math.max(places, q.headParty()));
    }

    /**
     * Today's price index. Air fares climb {@link FareLadder}: seats sold beyond the usual load = persons who booked
     * today (men setting off, with the family expected to travel with them) + those still waiting for a seat, so
     * fares jump the day the rush starts (sold out on 21 Sep 2022). On roads the price (fuel, drivers, bicycles at
     * the border) answers to the crowd there, crossed today + still queueing: 1 + landSlope x (crowd / places - 1)
     * above the places, capped at maxIndex.
     */
    private double price(int k) {
        long places = places(k);
        if (routes.get(k).mode() == RouteData.Mode.AIR) {
            double sold = bookedToday[k] * scale * (1 + familyPerEmigrant) + queues[k].persons();
            return FareLadder.index(sold, places, prices.topFareIndex());
        }
        if (places <= 0) {
            return 1.0;
        }
        double crowd = crossedToday[k] + queues[k].persons();
        return Math.min(prices.maxIndex(), 1 + prices.landSlope() * Math.max(0, crowd / places - 1));
    }

    /**
     * Route k's places today: the route table's (capacity less usual traffic) x its routeCapacity lever, to the nearest
     * person.
     */
    long places(int k) {
        return Math.round(routes.get(k).placesPerDay() * model.levers().routeCapacity(k));
    }

    /** Days the queue at route k would take to pass now: queue / places; NaN when it has no places. */
    double queueDays(int k) {
        long places = places(k);
        return places <= 0 ? Double.NaN : queues[k].persons() / (double) places;
    }

    /** Wait in hours for someone joining route k's queue now: queue / places x 24; NaN when it has no places. */
    double waitHours(int k) {
        return queueDays(k) * 24;
    }

    RouteDay report(int k) {
        RouteData r = routes.get(k);
        return new RouteDay(r.id(), r.destination(), r.mode().csvName(), places(k), queues[k].persons(),
                waitHours(k), crossedToday[k], turnedBackToday[k], priceIndex[k]);
    }
}
