package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A man's day by hand: each rule of {@link ManRules} on numbers small enough to check on paper, and its reach bounds. */
class ManRulesTest {

    /** Hands out the given uniform draws in turn and counts them; fails if asked for more. */
    static final class ScriptedRandom extends MersenneTwisterFast {
        private final double[] draws;
        int drawn;

        ScriptedRandom(double... draws) {
            super(1);
            this.draws = draws;
        }

        @Override
        public double nextDouble() {
            assertTrue(drawn < draws.length, "more random numbers drawn than scripted");
            return draws[drawn++];
        }
    }

    /** One route, at {@code cost} for everyone, offered without a draw (as with no noise). */
    private static RouteOptions oneRoute(double cost) {
        return new RouteOptions() {
            @Override
            public double cheapest(boolean intlPassport, int savingsLevel) {
                return cost;
            }

            @Override
            public RouteOffer choose(boolean intlPassport, int savingsLevel, double noise, MersenneTwisterFast random) {
                return new RouteOffer(7, 2, cost);
            }
        };
    }

    /** A day with actProb 0.5, raids 0.1, misclassification 0.3, T's of 0.1, fearThreshold 2; exit lists as given. */
    private static Outlook day(boolean running, boolean lists) {
        return new Outlook(running, lists, 1.0, 1.0, 1.0, 0.1, 0.2, 0.3, 0.1, 2.0, 0.5, 0.0,
                0.5, 0.1, 0.4, 0.5, 0.0);
    }

    private static ManRules.Man atHome(double attachment, double r, boolean summoned) {
        return new ManRules.Man(attachment, r, true, 100, summoned, true, false);
    }

    private static ManRules.Man hiding(boolean summoned, boolean eligible) {
        return new ManRules.Man(0.5, 0.5, true, 100, summoned, eligible, true);
    }

    @Test
    void aManMoreAttachedThanAfraidStaysHomeAndDrawsNothing() {
        ScriptedRandom random = new ScriptedRandom();
        // staying 0.3 < attachment 0.5; fear 0.3 < 2 x 0.5
        assertEquals(Choice.STAY, ManRules.decide(atHome(0.5, 0.5, false), 0.3, 0.6, day(true, false), oneRoute(0.1), random));
        assertEquals(0, random.drawn);
    }

    @Test
    void whenStayingCostsMoreThanTheRouteAndHisAttachmentHeLeavesOnTheDayHeActs() {
        // staying 1.0 > route 0.3 + attachment 0.2; he acts today when the draw is below actProb 0.5
        Choice leaves = ManRules.decide(atHome(0.2, 0.5, false), 1.0, 0.6, day(true, false), oneRoute(0.3), new ScriptedRandom(0.4));
        assertEquals(new Choice(Choice.Kind.LEAVE, 7, 2), leaves);
        // not today (0.6 >= 0.5): then fear 1.0 > 2 x 0.2 sends him into hiding
        Choice waits = ManRules.decide(atHome(0.2, 0.5, false), 1.0, 0.6, day(true, false), oneRoute(0.3), new ScriptedRandom(0.6));
        assertEquals(Choice.HIDE, waits);
    }

    @Test
    void theExitListKeepsASummonedManFromLeavingAndHeHides() {
        // exit-list risk = coverage 1 x penalty 1 x intensity 1 x R 0.5 = 0.5: route 0.3 + attachment 0.2 + 0.5 = 1.0, not below 1.0
        ScriptedRandom random = new ScriptedRandom();
        Choice listed = ManRules.decide(atHome(0.2, 0.5, true), 1.0, 0.6, day(true, true), oneRoute(0.3), random);
        // at home and summoned: (1 - L) - R x monthlyCatch = 0.4 - 0.1 = 0.3 > T = 0.1: he hides
        assertEquals(Choice.HIDE, listed);
        assertEquals(0, random.drawn);
        // without the lists he would leave
        assertEquals(Choice.Kind.LEAVE, ManRules.decide(atHome(0.2, 0.5, true), 1.0, 0.6, day(true, false), oneRoute(0.3),
                new ScriptedRandom(0.1)).kind());
    }

    @Test
    void aSummonedManWhoTrustsTheStateReports() {
        // L = 0.9: (1 - L) - R x monthlyCatch = 0.1 - 0.1 = 0, not above T = 0.1
        assertEquals(Choice.REPORT, ManRules.decide(atHome(2.0, 0.5, true), 1.0, 0.9, day(true, false), oneRoute(0.3),
                new ScriptedRandom()));
    }

    @Test
    void aRaidDraftsTheHidingManWhoMeetsTheCriteriaAndOthersOnlyByMistake() {
        RouteOptions none = oneRoute(Double.POSITIVE_INFINITY);
        // raid 0.1: found when the draw is below it
        assertEquals(Choice.CAUGHT_IN_RAID, ManRules.decide(hiding(false, true), 0.1, 0.6, day(true, false), none, new ScriptedRandom(0.05)));
        assertEquals(Choice.STAY, ManRules.decide(hiding(false, true), 0.1, 0.6, day(true, false), none, new ScriptedRandom(0.5)));
        // outside the criteria: drafted anyway when the next draw is below misclassification 0.3
        assertEquals(Choice.CAUGHT_AND_MISDRAFTED, ManRules.decide(hiding(false, false), 0.1, 0.6, day(true, false), none,
                new ScriptedRandom(0.05, 0.2)));
        assertEquals(Choice.STAY, ManRules.decide(hiding(false, false), 0.1, 0.6, day(true, false), none,
                new ScriptedRandom(0.05, 0.5)));
    }

    @Test
    void onceTheDraftIsOverOnlyTheNeverSummonedComeOut() {
        RouteOptions none = oneRoute(Double.POSITIVE_INFINITY);
        assertEquals(Choice.COME_OUT, ManRules.decide(hiding(false, true), 0.0, 0.6, day(false, false), none, new ScriptedRandom()));
        assertEquals(Choice.STAY, ManRules.decide(hiding(true, true), 1.0, 0.6, day(false, false), none, new ScriptedRandom()));
    }

    @Test
    void epsteinsRuleThenTheArrestThenTheSummonsInCustody() {
        // H 0.9, R 0.1, L 0.5, P 0.5, T 0.1: G - R P = 0.45 - 0.05 = 0.4 > 0.1, active. Arrest: arrestProb 0.4 x P 0.5 = 0.2.
        Outlook o = day(true, false);
        assertEquals(ManRules.Protest.PROTESTS, ManRules.protestDay(0.9, 0.1, 0.5, false, true, o, new ScriptedRandom(0.3)));
        assertEquals(ManRules.Protest.ARRESTED_AND_SUMMONED, ManRules.protestDay(0.9, 0.1, 0.5, false, true, o,
                new ScriptedRandom(0.1, 0.3)));
        assertEquals(ManRules.Protest.ARRESTED, ManRules.protestDay(0.9, 0.1, 0.5, false, true, o, new ScriptedRandom(0.1, 0.6)));
        // H 0.2: G - R P = 0.1 - 0.05, not above T: no draw at all
        ScriptedRandom random = new ScriptedRandom();
        assertEquals(ManRules.Protest.STAYS_IN, ManRules.protestDay(0.2, 0.1, 0.5, false, true, o, random));
        assertEquals(0, random.drawn);
        assertEquals(0.6, ManRules.riskAversionAfterArrest(0.2), 1e-15);
    }

    /** The bound the engine skips men by: a man at home it rules out would have stayed home without a draw. */
    @Property(tries = 20_000, seed = "20220921")
    void aManTheBoundsRuleOutStaysHomeWithoutADraw(@ForAll @DoubleRange(min = 0, max = 3) double staying,
                                                   @ForAll @DoubleRange(min = 0, max = 3) double attachment,
                                                   @ForAll @DoubleRange(min = 0, max = 2) double cheapestOfAll,
                                                   @ForAll @DoubleRange(min = 0, max = 2) double extra,
                                                   @ForAll @DoubleRange(min = 0, max = 4) double fearThreshold,
                                                   @ForAll @DoubleRange(min = 0, max = 0.95) double exitClosingChance) {
        double cheapestForHim = cheapestOfAll + extra;
        Outlook o = new Outlook(true, false, 1, 1, 1, 0.1, 0.2, 0.3, 0.1, fearThreshold, 0.5, 0.2, 0.5, 0.1, 0.4, 0.5,
                exitClosingChance);
        double hurdle = o.hurdle(attachment);
        if (attachment >= ManRules.homeReach(staying, cheapestOfAll, fearThreshold, o.hurdle(1))) {
            assertTrue(ManRules.staysHome(staying, attachment, hurdle, cheapestForHim, fearThreshold), "beyond reach but moves");
        }
        if (ManRules.staysHome(staying, attachment, hurdle, cheapestForHim, fearThreshold)) {
            ScriptedRandom random = new ScriptedRandom();
            assertEquals(Choice.STAY, ManRules.decide(atHome(attachment, 0.5, false), staying, 0.6, o, oneRoute(cheapestForHim), random));
            assertEquals(0, random.drawn);
        }
    }

    /** The bound the engine skips quiet communities by: nobody inactive then is active now when L, P, T and R have not fallen. */
    @Property(tries = 20_000, seed = "20220921")
    void nobodyInactiveBecomesActiveWhenNothingFavoursProtestMore(
            @ForAll @DoubleRange(min = 0, max = 1) double hardship, @ForAll @DoubleRange(min = 0, max = 1) double riskThen,
            @ForAll @DoubleRange(min = 0, max = 1) double legitimacyThen, @ForAll @DoubleRange(min = 0, max = 1) double pThen,
            @ForAll @DoubleRange(min = 0, max = 0.5) double thresholdThen, @ForAll @DoubleRange(min = 0, max = 1) double rise) {
        // a tiny rise of each, down to one ulp, where rounding could matter
        double up = rise * 1e-3;
        double risk = Math.min(1, riskThen + up), legitimacy = Math.min(1, legitimacyThen + up * up);
        double p = Math.nextUp(pThen), threshold = thresholdThen + up;
        if (!ManRules.protests(hardship, riskThen, legitimacyThen, pThen, thresholdThen)
                && ManRules.stillNobodyActive(legitimacy, p, threshold, legitimacyThen, pThen, thresholdThen)) {
            assertTrue(!ManRules.protests(hardship, risk, legitimacy, p, threshold), "became active");
        }
    }
}
