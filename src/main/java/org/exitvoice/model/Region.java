package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * One federal subject and its men aged 18-59: issues summons against its quota, raids on hiding men, and each man's
 * daily choice to report, hide, protest or leave. Steps in parallel with the other regions; it touches only its own
 * people and its own random stream, and hands men arriving at a border to {@link BorderCrossings} through
 * {@link #arrivals}.
 *
 * <p>Most men on most days do nothing new, so a day visits only the men a rule can apply to: men whose timer falls
 * today (arrival at a border, release, mobilization after reporting), men just summoned, men in hiding, men at home
 * whose attachment is below what their community's fear now costs, and men at home whose hardship is high enough for
 * Epstein's rule to hold. The last two are found in {@link CommunityOrders}: each community's men sorted by
 * attachment and by boldness then hardship, with bounds that let a community none of whose men a rule can reach be
 * passed over without reading them. Every man the rules could move is visited; the others are skipped without being
 * read ({@link #askEveryone} turns the skipping off, for the test that the results do not change).
 */
public final class Region implements Steppable {
    private static final long serialVersionUID = 1L;

    /** Standard normal quantiles at (q + 0.5) / 256: a stored byte q stands for this draw of a log-normal law. */
    private static final double[] NORMAL_QUANTILE = new double[256];

    static {
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        for (int q = 0; q < 256; q++) {
            NORMAL_QUANTILE[q] = normal.inverseCumulativeProbability((q + 0.5) / 256);
        }
    }

    /** Tries to find a man for one summons before the office gives up for the day (bounded rejection sampling). */
    private static final int SUMMONS_TRIES = 200;


    final int index;
    final RegionData data;
    final People people;
    final MersenneTwisterFast random;
    private final ExitVoiceModel model;
    private final Scenario s;
    private final DraftCriteria criteria;
    final RouteChoice routeChoice;
    private final int scale;
    private final int communitySize;
    private final int communities;

    /** Men per state, in agents; kept current by {@link #move}. */
    final int[] stock = new int[PersonState.COUNT];
    /** Men in the region who meet the criteria (the offices' pool). */
    private final int eligibleMen;

    /** Quota in agents (persons / scale). */
    double quota;
    /** Agents who reported and will be mobilized when their timer comes. */
    int reporting;

    private int protestersYesterday;

    // today's flows, in agents (incidents in events)
    int summons, reported, misdrafted, caught, protesters, arrests, incidents, departures, turnedBack;

    /** Men reaching a border today, as (person index, persons in his party) pairs; read by BorderCrossings. */
    final IntList arrivals = new IntList();
    /** Men setting off today by route: tickets bought today, which is what air fares answer to. */
    final int[] bookedToday;

    // What each community sees, kept current as men change (summoned ever; misdrafted in the last memoryDays; gone).
    private final int[] commSummoned, commMisdrafted, commGone;
    // The rules evaluated once per community at the start of each day, from what it saw by the end of yesterday;
    // recomputed only for communities whose counts changed (most do not on most days) or when the draft or the
    // misclassification lever changed for everyone.
    private final double[] stayingPerRisk;
    /**
     * Cost of staying for each list's unsummoned man (two per community: the eligible, then the others) = his risk x
     * the community's staying per risk, and the attachment below which fear alone makes him hide (staying / fear).
     */
    private final double[] staying, fearReach;
    /** Each community's recent misdrafts as of the start of the day (its legitimacy is computed from them). */
    private final int[] misdraftedAtDawn;
    private final boolean[] changed;
    private final IntList changedCommunities = new IntList();
    private boolean seenRunning;
    private double seenMisclassification = Double.NaN;
    /** Legitimacy before community misdrafts (the region's L today) and the whole region's recent misdrafts. */
    private double legitimacyHere;
    private int misdraftedInRegion;

    /** Each community's men in the orders the day walks, with the bounds that let it skip whole communities. */
    private final CommunityOrders orders;

    /** Men in hiding (stale entries dropped as the list is walked; the IN_HIDING_LIST flag prevents doubles). */
    private IntList hiding = new IntList(), hidingNext = new IntList();
    /** Men whose timer falls on a day, by day modulo the horizon. */
    private final IntList[] due;
    /** Men misdrafted on a day, by day modulo memoryDays + 1: their community forgets them memoryDays later. */
    private final IntList[] misdraftedOn;
    /** Men summoned today, who decide today. */
    private final IntList summonedToday = new IntList();
    /** Men summoned after they had had their day (freed from detention that morning): they decide tomorrow. */
    private IntList summonedAfterTheirDay = new IntList(), summonedYesterdayAfterTheirDay = new IntList();
    /** Men who have had their day today (their DECIDED flag is cleared at dusk). */
    private final IntList decidedToday = new IntList();

    /**
     * For tests: ask every man every day, ignoring the bounds that spare most of them (the reference the bounds
     * must reproduce exactly, since a man no rule can reach draws no random number).
     */
    boolean askEveryone;

    /** Savings (RUB) and attachment to home by stored quantile: log-normal laws of the region. */
    private final double[] savingsOf = new double[256];
    private final double[] attachmentOf = new double[CommunityOrders.NOBODY + 1];

    // Memory of recent days (ring buffers of length incidents.memoryDays).
    private final int[] incidentMemory;
    private final int[] crackdownMemory;
    private final int[] misdraftMemory;
    private double meanGrievanceAtStart = Double.NaN;
    private double lastMeanGrievance;

    Region(ExitVoiceModel model, int index, RegionData data, List<RouteData> routes, Scenario s, long seed) {
        this.model = model;
        this.index = index;
        this.data = data;
        this.s = s;
        this.scale = s.scale();
        this.random = new MersenneTwisterFast(Draws.streamSeed(seed, index));
        this.criteria = new DraftCriteria(s.draft());
        this.routeChoice = new RouteChoice(data, routes, s.emigration());
        this.bookedToday = new int[routes.size()];
        int agents = (int) Math.round(data.population() * data.men1859Share() / scale);
        this.people = new People(agents);
        this.communitySize = s.population().communitySize();
        this.communities = Math.max(1, (agents + communitySize - 1) / communitySize);
        commSummoned = new int[communities];
        commMisdrafted = new int[communities];
        commGone = new int[communities];
        stayingPerRisk = new double[communities];
        staying = new double[2 * communities];
        fearReach = new double[2 * communities];
        changed = new boolean[communities];
        misdraftedAtDawn = new int[communities];
        int memory = s.incidents().memoryDays();
        incidentMemory = new int[memory];
        crackdownMemory = new int[memory];
        misdraftMemory = new int[memory];
        misdraftedOn = lists(memory + 1);
        int horizon = Math.max(s.emigration().maxTravelDays(), Math.max(s.protest().jailDays(), s.draft().reportDelayDays())) + 2;
        due = lists(horizon);
        var p = s.population();
        var e = s.emigration();
        for (int q = 0; q < 256; q++) {
            savingsOf[q] = p.savingsMedianRub() * data.incomeIndex() * Math.exp(p.savingsSigma() * NORMAL_QUANTILE[q]);
            attachmentOf[q] = e.attachment() * Math.exp(e.attachmentSigma() * NORMAL_QUANTILE[q]);
        }
        attachmentOf[CommunityOrders.NOBODY] = Double.POSITIVE_INFINITY;
        eligibleMen = populate();
        stock[PersonState.AT_HOME] = agents;
        orders = new CommunityOrders(people, communitySize, communities, attachmentOf);
    }

    private static IntList[] lists(int n) {
        IntList[] a = new IntList[n];
        for (int k = 0; k < n; k++) {
            a[k] = new IntList();
        }
        return a;
    }

    /** Draws every man's attributes; returns how many meet the draft criteria. */
    private int populate() {
        var p = s.population();
        // International passports are commoner in towns: scale the national share by the urban share (2021: 74.8%).
        double passport = Math.min(1, p.intlPassportShare() * data.urbanShare() / 0.748);
        double conscript = p.formerConscriptShare(), served = conscript + p.formerContractShare();
        int eligibleCount = 0;
        for (int i = 0; i < people.size; i++) {
            int age = 18 + random.nextInt(42); // uniform 18..59 (simplification, see ODD)
            double u = random.nextDouble();
            byte service = u < conscript ? People.SERVICE_CONSCRIPT : u < served ? People.SERVICE_CONTRACT : People.SERVICE_NONE;
            boolean exempt = random.nextDouble() < p.exemptShare();
            int flags = (exempt ? People.EXEMPT : 0) | (random.nextDouble() < passport ? People.INTL_PASSPORT : 0);
            if (criteria.eligible(age, service, exempt)) {
                flags |= People.ELIGIBLE;
                eligibleCount++;
            }
            people.age[i] = (byte) age;
            people.service[i] = service;
            people.flags[i] = (byte) flags;
            // one random int gives the four quantised attributes (8 bits each)
            int bits = random.nextInt();
            people.savings[i] = (byte) bits;
            people.attachment[i] = (byte) (bits >>> 8);
            people.riskAversion[i] = (byte) (bits >>> 16);
            people.hardship[i] = (byte) (bits >>> 24);
        }
        return eligibleCount;
    }

    double savingsOf(byte quantile) {
        return savingsOf[quantile & 0xFF];
    }

    double attachmentOf(byte quantile) {
        return attachmentOf[quantile & 0xFF];
    }

    boolean eligible(int i) {
        return people.has(i, People.ELIGIBLE);
    }

    /**
     * Every change of state goes through here, so the six stocks always sum to the population; it also keeps
     * the community's count of men gone and the list of men in hiding current.
     */
    void move(int i, byte to) {
        byte from = people.state[i];
        stock[from]--;
        stock[to]++;
        people.state[i] = to;
        boolean wasGone = from == PersonState.EN_ROUTE || from == PersonState.EMIGRATED;
        boolean isGone = to == PersonState.EN_ROUTE || to == PersonState.EMIGRATED;
        if (wasGone != isGone) {
            int c = i / communitySize;
            commGone[c] += isGone ? 1 : -1;
            markChanged(c);
        }
        if (to == PersonState.HIDING && !people.has(i, People.IN_HIDING_LIST)) {
            people.set(i, People.IN_HIDING_LIST);
            hiding.add(i);
        }
        if (to == PersonState.AT_HOME) {
            orders.backHome(i);
        }
    }

    // This day, for the men the orders hand back one at a time (see menAtHomeWhoMayAct and protestersOfToday).
    private Today thisDay;
    private DayRules thisDaysRules;
    private double streetLegitimacy;
    private final IntConsumer freeMansDayNow = i -> freeMansDay(i, thisDay, thisDaysRules);
    private final IntConsumer askToProtestNow = i -> askToProtest(i, streetLegitimacy, thisDay, thisDaysRules);

    @Override
    public void step(SimState state) {
        Today today = model.today();
        protestersYesterday = protesters;
        summons = reported = misdrafted = caught = protesters = arrests = incidents = departures = turnedBack = 0;
        arrivals.clear();
        java.util.Arrays.fill(bookedToday, 0);
        forgetOldestDay(today.day);
        DayRules rules = seeToday(today);
        thisDay = today;
        thisDaysRules = rules;
        int hidingAtDawn = compactHidingList();
        timersDue(today, rules);
        issueSummons(today);
        IntList late = summonedAfterTheirDay;
        summonedAfterTheirDay = summonedYesterdayAfterTheirDay;
        summonedYesterdayAfterTheirDay = late;
        summonedAfterTheirDay.clear();
        summonedMensDay(late, today, rules);
        summonedMensDay(summonedToday, today, rules);
        hidingMensDay(hidingAtDawn, today, rules);
        menAtHomeWhoMayAct(today, rules);
        protestersOfToday(today, rules);
        violentIncidents(today.day);
        for (int k = 0; k < decidedToday.size(); k++) {
            people.clear(decidedToday.get(k), People.DECIDED);
        }
        decidedToday.clear();
    }

    // ---- what everyone sees today -------------------------------------------------------------------------

    /** Region-wide values of the day, fixed before anyone moves. */
    private record DayRules(boolean running, double raid, double monthlyCatch, double arrestP) {
    }

    /**
     * The rules of {@link Decisions} evaluated once per community (for its unsummoned eligible and ineligible man) from
     * what it saw by the end of yesterday, and the region's raids and Epstein's arrest probability.
     */
    private DayRules seeToday(Today today) {
        Levers levers = model.levers();
        var protest = s.protest();
        boolean running = today.draftRunning;
        legitimacyHere = regionalLegitimacy();
        if (running != seenRunning || levers.misclassification() != seenMisclassification) {
            // what every community's risk depends on changed: all of them are seen anew
            for (int c = 0; c < communities; c++) {
                markChanged(c);
            }
            seenRunning = running;
            seenMisclassification = levers.misclassification();
        }
        for (int k = 0; k < changedCommunities.size(); k++) {
            int c = changedCommunities.get(k);
            changed[c] = false;
            seeCommunity(c, running, levers.misclassification());
        }
        changedCommunities.clear();
        // mean grievance of the region's men (hardship averages 1/2): 1/2 x (1 - L) averaged over its communities
        lastMeanGrievance = people.size == 0 ? 0
                : 0.5 * (1 - legitimacyHere + protest.misdraftLoss() * misdraftedInRegion / (double) people.size);
        if (Double.isNaN(meanGrievanceAtStart)) {
            meanGrievanceAtStart = lastMeanGrievance;
        }
        routeChoice.prepareDay(today.price, today.waitDays, today.usable, s.emigration().dayCost(), savingsOf);
        double raid = running ? Math.min(1, s.enforcement().raidProb() * levers.intensity()
                * (1 + s.enforcement().incidentResponse() * sum(incidentMemory))) : 0;
        // Epstein's C and A for the region's streets: police on duty, and 1 + yesterday's protesters (persons).
        // Counted per region, not per community: at coarse scales one agent is hundreds of protesters, more than a
        // community's police, which would make P collapse to 0 at the first protester (a scale artefact).
        double police = levers.policePer1000() / 1000 * data.population() * protest.policeOnDuty();
        double arrestP = Grievance.arrestProbability(protest.k(), police, protestersYesterday * scale / protest.menShare());
        return new DayRules(running, raid, 1 - Math.pow(1 - raid, 30), arrestP);
    }

    /** The rules of {@link Decisions} for community c's unsummoned eligible and ineligible man, from its counts. */
    private void seeCommunity(int c, boolean running, double misclassification) {
        var perception = s.perception();
        var emigration = s.emigration();
        double size = Math.max(1, Math.min(communitySize, people.size - c * communitySize));
        double misdraftShare = commMisdrafted[c] / size;
        // cost of staying per unit of risk: fear of war, raised by the community already gone
        double perRisk = Decisions.costOfStaying(1, emigration.fearOfWar(), emigration.networkWeight(), commGone[c] / size);
        stayingPerRisk[c] = perRisk;
        for (int list = 0; list < 2; list++) {
            double risk = Decisions.perceivedRisk(false, list == 0, running, perception.eligibleBase(),
                    perception.summonedShareWeight(), commSummoned[c] / size, perception.ineligibleWeight(),
                    misclassification, perception.misdraftWeight(), misdraftShare);
            staying[2 * c + list] = risk * perRisk;
            fearReach[2 * c + list] = fearReach(risk * perRisk, s.hiding().fearThreshold());
        }
        misdraftedAtDawn[c] = commMisdrafted[c];
    }

    /** Community c's counts moved: its view is seen anew at the start of the next day. */
    private void markChanged(int c) {
        if (!changed[c]) {
            changed[c] = true;
            changedCommunities.add(c);
        }
    }

    /** L in community c today: the region's, less the misdrafts its men saw lately. */
    private double legitimacy(int c) {
        double size = Math.max(1, Math.min(communitySize, people.size - c * communitySize));
        return Math.max(0, legitimacyHere - s.protest().misdraftLoss() * misdraftedAtDawn[c] / size);
    }

    // ---- enforcement ---------------------------------------------------------------------------------------

    /** Offices serve summons up to their daily capacity until mobilized + reporting men reach the quota. */
    private void issueSummons(Today today) {
        summonedToday.clear();
        if (!today.draftRunning || people.size == 0) {
            return;
        }
        Levers levers = model.levers();
        double need = quota - stock[PersonState.MOBILIZED] - reporting;
        if (need <= 0) {
            return;
        }
        double capacity = s.draft().summonsPerDay() * levers.intensity() * quota;
        int n = Math.min(Draws.stochasticRound(random, capacity), (int) Math.ceil(need));
        for (int k = 0; k < n; k++) {
            boolean wrong = random.nextDouble() < levers.misclassification();
            int i = wrong ? findAtHome(false) : -1;
            if (i < 0) {
                // a correct summons (also when no one outside the criteria is left to summon by mistake)
                i = findAtHome(true);
            }
            if (i < 0) {
                return; // no eligible man found at home: the quota stays unmet (never filled from outside the criteria)
            }
            summon(i, today.day);
            summonedToday.add(i);
        }
    }

    /**
     * A random man at home, not yet summoned, who meets the criteria ({@code eligible}) or does not; -1 when none is
     * found within {@link #SUMMONS_TRIES} draws. Offices pick from their registers at random; drawing by rejection
     * needs no per-person list.
     */
    private int findAtHome(boolean eligible) {
        if (eligible ? eligibleMen == 0 : eligibleMen == people.size) {
            return -1;
        }
        for (int t = 0; t < SUMMONS_TRIES; t++) {
            int i = random.nextInt(people.size);
            int f = people.flags[i];
            if (people.state[i] == PersonState.AT_HOME && (f & (People.SUMMONED | People.REPORTING)) == 0
                    && ((f & People.ELIGIBLE) != 0) == eligible) {
                return i;
            }
        }
        return -1;
    }

    private void summon(int i, int day) {
        people.set(i, People.SUMMONED);
        people.summonDay[i] = (short) day;
        commSummoned[i / communitySize]++;
        markChanged(i / communitySize);
        summons++;
        if (!eligible(i)) {
            misdraft(i, day);
        }
    }

    /** A man outside the criteria drafted: counted today, and news in his community for memoryDays. */
    private void misdraft(int i, int day) {
        people.set(i, People.MISDRAFTED);
        people.summonDay[i] = (short) day;
        misdrafted++;
        commMisdrafted[i / communitySize]++;
        misdraftedInRegion++;
        markChanged(i / communitySize);
        misdraftedOn[day % misdraftedOn.length].add(i);
    }

    /** Listed at borders: summoned, exit lists in use, and the list delay has passed. */
    boolean onExitList(int i, int day) {
        return model.exitListsInUse(day) && people.has(i, People.SUMMONED)
                && day - people.summonDay[i] >= model.levers().exitListDelayDays();
    }

    // ---- the men a rule can reach today -----------------------------------------------------------------------

    private void schedule(int i, int day) {
        people.timer[i] = (short) day;
        due[day % due.length].add(i);
    }

    /** Men whose timer falls today: arrivals at a border, releases from detention, mobilization after reporting. */
    private void timersDue(Today today, DayRules rules) {
        int day = today.day;
        IntList list = due[day % due.length];
        for (int k = 0; k < list.size(); k++) {
            int i = list.get(k);
            if (people.timer[i] != day) {
                continue; // turned back or otherwise moved since
            }
            people.timer[i] = People.NEVER;
            byte st = people.state[i];
            if (st == PersonState.EN_ROUTE) {
                arrivals.add(i);
                arrivals.add(scale + Draws.poisson(random, s.emigration().familyPerEmigrant() * scale));
            } else if (st == PersonState.DETAINED) {
                move(i, PersonState.AT_HOME);
                freeMansDay(i, today, rules);
            } else if (st == PersonState.AT_HOME && people.has(i, People.REPORTING)) {
                people.clear(i, People.REPORTING);
                reporting--;
                move(i, PersonState.MOBILIZED);
            }
        }
        list.clear();
    }

    /**
     * Each summoned man still at home and not reporting leaves, hides or reports; one who already had his day today
     * does so tomorrow.
     */
    private void summonedMensDay(IntList men, Today today, DayRules rules) {
        for (int k = 0; k < men.size(); k++) {
            int i = men.get(k);
            if (people.state[i] == PersonState.AT_HOME && !people.has(i, People.REPORTING)) {
                if (people.has(i, People.DECIDED)) {
                    summonedAfterTheirDay.add(i);
                } else {
                    freeMansDay(i, today, rules);
                }
            }
        }
    }

    /** For tests: man i was summoned after he had had his day, and decides tomorrow. */
    boolean decidesTomorrow(int i) {
        for (int k = 0; k < summonedAfterTheirDay.size(); k++) {
            if (summonedAfterTheirDay.get(k) == i) {
                return true;
            }
        }
        return false;
    }

    /** Drops men no longer hiding from the list; returns how many were hiding at dawn (the first entries). */
    private int compactHidingList() {
        IntList list = hiding;
        hidingNext.clear();
        for (int k = 0; k < list.size(); k++) {
            int i = list.get(k);
            if (people.state[i] == PersonState.HIDING) {
                hidingNext.add(i);
            } else {
                people.clear(i, People.IN_HIDING_LIST);
            }
        }
        hiding = hidingNext;
        hidingNext = list;
        return hiding.size();
    }

    /**
     * Men who were hiding at dawn: each may leave, be caught in a raid, or come out once the draft is over. Men who
     * went into hiding today are appended after them and wait for tomorrow.
     */
    private void hidingMensDay(int hidingAtDawn, Today today, DayRules rules) {
        for (int k = 0; k < hidingAtDawn; k++) {
            int i = hiding.get(k);
            if (people.state[i] == PersonState.HIDING) {
                freeMansDay(i, today, rules);
            }
        }
    }

    /**
     * Men at home, not summoned, who can act today: leaving needs attachment &lt; staying - (the cheapest route
     * anyone has today), hiding out of fear needs attachment &lt; staying / fearThreshold. Men more attached than
     * both bounds cannot be moved by either rule and are not visited; nor are lists whose least attached man who may
     * act is beyond them.
     */
    private void menAtHomeWhoMayAct(Today today, DayRules rules) {
        double cheapest = routeChoice.cheapestOfAll();
        for (int list = 0; list < orders.lists(); list++) {
            // NaN-free: cheapest is +inf when no route is usable
            double reach = askEveryone ? Double.POSITIVE_INFINITY : Math.max(staying[list] - cheapest, fearReach[list]);
            if (askEveryone || orders.anyoneWithin(list, reach) && !onlyManWithinStaysHome(list, reach)) {
                orders.visitWithin(list, reach, askEveryone, freeMansDayNow);
            }
        }
    }

    /** The list's least attached man is known, nobody else in it is within reach, and he would stay home today. */
    private boolean onlyManWithinStaysHome(int list, double reach) {
        int kind = orders.onlyManWithin(list, reach);
        return kind >= 0 && unsummonedManStaysHome(staying[list], orders.leastAttachment(list), kind >= 256, kind & 0xFF);
    }

    /**
     * An unsummoned man at home neither leaves nor hides today: the first two tests of {@link #freeMansDay} for him
     * (no exit-list risk without a summons), which draw no random number.
     */
    private boolean unsummonedManStaysHome(double staying, double attachment, boolean passport, int wealth) {
        boolean mayLeave = staying > attachment
                && Decisions.prefersToLeave(staying, routeChoice.cheapest(passport, wealth) + attachment + 0.0);
        return !mayLeave && !Decisions.hidesFromFear(staying, attachment, s.hiding().fearThreshold());
    }

    /** The attachment below which a man whose staying costs {@code staying} hides out of fear if he cannot leave. */
    private static double fearReach(double staying, double fearThreshold) {
        return fearThreshold > 0 ? staying / fearThreshold : (staying > 0 ? Double.POSITIVE_INFINITY : 0);
    }

    /** For tests: the first way in which the orders' bounds fail to hold for the men as they are (null if none). */
    String boundsViolation() {
        return orders.violation();
    }

    /**
     * A free man's day (at home and not reporting, or hiding): leave if staying costs more than leaving; else a
     * summoned man at home hides or reports, an unsummoned one may hide out of fear, a hiding one may be caught in a
     * raid or, once the draft is over and if never summoned, come out.
     */
    private void freeMansDay(int i, Today today, DayRules rules) {
        if (people.has(i, People.DECIDED)) {
            return;
        }
        people.set(i, People.DECIDED);
        decidedToday.add(i);
        int c = i / communitySize;
        boolean summoned = people.has(i, People.SUMMONED);
        double staying = summoned ? stayingPerRisk[c] : this.staying[2 * c + (eligible(i) ? 0 : 1)];
        double attachment = attachmentOf[people.attachment[i] & 0xFF];
        double r = People.unit(people.riskAversion[i]);
        if (staying > attachment && tryToLeave(i, today, summoned, r, staying, attachment)) {
            return;
        }
        byte st = people.state[i];
        if (st == PersonState.AT_HOME && summoned) {
            if (Decisions.hidesFromSummons(legitimacy(c), r, rules.monthlyCatch(), s.hiding().threshold())) {
                move(i, PersonState.HIDING);
            } else {
                report(i, today.day);
            }
        } else if (st == PersonState.AT_HOME) {
            if (Decisions.hidesFromFear(staying, attachment, s.hiding().fearThreshold())) {
                move(i, PersonState.HIDING);
            }
        } else if (rules.running() && rules.raid() > 0 && random.nextDouble() < rules.raid()
                && draftsCaughtMan(i, summoned, today.day)) {
            move(i, PersonState.MOBILIZED); // caught in a raid
            caught++;
        } else if (!rules.running() && !summoned) {
            move(i, PersonState.AT_HOME); // the draft is over: unsummoned men come out
        }
    }

    /**
     * Epstein's rule for men at home (and not reporting) in each community: G = H (1 - L) can exceed T + R P only
     * where H &gt; T / (1 - L), so only the men above that hardship are asked, the most aggrieved first. On most days
     * not even the least risk-averse man outside the bold could be active; then only the bold are asked, and not at
     * all in a community whose most aggrieved bold man could not be.
     */
    private void protestersOfToday(Today today, DayRules rules) {
        double threshold = s.protest().threshold();
        double p = rules.arrestP();
        // most communities saw no misdraft lately and share the region's L: their reach is worked out once
        double plain = Math.max(0, legitimacyHere);
        int plainReach = CommunityOrders.protestReach(plain, p, threshold);
        for (int c = 0; c < communities; c++) {
            double legitimacy = plain;
            int reach = plainReach;
            if (misdraftedAtDawn[c] != 0) {
                legitimacy = legitimacy(c);
                reach = CommunityOrders.protestReach(legitimacy, p, threshold);
            }
            streetLegitimacy = legitimacy;
            if (askEveryone) {
                orders.askAll(c, Double.NEGATIVE_INFINITY, true, askToProtestNow);
            } else if (reach == CommunityOrders.EVERYONE) {
                orders.askAll(c, threshold / (1 - legitimacy), false, askToProtestNow);
            } else if (orders.mostAggrieved(c) >= reach) {
                orders.askTheBold(c, threshold / (1 - legitimacy), false, askToProtestNow);
            }
        }
    }

    /** A man at home and not reporting (the only men the orders hand over) is active if Epstein's rule holds. */
    private void askToProtest(int i, double legitimacy, Today today, DayRules rules) {
        double r = People.unit(people.riskAversion[i]);
        double h = People.unit(people.hardship[i]);
        if (Grievance.active(Grievance.grievance(h, legitimacy), r, rules.arrestP(), s.protest().threshold())) {
            protest(i, today.day, rules.running(), r, rules.arrestP());
        }
    }

    /**
     * Leave if staying costs more than the cheapest usable route plus the exit-list risk and attachment; then set
     * off (with daily probability actProb: it takes time to organise).
     */
    private boolean tryToLeave(int i, Today today, boolean summoned, double r, double staying, double attachment) {
        var e = s.emigration();
        Levers levers = model.levers();
        boolean willBeListed = summoned && today.exitListsInUse;
        double risk = Decisions.exitListRisk(willBeListed, levers.exitListCoverage(), s.enforcement().penalty(),
                levers.intensity(), r);
        boolean passport = people.has(i, People.INTL_PASSPORT);
        int wealth = people.savings[i] & 0xFF;
        if (!Decisions.prefersToLeave(staying, routeChoice.cheapest(passport, wealth) + attachment + risk)) {
            return false;
        }
        routeChoice.choose(passport, wealth, e.choiceNoise(), random);
        if (routeChoice.chosenRoute < 0
                || !Decisions.prefersToLeave(staying, routeChoice.chosenCost + attachment + risk)
                || random.nextDouble() >= e.actProb()) {
            return false;
        }
        int j = routeChoice.chosenRoute;
        people.route[i] = (byte) routeChoice.routes[j];
        bookedToday[routeChoice.routes[j]]++;
        schedule(i, today.day + routeChoice.travelDays[j]);
        move(i, PersonState.EN_ROUTE);
        departures++;
        return true;
    }

    /**
     * A man caught in a raid is drafted if he was summoned or meets the criteria; one outside them is drafted anyway
     * with the misclassification probability (and counted as misdrafted), else let go.
     */
    private boolean draftsCaughtMan(int i, boolean summoned, int day) {
        if (summoned || eligible(i)) {
            return true;
        }
        if (random.nextDouble() < model.levers().misclassification()) {
            misdraft(i, day);
            return true;
        }
        return false;
    }

    private void report(int i, int day) {
        reported++;
        int delay = s.draft().reportDelayDays();
        if (delay == 0) {
            move(i, PersonState.MOBILIZED);
        } else {
            people.set(i, People.REPORTING);
            schedule(i, day + delay);
            reporting++;
        }
    }

    /** An active protester (Epstein's rule held): he may be arrested, and summoned in custody. */
    private void protest(int i, int day, boolean running, double r, double arrestP) {
        var p = s.protest();
        protesters++;
        if (random.nextDouble() < p.arrestProb() * arrestP) {
            arrests++;
            schedule(i, day + Math.max(1, p.jailDays()));
            // Deviation from Epstein: a man who was arrested comes out more afraid (R moves halfway to 1), which is
            // why street protest fades after the first days rather than cycling through the same men.
            people.riskAversion[i] = People.quantise((1 + r) / 2);
            move(i, PersonState.DETAINED);
            // summons in custody follow the same criteria, applied as sloppily as at the offices
            if (running && !people.has(i, People.SUMMONED) && random.nextDouble() < p.summonFromJail()
                    && (eligible(i) || random.nextDouble() < model.levers().misclassification())) {
                summon(i, day);
            }
        }
    }

    // ---- legitimacy, incidents, memory --------------------------------------------------------------------

    /**
     * L of the region today: its starting legitimacy (lower where minorities are many) less what people saw lately:
     * violent incidents, and arrests and raids relative to the region's men (a crackdown both deters and provokes).
     */
    double regionalLegitimacy() {
        var p = s.protest();
        double start = p.legitimacy() - p.minorityGap() * data.minorityShare();
        double crackdownShare = people.size == 0 ? 0 : sum(crackdownMemory) / (double) people.size;
        double l = start - s.incidents().legitimacyLoss() * sum(incidentMemory) - p.crackdownLoss() * crackdownShare;
        return Math.max(0, Math.min(1, l));
    }

    /**
     * Violent incidents: Poisson with a rate per million men that rises with the region's grievance above its
     * starting level and with recent misdrafts (the Ust-Ilimsk shooter was angry a friend outside the criteria was drafted).
     */
    private void violentIncidents(int day) {
        int slot = day % crackdownMemory.length;
        crackdownMemory[slot] = arrests + caught;
        misdraftMemory[slot] = misdrafted;
        var inc = s.incidents();
        double menMillions = people.size * (double) scale / 1e6;
        double misdraftShare = people.size == 0 ? 0 : sum(misdraftMemory) / (double) people.size;
        double grievanceRise = Math.max(0, lastMeanGrievance - meanGrievanceAtStart);
        double rate = inc.baseRate() * menMillions * (1 + inc.grievanceWeight() * grievanceRise)
                * (1 + inc.misdraftWeight() * misdraftShare);
        incidents = Draws.poisson(random, rate);
        incidentMemory[slot] += incidents;
    }

    /**
     * The memory slots hold the last memoryDays days; today's slot is the oldest day's, cleared first. Misdrafts
     * older than memoryDays stop being news in their communities.
     */
    private void forgetOldestDay(int day) {
        int slot = day % crackdownMemory.length;
        incidentMemory[slot] = 0;
        crackdownMemory[slot] = 0;
        misdraftMemory[slot] = 0;
        IntList old = misdraftedOn[day % misdraftedOn.length];
        for (int k = 0; k < old.size(); k++) {
            commMisdrafted[old.get(k) / communitySize]--;
            misdraftedInRegion--;
            markChanged(old.get(k) / communitySize);
        }
        old.clear();
    }

    /** Men turned back at a border by the serial border phase: hidden if summoned, else home. */
    void turnBack(int i) {
        people.route[i] = -1;
        people.timer[i] = People.NEVER;
        move(i, people.has(i, People.SUMMONED) ? PersonState.HIDING : PersonState.AT_HOME);
        turnedBack++;
    }

    private static int sum(int[] a) {
        int total = 0;
        for (int x : a) {
            total += x;
        }
        return total;
    }

    /** Today's tally in persons. */
    Tally tally() {
        double protestPersons = scale / s.protest().menShare();
        long sc = scale;
        return new Tally(stock[PersonState.AT_HOME] * sc, stock[PersonState.HIDING] * sc, stock[PersonState.EN_ROUTE] * sc,
                stock[PersonState.EMIGRATED] * sc, stock[PersonState.MOBILIZED] * sc, stock[PersonState.DETAINED] * sc,
                summons * sc, reported * sc, misdrafted * sc, caught * sc,
                Math.round(protesters * protestPersons), Math.round(arrests * protestPersons),
                incidents, departures * sc, turnedBack * sc);
    }

    /** Modelled men in persons. */
    long populationPersons() {
        return (long) people.size * scale;
    }

    /** Mean grievance of the region's men today (hardship at its mean, legitimacy by community). */
    public double meanGrievance() {
        return lastMeanGrievance;
    }

    public String code() {
        return data.code();
    }
}
