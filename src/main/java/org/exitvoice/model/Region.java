package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.Arrays;
import java.util.List;

/**
 * One federal subject and its men aged 18-59: issues summons against its quota, raids on hiding men, and each man's
 * daily choice to report, hide, protest or leave. Steps in parallel with the other regions; it touches only its own
 * people and its own random stream, and hands men arriving at a border to {@link BorderCrossings} through
 * {@link #arrivals}.
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
    /** Men in the region who meet the criteria (the offices' pool, for the quota check). */
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

    // Community counts seen today (end of yesterday) and being counted for tomorrow.
    private int[] commSummoned, commMisdrafted, commEmigrated;
    private int[] nextSummoned, nextMisdrafted, nextEmigrated;

    /** Savings (RUB) and attachment to home by stored quantile: log-normal laws of the region. */
    private final double[] savingsOf = new double[256];
    private final double[] attachmentOf = new double[256];

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
        int agents = (int) Math.round(data.population() * data.men1859Share() / scale);
        this.people = new People(agents);
        this.communitySize = s.population().communitySize();
        this.communities = Math.max(1, (agents + communitySize - 1) / communitySize);
        commSummoned = new int[communities];
        commMisdrafted = new int[communities];
        commEmigrated = new int[communities];
        nextSummoned = new int[communities];
        nextMisdrafted = new int[communities];
        nextEmigrated = new int[communities];
        int memory = s.incidents().memoryDays();
        incidentMemory = new int[memory];
        crackdownMemory = new int[memory];
        misdraftMemory = new int[memory];
        var p = s.population();
        var e = s.emigration();
        for (int q = 0; q < 256; q++) {
            savingsOf[q] = p.savingsMedianRub() * data.incomeIndex() * Math.exp(p.savingsSigma() * NORMAL_QUANTILE[q]);
            attachmentOf[q] = e.attachment() * Math.exp(e.attachmentSigma() * NORMAL_QUANTILE[q]);
        }
        eligibleMen = populate();
        stock[PersonState.AT_HOME] = agents;
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

    /** Every change of state goes through here, so the six stocks always sum to the population. */
    void move(int i, byte to) {
        stock[people.state[i]]--;
        stock[to]++;
        people.state[i] = to;
    }

    @Override
    public void step(SimState state) {
        Today today = model.today();
        protestersYesterday = protesters;
        summons = reported = misdrafted = caught = protesters = arrests = incidents = departures = turnedBack = 0;
        arrivals.clear();
        forgetOldestDay(today.day);
        issueSummons(today);
        decide(today);
        violentIncidents(today.day);
    }

    // ---- enforcement ---------------------------------------------------------------------------------------

    /** Offices serve summons up to their daily capacity until mobilized + reporting men reach the quota. */
    private void issueSummons(Today today) {
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
        }
    }

    /**
     * A random man at home, not yet summoned, who meets the criteria ({@code eligible}) or does not; -1 when none is
     * found within {@link #SUMMONS_TRIES} draws. Offices pick from their registers at random; drawing by rejection
     * needs no per-person list (memory stays at a few bytes a man at full scale).
     */
    private int findAtHome(boolean eligible) {
        if (eligible ? eligibleMen == 0 : eligibleMen == people.size) {
            return -1;
        }
        for (int t = 0; t < SUMMONS_TRIES; t++) {
            int i = random.nextInt(people.size);
            int f = people.flags[i];
            if (people.state[i] == PersonState.AT_HOME && (f & People.SUMMONED) == 0
                    && ((f & People.ELIGIBLE) != 0) == eligible) {
                return i;
            }
        }
        return -1;
    }

    private void summon(int i, int day) {
        people.set(i, People.SUMMONED);
        people.summonDay[i] = (short) day;
        summons++;
        if (!eligible(i)) {
            people.set(i, People.MISDRAFTED);
            misdrafted++;
        }
    }

    /** Listed at borders: summoned, exit lists in use, and the list delay has passed. */
    boolean onExitList(int i, int day) {
        return model.exitListsInUse(day) && people.has(i, People.SUMMONED)
                && day - people.summonDay[i] >= model.levers().exitListDelayDays();
    }

    // ---- the day of each man ------------------------------------------------------------------------------

    /**
     * Each man's day, community by community. What a community sees (its shares summoned, misdrafted, gone) is the
     * same for all its men, so the rules of {@link Decisions} are evaluated once per community for the unsummoned
     * eligible and ineligible man, and each man only compares the result with his own attributes.
     */
    private void decide(Today today) {
        Levers levers = model.levers();
        var perception = s.perception();
        var emigration = s.emigration();
        var protest = s.protest();
        int day = today.day;
        boolean running = today.draftRunning;
        int memoryDays = s.incidents().memoryDays();

        routeChoice.prepareDay(today.price, today.waitDays, today.usable, emigration.dayCost(), savingsOf);
        double legitimacyHere = regionalLegitimacy();
        double raid = running ? Math.min(1, s.enforcement().raidProb() * levers.intensity()
                * (1 + s.enforcement().incidentResponse() * sum(incidentMemory))) : 0;
        double monthlyCatch = 1 - Math.pow(1 - raid, 30);
        // Epstein's C and A for the region's streets: police on duty, and 1 + yesterday's protesters (persons).
        // Counted per region, not per community: at coarse scales one agent is hundreds of protesters, more than a
        // community's police, which would make P collapse to 0 at the first protester (a scale artefact).
        double police = levers.policePer1000() / 1000 * data.population() * protest.policeOnDuty();
        double arrestP = Grievance.arrestProbability(protest.k(), police, protestersYesterday * scale / protest.menShare());
        double threshold = protest.threshold();
        double hideThreshold = s.hiding().threshold();
        double fearThreshold = s.hiding().fearThreshold();
        double fearOfWar = emigration.fearOfWar();
        double grievanceSum = 0;
        long grievanceCount = 0;

        Arrays.fill(nextSummoned, 0);
        Arrays.fill(nextMisdrafted, 0);
        Arrays.fill(nextEmigrated, 0);
        byte[] state = people.state;
        byte[] flags = people.flags;

        for (int c = 0; c < communities; c++) {
            int from = c * communitySize, to = Math.min(people.size, from + communitySize);
            double size = to - from;
            double misdraftShare = commMisdrafted[c] / size;
            double riskEligible = Decisions.perceivedRisk(false, true, running, perception.eligibleBase(),
                    perception.summonedShareWeight(), commSummoned[c] / size, perception.ineligibleWeight(),
                    levers.misclassification(), perception.misdraftWeight(), misdraftShare);
            double riskIneligible = Decisions.perceivedRisk(false, false, running, perception.eligibleBase(),
                    perception.summonedShareWeight(), commSummoned[c] / size, perception.ineligibleWeight(),
                    levers.misclassification(), perception.misdraftWeight(), misdraftShare);
            // cost of staying per unit of risk (fear of war, raised by the community already gone)
            double stayingPerRisk = Decisions.costOfStaying(1, fearOfWar, emigration.networkWeight(), commEmigrated[c] / size);
            double legitimacy = Math.max(0, legitimacyHere - protest.misdraftLoss() * misdraftShare);
            double distrust = 1 - legitimacy;

            for (int i = from; i < to; i++) {
                byte st = state[i];
                int f = flags[i];
                if (st == PersonState.EMIGRATED || st == PersonState.MOBILIZED) {
                    if (st == PersonState.EMIGRATED) {
                        nextEmigrated[c]++;
                    }
                    countSummons(c, i, f, day, memoryDays);
                    continue;
                }
                if (st == PersonState.EN_ROUTE) {
                    if (people.timer[i] == day) {
                        arrive(i);
                    }
                    nextEmigrated[c]++;
                    countSummons(c, i, f, day, memoryDays);
                    continue;
                }
                if (st == PersonState.DETAINED) {
                    if (people.timer[i] > day) {
                        countSummons(c, i, f, day, memoryDays);
                        continue;
                    }
                    people.timer[i] = People.NEVER;
                    move(i, PersonState.AT_HOME);
                    st = PersonState.AT_HOME;
                } else if ((f & People.REPORTING) != 0) {
                    if (people.timer[i] <= day) {
                        people.clear(i, People.REPORTING);
                        people.timer[i] = People.NEVER;
                        reporting--;
                        move(i, PersonState.MOBILIZED);
                    }
                    countSummons(c, i, f, day, memoryDays);
                    continue;
                }

                // a free man: at home (not reporting) or hiding
                boolean summoned = (f & People.SUMMONED) != 0;
                double risk = summoned ? 1 : (f & People.ELIGIBLE) != 0 ? riskEligible : riskIneligible;
                double staying = risk * stayingPerRisk;
                double attachment = attachmentOf[people.attachment[i] & 0xFF];
                double r = People.unit(people.riskAversion[i]);
                if (staying > attachment && tryToLeave(i, today, summoned, r, staying, attachment)) {
                    nextEmigrated[c]++;
                    countSummons(c, i, flags[i], day, memoryDays);
                    continue;
                }
                if (st == PersonState.AT_HOME && summoned) {
                    if (Decisions.hidesFromSummons(legitimacy, r, monthlyCatch, hideThreshold)) {
                        move(i, PersonState.HIDING);
                    } else {
                        report(i, day);
                    }
                    st = state[i];
                } else if (st == PersonState.AT_HOME) {
                    if (Decisions.hidesFromFear(staying, attachment, fearThreshold)) {
                        move(i, PersonState.HIDING);
                        st = PersonState.HIDING;
                    }
                } else if (running && raid > 0 && random.nextDouble() < raid && draftsCaughtMan(i, summoned, levers)) {
                    move(i, PersonState.MOBILIZED); // caught in a raid
                    caught++;
                    st = PersonState.MOBILIZED;
                } else if (!running && !summoned) {
                    move(i, PersonState.AT_HOME); // the draft is over: unsummoned men come out
                    st = PersonState.AT_HOME;
                }

                double grievance = Grievance.grievance(People.unit(people.hardship[i]), legitimacy);
                grievanceSum += grievance;
                grievanceCount++;
                f = flags[i];
                if (st == PersonState.AT_HOME && (f & People.REPORTING) == 0
                        && Grievance.active(grievance, r, arrestP, threshold)) {
                    protest(i, day, running, r, arrestP);
                }
                countSummons(c, i, flags[i], day, memoryDays);
            }
        }
        swapCommunityCounts();
        int slot = day % crackdownMemory.length;
        crackdownMemory[slot] = arrests + caught;
        misdraftMemory[slot] = misdrafted;
        double meanGrievance = grievanceCount == 0 ? 0 : grievanceSum / grievanceCount;
        if (Double.isNaN(meanGrievanceAtStart)) {
            meanGrievanceAtStart = meanGrievance;
        }
        lastMeanGrievance = meanGrievance;
    }

    /** What tomorrow's community sees of man i: whether he was summoned, and misdrafted lately (news for memoryDays). */
    private void countSummons(int c, int i, int f, int day, int memoryDays) {
        if ((f & People.SUMMONED) != 0) {
            nextSummoned[c]++;
            if ((f & People.MISDRAFTED) != 0 && day - people.summonDay[i] < memoryDays) {
                nextMisdrafted[c]++;
            }
        } else if ((f & People.MISDRAFTED) != 0 && day - people.summonDay[i] < memoryDays) {
            nextMisdrafted[c]++; // drafted in a raid without a summons
        }
    }

    /** A man whose journey ends today joins the border's queue with the family travelling with him. */
    private void arrive(int i) {
        people.timer[i] = People.NEVER;
        arrivals.add(i);
        arrivals.add(scale + Draws.poisson(random, s.emigration().familyPerEmigrant() * scale));
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
        routeChoice.choose(passport, savingsOf[wealth], today.price, today.waitDays, today.usable, e.dayCost(),
                e.choiceNoise(), random);
        if (routeChoice.chosenRoute < 0
                || !Decisions.prefersToLeave(staying, routeChoice.chosenCost + attachment + risk)
                || random.nextDouble() >= e.actProb()) {
            return false;
        }
        int j = routeChoice.chosenRoute;
        people.route[i] = (byte) routeChoice.routes[j];
        people.timer[i] = (short) (today.day + routeChoice.travelDays[j]);
        move(i, PersonState.EN_ROUTE);
        departures++;
        return true;
    }

    /**
     * A man caught in a raid is drafted if he was summoned or meets the criteria; one outside them is drafted anyway
     * with the misclassification probability (and counted as misdrafted), else let go.
     */
    private boolean draftsCaughtMan(int i, boolean summoned, Levers levers) {
        if (summoned || eligible(i)) {
            return true;
        }
        if (random.nextDouble() < levers.misclassification()) {
            people.set(i, People.MISDRAFTED);
            people.summonDay[i] = (short) model.today().day;
            misdrafted++;
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
            people.timer[i] = (short) (day + delay);
            reporting++;
        }
    }

    /** An active protester (Epstein's rule held): he may be arrested, and summoned in custody. */
    private void protest(int i, int day, boolean running, double r, double arrestP) {
        var p = s.protest();
        protesters++;
        if (random.nextDouble() < p.arrestProb() * arrestP) {
            arrests++;
            people.timer[i] = (short) (day + Math.max(1, p.jailDays()));
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
        var inc = s.incidents();
        double menMillions = people.size * (double) scale / 1e6;
        double misdraftShare = people.size == 0 ? 0 : sum(misdraftMemory) / (double) people.size;
        double grievanceRise = Math.max(0, lastMeanGrievance - meanGrievanceAtStart);
        double rate = inc.baseRate() * menMillions * (1 + inc.grievanceWeight() * grievanceRise)
                * (1 + inc.misdraftWeight() * misdraftShare);
        incidents = Draws.poisson(random, rate);
        incidentMemory[day % incidentMemory.length] += incidents;
    }

    /** The memory slots hold the last memoryDays days; today's slot is the oldest day's, cleared first. */
    private void forgetOldestDay(int day) {
        int slot = day % crackdownMemory.length;
        incidentMemory[slot] = 0;
        crackdownMemory[slot] = 0;
        misdraftMemory[slot] = 0;
    }

    /** Men turned back at a border by the serial border phase: hidden if summoned, else home. */
    void turnBack(int i) {
        people.route[i] = -1;
        people.timer[i] = People.NEVER;
        move(i, people.has(i, People.SUMMONED) ? PersonState.HIDING : PersonState.AT_HOME);
        turnedBack++;
    }

    private void swapCommunityCounts() {
        int[] t;
        t = commSummoned; commSummoned = nextSummoned; nextSummoned = t;
        t = commMisdrafted; commMisdrafted = nextMisdrafted; nextMisdrafted = t;
        t = commEmigrated; commEmigrated = nextEmigrated; nextEmigrated = t;
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

    /** Mean grievance of men at home or hiding at the end of today. */
    public double meanGrievance() {
        return lastMeanGrievance;
    }

    public String code() {
        return data.code();
    }
}
