package org.exitvoice.bench;

import ec.util.MersenneTwisterFast;
import org.exitvoice.model.Region;
import org.exitvoice.model.RouteCost;
import org.exitvoice.model.RouteOffer;
import org.exitvoice.model.RouteOptions;
import org.exitvoice.model.Today;

/**
 * A region's {@link RouteOptions} the plain way, for the object-per-agent version: every question is answered by
 * looking at every route, and the logit choice by one Gumbel draw per route (the same law as the engine's single
 * draw from cached weights, a different random stream).
 */
final class PlainRoutes implements RouteOptions {
    private final RouteCost.Reachable reach;
    private final Region region;
    private final double dayCost;
    Today today;

    PlainRoutes(Region region, double dayCost) {
        this.region = region;
        this.reach = region.reachable();
        this.dayCost = dayCost;
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
        double money = RouteCost.money(region.savingsRub(savingsLevel));
        double best = Double.POSITIVE_INFINITY, bestCost = 0;
        int chosen = -1;
        for (int j = 0; j < reach.count(); j++) {
            if (!usable(j, intlPassport)) {
                continue;
            }
            double cost = cost(j, money);
            double perceived = cost + noise * Math.log(-Math.log(random.nextDouble(false, false))); // cost - noise x Gumbel
            if (perceived < best) {
                best = perceived;
                bestCost = cost;
                chosen = j;
            }
        }
        return chosen < 0 ? null : new RouteOffer(reach.routes()[chosen], reach.travelDays()[chosen], bestCost);
    }

    private boolean usable(int j, boolean intlPassport) {
        return RouteCost.usable(today.usable(reach.routes()[j]), reach.acceptsInternalPassport()[j], intlPassport);
    }

    private double cost(int j, double money) {
        int k = reach.routes()[j];
        return RouteCost.cost(today.price(k), money, RouteCost.daysCost(dayCost, reach.travelDays()[j], today.waitDays(k)));
    }
}
