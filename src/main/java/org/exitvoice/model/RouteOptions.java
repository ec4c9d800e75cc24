package org.exitvoice.model;

import ec.util.MersenneTwisterFast;

/**
 * The ways out a man of one region has today, priced by {@link RouteCost}: what {@link ManRules} asks when he weighs
 * leaving. The engine answers from a per-day cache ({@code engine.RouteCosts}); the bench's object-per-agent version
 * works each answer out afresh.
 */
public interface RouteOptions {
    /** The lowest cost, without noise, of a usable route for a man with or without an international passport at this savings level. */
    double cheapest(boolean intlPassport, int savingsLevel);

    /**
     * The choice of a country, then a route to it, among the usable routes (the nested logit of
     * {@link RouteCost#nestedLogitWeights}; the cheapest route, first of equals, without noise), or null when none is usable.
     */
    RouteOffer choose(boolean intlPassport, int savingsLevel, double noise, MersenneTwisterFast random);
}
