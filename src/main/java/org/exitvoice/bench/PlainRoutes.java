package org.exitvoice.bench;

import ec.util.MersenneTwisterFast;
import org.exitvoice.model.Region;
import org.exitvoice.model.RouteCost;
import org.exitvoice.model.RouteOffer;
import org.exitvoice.model.RouteOptions;
import org.exitvoice.model.Today;

/**
 * A region's {@link RouteOptions} the plain way, for the object-per-agent version: every question is answered by
 * looking at every route, and the nested logit's weights are worked out afresh for every man (the engine keeps them a
 * day per passport and savings level).
 */
final class PlainRoutes implements RouteOptions {
    private final RouteCost.Reachable reach;
    private final Region region;
    private final double dayCost, nest;
    Today today;
    // scratch reused from man to man (no allocation per choice, so the bench compares rules, not garbage)
    private final double[] costs, cumulative, nestSums;
    private final boolean[] usable;

    PlainRoutes(Region region, double dayCost, double nest) {
        this.region = region;
        this.reach = region.reachable();
        this.dayCost = dayCost;
        this.nest = nest;
        costs = new double[reach.count()];
        cumulative = new double[reach.count()];
        usable = new boolean[reach.count()];
        nestSums = new double[reach.destinations()];
    }

    @Override
    public double cheapest(boolean intlPassport, int savingsLevel) {
        double money = RouteCost.money(region.savingsRub(savingsLevel)), lowest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < reach.count(); j++) {
            if (usable(j, intlPassport)) {
                lowest = Math.min(lowest, cost(j, money));
            }
        }
        return lowest;
    }

    @Override
    public RouteOffer choose(boolean intlPassport, int savingsLevel, double noise, MersenneTwisterFast random) {
        double lowest = cheapest(intlPassport, savingsLevel);
        if (lowest == Double.POSITIVE_INFINITY) {
            return null;
        }
        double money = RouteCost.money(region.savingsRub(savingsLevel));
        for (int j = 0; j < reach.count(); j++) {
            usable[j] = usable(j, intlPassport);
            costs[j] = usable[j] ? cost(j, money) : 0;
            if (noise <= 0 && usable[j] && costs[j] == lowest) {
                return reach.offer(j, lowest);
            }
        }
        RouteCost.nestedLogitWeights(costs, usable, reach, lowest, noise, nest, nestSums, cumulative);
        int j = RouteCost.pick(cumulative, reach.count(), random.nextDouble());
        return reach.offer(j, costs[j]);
    }

    private boolean usable(int j, boolean intlPassport) {
        return RouteCost.usable(today.usable(reach.routes()[j]), reach.acceptsInternalPassport()[j], intlPassport);
    }

    private double cost(int j, double money) {
        int k = reach.routes()[j];
        return RouteCost.cost(today.price(k), money, RouteCost.daysCost(dayCost, reach.travelTime()[j], today.waitDays(k)));
    }
}
