package org.exitvoice.model.engine;

import ec.util.MersenneTwisterFast;
import org.exitvoice.model.Levels;
import org.exitvoice.model.RouteCost;
import org.exitvoice.model.RouteOffer;
import org.exitvoice.model.RouteOptions;

/**
 * One region's {@link RouteOptions} with today's answers kept: the cheapest route and the logit weights per passport
 * and savings level are worked out on first use each day and reused by every man with the same passport and savings
 * (most regions ask for a few levels only). The costs are {@link RouteCost}'s. One instance per region; not shared
 * across threads.
 */
public final class RouteCosts implements RouteOptions {
    private static final int PASSPORTS = 2;

    private final RouteCost.Reachable reach;
    /** Each route's days' cost today (dayCost x (travel + expected queue days)). */
    private final double[] daysCost;
    /** Today's usable routes by passport, in order of days' cost, and how many there are. */
    private final int[][] byDaysCost;
    private final int[] usableCount = new int[PASSPORTS];
    /** Today's cheapest cost by slot ({@link #slot}), valid where {@code cheapestOn} is today's stamp. */
    private final double[] cheapest = new double[PASSPORTS * Levels.COUNT];
    private final int[] cheapestOn = new int[PASSPORTS * Levels.COUNT];
    /** Today's cumulative logit weights by slot (rows made on first use). */
    private final double[][] weights = new double[PASSPORTS * Levels.COUNT][];
    private final int[] weightsOn = new int[PASSPORTS * Levels.COUNT];
    private int dayStamp;
    private double cheapestOfAll = Double.POSITIVE_INFINITY;
    private double[] price, savingsOf;
    private boolean[] open;

    /** Scratch for the nested logit's weights. */
    private final double[] costs, nestSums;
    private final boolean[] usableNow;
    private final double nest;

    /** @param nest the nested logit's dissimilarity parameter (emigration.nestScale) */
    public RouteCosts(RouteCost.Reachable reach, double nest) {
        this.reach = reach;
        this.nest = nest;
        costs = new double[reach.count()];
        usableNow = new boolean[reach.count()];
        nestSums = new double[reach.destinations()];
        daysCost = new double[reach.count()];
        byDaysCost = new int[PASSPORTS][reach.count()];
    }

    /** The routes this region's men can reach. */
    public RouteCost.Reachable reachable() {
        return reach;
    }

    /**
     * Takes today's prices, expected queue days and open routes (indexed by route, not to be changed during the day)
     * and the region's savings by level.
     */
    public void prepareDay(double[] price, double[] waitDays, boolean[] open, double dayCost, double[] savingsOf) {
        this.price = price;
        this.open = open;
        this.savingsOf = savingsOf;
        dayStamp++;
        for (int j = 0; j < reach.count(); j++) {
            daysCost[j] = RouteCost.daysCost(dayCost, reach.travelTime()[j], waitDays[reach.routes()[j]]);
        }
        sortByDays(false);
        sortByDays(true);
        // a route costs less the more one has saved, so the richest man with a passport has the lowest cost of all
        cheapestOfAll = cheapest(true, Levels.COUNT - 1);
    }

    /** Today's lowest route cost over every passport and savings level: no man can leave for less. */
    public double cheapestOfAll() {
        return cheapestOfAll;
    }

    @Override
    public double cheapest(boolean intlPassport, int savingsLevel) {
        int slot = slot(intlPassport, savingsLevel);
        if (cheapestOn[slot] != dayStamp) {
            cheapest[slot] = lowestCost(intlPassport, RouteCost.money(savingsOf[savingsLevel]));
            cheapestOn[slot] = dayStamp;
        }
        return cheapest[slot];
    }

    @Override
    public RouteOffer choose(boolean intlPassport, int savingsLevel, double noise, MersenneTwisterFast random) {
        double lowest = cheapest(intlPassport, savingsLevel);
        if (lowest == Double.POSITIVE_INFINITY) {
            return null; // no usable route
        }
        double money = RouteCost.money(savingsOf[savingsLevel]);
        if (noise <= 0) {
            for (int j = 0; j < reach.count(); j++) {
                if (usable(j, intlPassport) && cost(j, money) == lowest) {
                    return reach.offer(j, lowest);
                }
            }
        }
        // one uniform draw from the cumulative weights: the nested logit's law, weights worked out once a day per slot
        double[] cumulative = logitWeights(intlPassport, savingsLevel, money, lowest, noise);
        int j = RouteCost.pick(cumulative, reach.count(), random.nextDouble());
        return reach.offer(j, cost(j, money));
    }

    /**
     * The lowest cost over the routes he can use. A route costs at least its days' cost, so with the routes in order of
     * days' cost the search stops at the first whose days alone cost as much as the best found: the same minimum as
     * looking at every route.
     */
    private double lowestCost(boolean intlPassport, double money) {
        double lowest = Double.POSITIVE_INFINITY;
        int[] order = byDaysCost[passport(intlPassport)];
        for (int n = 0, count = usableCount[passport(intlPassport)]; n < count; n++) {
            int j = order[n];
            if (daysCost[j] >= lowest) {
                break;
            }
            lowest = Math.min(lowest, cost(j, money));
        }
        return lowest;
    }

    /** Today's usable routes for one passport, in order of their days' cost (insertion sort: a few dozen routes). */
    private void sortByDays(boolean intlPassport) {
        int[] order = byDaysCost[passport(intlPassport)];
        int count = 0;
        for (int j = 0; j < reach.count(); j++) {
            if (!usable(j, intlPassport)) {
                continue;
            }
            int at = count++;
            while (at > 0 && daysCost[order[at - 1]] > daysCost[j]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = j;
        }
        usableCount[passport(intlPassport)] = count;
    }

    /** Today's cumulative weights of the nested logit over the routes ({@link RouteCost#nestedLogitWeights}). */
    private double[] logitWeights(boolean intlPassport, int savingsLevel, double money, double lowest, double noise) {
        int slot = slot(intlPassport, savingsLevel);
        double[] cumulative = weights[slot];
        if (cumulative == null) {
            cumulative = weights[slot] = new double[reach.count()];
        } else if (weightsOn[slot] == dayStamp) {
            return cumulative;
        }
        for (int j = 0; j < reach.count(); j++) {
            usableNow[j] = usable(j, intlPassport);
            costs[j] = usableNow[j] ? cost(j, money) : 0;
        }
        RouteCost.nestedLogitWeights(costs, usableNow, reach, lowest, noise, nest, nestSums, cumulative);
        weightsOn[slot] = dayStamp;
        return cumulative;
    }

    private boolean usable(int j, boolean intlPassport) {
        return RouteCost.usable(open[reach.routes()[j]], reach.acceptsInternalPassport()[j], intlPassport);
    }

    private double cost(int j, double money) {
        return RouteCost.cost(price[reach.routes()[j]], money, daysCost[j]);
    }

    private static int passport(boolean intlPassport) {
        return intlPassport ? 1 : 0;
    }

    /** Where a passport and savings level's answers are kept. */
    private static int slot(boolean intlPassport, int savingsLevel) {
        return passport(intlPassport) * Levels.COUNT + savingsLevel;
    }
}
