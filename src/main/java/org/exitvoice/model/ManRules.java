package org.exitvoice.model;

import ec.util.MersenneTwisterFast;

/**
 * A man's day, in one place: whether he leaves, hides, reports, protests or stays (docs/ODD.md §7, "A man's day"),
 * decided from what he knows of himself ({@link Man}), what his community fears today (the cost of staying), its
 * legitimacy, the region's {@link Outlook}, his {@link RouteOptions} and a random stream. Pure functions: the region
 * applies the choice. The formulas are {@link Decisions} (risk, staying, leaving, hiding) and {@link Grievance}
 * (Epstein's protest rule).
 *
 * <p>Below the rules are the <em>reach bounds</em> the engine uses to skip men: for a man at home no rule can move
 * today, they say so without drawing a random number ({@code ManRulesTest} checks them against the rules).
 */
public final class ManRules {
    private ManRules() {
    }

    /**
     * What a man knows of himself: attachment to home (RUB-free units of the cost of staying), risk aversion R, his
     * passport and savings level (all his cost of leaving depends on), whether he was summoned, meets the criteria,
     * and is in hiding (else at home and not reporting).
     */
    public record Man(double attachment, double riskAversion, boolean intlPassport, int savingsLevel,
                      boolean summoned, boolean eligible, boolean hiding) {
    }

    // ---- the day of a man at home or in hiding -------------------------------------------------------------------

    /**
     * His choice today, in order:
     * <ol>
     * <li>Leave, if staying costs more than the cheapest usable route plus the exit-list risk and his attachment's
     *     hurdle (attachment x (1 - the chance he sees that exit closes soon), {@link Announcement#hurdle}); he
     *     picks a route by the logit, leaves if it still costs less than staying, and acts today with probability
     *     actProb (it takes time to organise).</li>
     * <li>Else, at home and summoned: hide when (1 - L) - R x P(caught within a month) &gt; T, else report.</li>
     * <li>Else, at home and not summoned: hide when fear exceeds fearThreshold x attachment.</li>
     * <li>Else, in hiding: a raid finds him with probability raid while the draft runs, and drafts him if he was
     *     summoned or meets the criteria, or else by mistake with the misclassification probability; once the draft is
     *     over a man who was never summoned comes out.</li>
     * </ol>
     *
     * @param staying    his cost of staying today: his perceived risk x the cost per unit of risk in his community
     * @param legitimacy L in his community today
     */
    public static Choice decide(Man man, double staying, double legitimacy, Outlook today, RouteOptions routes,
                                MersenneTwisterFast random) {
        if (staying > today.hurdle(man.attachment())) { // else no route can be cheaper than staying: spare the route costs
            RouteOffer offer = leaves(man, staying, today, routes, random);
            if (offer != null) {
                return Choice.leave(offer);
            }
        }
        if (!man.hiding() && man.summoned()) {
            return Decisions.hidesFromSummons(legitimacy, man.riskAversion(), today.monthlyCatch(), today.hidingThreshold())
                    ? Choice.HIDE : Choice.REPORT;
        }
        if (!man.hiding()) {
            return Decisions.hidesFromFear(staying, man.attachment(), today.fearThreshold()) ? Choice.HIDE : Choice.STAY;
        }
        if (today.draftRunning() && today.raid() > 0 && random.nextDouble() < today.raid()) {
            if (man.summoned() || man.eligible()) {
                return Choice.CAUGHT_IN_RAID;
            }
            return random.nextDouble() < today.misclassification() ? Choice.CAUGHT_AND_MISDRAFTED : Choice.STAY;
        }
        return !today.draftRunning() && !man.summoned() ? Choice.COME_OUT : Choice.STAY;
    }

    /** The route he sets off on today, or null (he does not prefer any, has none, or does not act today). */
    private static RouteOffer leaves(Man man, double staying, Outlook today, RouteOptions routes,
                                     MersenneTwisterFast random) {
        double risk = exitListRisk(man, today);
        double others = today.hurdle(man.attachment()) + risk;
        if (!Decisions.prefersToLeave(staying, routes.cheapest(man.intlPassport(), man.savingsLevel()) + others)) {
            return null;
        }
        RouteOffer offer = routes.choose(man.intlPassport(), man.savingsLevel(), today.choiceNoise(), random);
        if (offer == null || !Decisions.prefersToLeave(staying, offer.cost() + others)
                || random.nextDouble() >= today.actProb()) {
            return null;
        }
        return offer;
    }

    /** The expected cost of being stopped at the border: only a summoned man is listed, once lists are in use. */
    static double exitListRisk(Man man, Outlook today) {
        return Decisions.exitListRisk(man.summoned() && today.exitListsInUse(), today.exitListCoverage(),
                today.penalty(), today.intensity(), man.riskAversion());
    }

    // ---- protest ----------------------------------------------------------------------------------------------

    /** How a man at home (not reporting) spends the day on the street. */
    public enum Protest {
        /** Epstein's rule does not hold for him today. */
        STAYS_IN,
        /** Active, not arrested. */
        PROTESTS,
        /** Active and arrested: detained for jailDays, and more afraid afterwards. */
        ARRESTED,
        /** Active, arrested, and summoned in custody. */
        ARRESTED_AND_SUMMONED
    }

    /**
     * Epstein's rule for a man at home: active when H (1 - L) - R P &gt; T. An active man is arrested with probability
     * arrestProb x P; an arrested man is summoned in custody, while the draft runs and if not summoned yet, with
     * probability summonFromJail, under the same criteria as at the offices (one outside them with the
     * misclassification probability).
     */
    public static Protest protestDay(double hardship, double riskAversion, double legitimacy, boolean summoned,
                                     boolean eligible, Outlook today, MersenneTwisterFast random) {
        if (!protests(hardship, riskAversion, legitimacy, today.arrestP(), today.protestThreshold())) {
            return Protest.STAYS_IN;
        }
        if (random.nextDouble() >= today.arrestProb() * today.arrestP()) {
            return Protest.PROTESTS;
        }
        boolean inCustody = today.draftRunning() && !summoned && random.nextDouble() < today.summonFromJail()
                && (eligible || random.nextDouble() < today.misclassification());
        return inCustody ? Protest.ARRESTED_AND_SUMMONED : Protest.ARRESTED;
    }

    /** Epstein's activation: G = H (1 - L), active when G - R P &gt; T. */
    public static boolean protests(double hardship, double riskAversion, double legitimacy, double arrestP, double threshold) {
        return Grievance.active(Grievance.grievance(hardship, legitimacy), riskAversion, arrestP, threshold);
    }

    /**
     * Deviation from Epstein: a man who was arrested comes out more afraid, R moving halfway to 1, which is why street
     * protest fades after the first days rather than cycling through the same men (docs/ODD.md §8).
     */
    public static double riskAversionAfterArrest(double riskAversion) {
        return (1 + riskAversion) / 2;
    }

    /**
     * Fatigue (not in Epstein): a day on the street costs, so a man who protested and went home moves the share
     * {@code fatigue} of the way from his R to 1; protest falls after the first days unless something new (a call,
     * more summons around him) lowers his threshold or L again.
     */
    public static double riskAversionAfterProtest(double riskAversion, double fatigue) {
        return riskAversion + fatigue * (1 - riskAversion);
    }

    // ---- reach bounds: who a rule can move today, for the engine to skip the rest -------------------------------

    /**
     * The attachment below which an unsummoned man at home could be moved today, by leaving (staying - the cheapest
     * route anyone has, over the hurdle factor 1 - q: leaving needs attachment x (1 - q) &lt; staying - route cost) or by
     * fear (attachment &lt; staying / fearThreshold). Men at least this attached {@link #staysHome stay home} whatever
     * they own.
     *
     * @param hurdleFactor 1 - the chance men see that exit closes soon ({@link Announcement#hurdle} of an attachment of 1)
     */
    public static double homeReach(double staying, double cheapestOfAll, double fearThreshold, double hurdleFactor) {
        return Math.max((staying - cheapestOfAll) / hurdleFactor, fearReach(staying, fearThreshold));
    }

    /** The attachment below which fear alone makes an unsummoned man whose staying costs {@code staying} hide. */
    public static double fearReach(double staying, double fearThreshold) {
        return fearThreshold > 0 ? staying / fearThreshold : (staying > 0 ? Double.POSITIVE_INFINITY : 0);
    }

    /**
     * An unsummoned man at home neither leaves nor hides today: {@link #decide} would return STAY for him without
     * drawing a random number (no exit-list risk without a summons).
     *
     * @param cheapestForHim {@link RouteOptions#cheapest} for his passport and savings
     * @param hurdle         his attachment's hurdle today ({@link Outlook#hurdle})
     */
    public static boolean staysHome(double staying, double attachment, double hurdle, double cheapestForHim, double fearThreshold) {
        boolean mayLeave = staying > hurdle && Decisions.prefersToLeave(staying, cheapestForHim + hurdle + 0.0);
        return !mayLeave && !Decisions.hidesFromFear(staying, attachment, fearThreshold);
    }

    /** Who Epstein's rule can reach today: nobody, the bold from a hardship level up, or anyone (see {@link #protestReach}). */
    public record ProtestReach(Who who, int lowestHardshipLevel) {
        public enum Who { NOBODY, THE_BOLD, ANYONE }

        static final ProtestReach NOBODY = new ProtestReach(Who.NOBODY, Levels.COUNT);
        static final ProtestReach ANYONE = new ProtestReach(Who.ANYONE, 0);
    }

    /**
     * Who could be active where legitimacy is L and the arrest probability P: ANYONE if even the least risk-averse man
     * outside the bold (R at level {@code boldLevels}) could be, at the top hardship; else THE_BOLD, with the lowest
     * hardship level at which the boldest man (R at level 0) could be; NOBODY if G = H (1 - L) can never exceed T or
     * no level is high enough. "The bold" are the men with R below level {@code boldLevels}.
     */
    public static ProtestReach protestReach(double legitimacy, double p, double threshold, int boldLevels) {
        if (1 - legitimacy <= threshold) {
            return ProtestReach.NOBODY; // G = H (1 - L) <= 1 - L <= T
        }
        if (protests(Levels.unit(Levels.COUNT - 1), Levels.unit(boldLevels), legitimacy, p, threshold)) {
            return ProtestReach.ANYONE;
        }
        // G is monotone in H: the lowest level that holds, by bisection over [lo, hi)
        double boldest = Levels.unit(0);
        int lo = 0, hi = Levels.COUNT;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (protests(Levels.unit(mid), boldest, legitimacy, p, threshold)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == Levels.COUNT ? ProtestReach.NOBODY : new ProtestReach(ProtestReach.Who.THE_BOLD, lo);
    }

    /**
     * Whether Epstein's rule still finds nobody active among men it found all inactive at L, P and T then (no man added
     * since): true when L, P and T are none of them lower now. G = H (1 - L) is then no larger, R P and T no smaller,
     * with H fixed and R only rising; each step of {@link #protests} is monotone in floating point too, so it is exact.
     */
    public static boolean stillNobodyActive(double legitimacy, double p, double threshold, double legitimacyThen,
                                            double pThen, double thresholdThen) {
        return legitimacy >= legitimacyThen && p >= pThen && threshold >= thresholdThen;
    }

    /** The hardship above which G = H (1 - L) can exceed T at all: T / (1 - L). Men with less are not asked. */
    public static double protestHardshipFloor(double legitimacy, double threshold) {
        return threshold / (1 - legitimacy);
    }
}
