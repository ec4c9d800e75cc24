package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.List;

/**
 * One federal subject and its men aged 18-59: issues summons against its quota, raids on hiding men, and each man's
 * daily choice to report, hide, protest or leave. Steps in parallel with the other regions; it touches only its own
 * people and its own random stream, and hands men arriving at a border to {@link BorderCrossings} through
 * {@link #arrivals}.
 */
public final class Region implements Steppable {
    private static final long serialVersionUID = 1L;

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

    /** Quota in agents (persons / scale). */
    double quota;
    /** Agents who reported and will be mobilized when their timer comes. */
    int reporting;

    private int protestersYesterday;

    // today's flows, in agents (incidents in events)
    int summons, reported, misdrafted, caught, protesters, arrests, incidents, departures, turnedBack;

    /** Persons the agent indices in {@link #arrivals} stand for: filled by this region, read by BorderCrossings. */
    final IntList arrivals = new IntList();

    // Community counts seen today (end of yesterday) and being counted for tomorrow.
    private int[] commSummoned, commMisdrafted, commEmigrated, commProtesting;
    private int[] nextSummoned, nextMisdrafted, nextEmigrated, nextProtesting;

    // Office lists: eligible and ineligible men in a random order, walked once.
    private final int[] eligibleOrder;
    private final int[] ineligibleOrder;
    private int eligibleNext, ineligibleNext;

    // Memory of recent days (ring buffers of length incidents.memoryDays).
    /** Attachment to home by stored quantile: log-normal with the scenario's median and sigma. */
    private final double[] attachmentOf;
    private final int[] incidentMemory;
    private final int[] crackdownMemory;
    private final int[] misdraftMemory;
    private double meanGrievanceAtStart = Double.NaN;

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
        commProtesting = new int[communities];
        nextSummoned = new int[communities];
        nextMisdrafted = new int[communities];
        nextEmigrated = new int[communities];
        nextProtesting = new int[communities];
        int memory = s.incidents().memoryDays();
        incidentMemory = new int[memory];
        crackdownMemory = new int[memory];
        misdraftMemory = new int[memory];

        attachmentOf = new double[256];
        var normal = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
        for (int q = 0; q < 256; q++) {
            attachmentOf[q] = s.emigration().attachment()
                    * Math.exp(s.emigration().attachmentSigma() * normal.inverseCumulativeProbability((q + 0.5) / 256));
        }
        int eligibleCount = populate();
        eligibleOrder = new int[eligibleCount];
        ineligibleOrder = new int[agents - eligibleCount];
        int e = 0, n = 0;
        for (int i = 0; i < agents; i++) {
            if (eligible(i)) {
                eligibleOrder[e++] = i;
            } else {
                ineligibleOrder[n++] = i;
            }
        }
        shuffle(eligibleOrder);
        shuffle(ineligibleOrder);
        stock[PersonState.AT_HOME] = agents;
    }

    /** Draws every man's attributes; returns how many meet the draft criteria. */
    private int populate() {
        var p = s.population();
        // International passports are commoner in towns: scale the national share by the urban share (2021: 74.8%).
        double passport = Math.min(1, p.intlPassportShare() * data.urbanShare() / 0.748);
        double medianSavings = p.savingsMedianRub() * data.incomeIndex();
        int eligibleCount = 0;
        for (int i = 0; i < people.size; i++) {
            people.age[i] = (byte) (18 + random.nextInt(42)); // uniform 18..59 (simplification, see ODD)
            double u = random.nextDouble();
            people.service[i] = u < p.formerConscriptShare() ? People.SERVICE_CONSCRIPT
                    : u < p.formerConscriptShare() + p.formerContractShare() ? People.SERVICE_CONTRACT
                    : People.SERVICE_NONE;
            if (random.nextDouble() < p.exemptShare()) {
                people.set(i, People.EXEMPT);
            }
            if (random.nextDouble() < passport) {
                people.set(i, People.INTL_PASSPORT);
            }
            people.savings[i] = (float) (medianSavings * Math.exp(p.savingsSigma() * random.nextGaussian()));
            people.riskAversion[i] = People.quantise(random.nextDouble());
            people.hardship[i] = People.quantise(random.nextDouble());
            // attachment is log-normal; stored as its quantile (0..255), read back through attachmentOf
            people.attachment[i] = (byte) random.nextInt(256);
            if (eligible(i)) {
                eligibleCount++;
            }
        }
        return eligibleCount;
    }

    boolean eligible(int i) {
        return criteria.eligible(people.age[i], people.service[i], people.has(i, People.EXEMPT));
    }

    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
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
        violentIncidents();
    }

    // ---- enforcement ---------------------------------------------------------------------------------------

    /** Offices serve summons up to their daily capacity until mobilized + reporting men reach the quota. */
    private void issueSummons(Today today) {
        if (!today.draftRunning) {
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
            int i = wrong ? nextFrom(ineligibleOrder, false) : nextFrom(eligibleOrder, true);
            if (i < 0 && wrong) {
                i = nextFrom(eligibleOrder, true); // no one left to summon by mistake: a correct summons instead
            }
            if (i < 0) {
                return; // no eligible man left at home: the quota stays unmet (never filled from outside the criteria)
            }
            summon(i, today.day);
        }
    }

    /** The next man on an office list who is at home and not yet summoned, or -1. */
    private int nextFrom(int[] order, boolean eligibleList) {
        int next = eligibleList ? eligibleNext : ineligibleNext;
        int found = -1;
        while (next < order.length) {
            int i = order[next++];
            if (people.state[i] == PersonState.AT_HOME && !people.has(i, People.SUMMONED)) {
                found = i;
                break;
            }
        }
        if (eligibleList) {
            eligibleNext = next;
        } else {
            ineligibleNext = next;
        }
        return found;
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

    private void decide(Today today) {
        Levers levers = model.levers();
        var perception = s.perception();
        var emigration = s.emigration();
        var protest = s.protest();
        int day = today.day;
        boolean running = today.draftRunning;
        int memoryDays = s.incidents().memoryDays();

        double legitimacyHere = regionalLegitimacy();
        double raid = running ? s.enforcement().raidProb() * levers.intensity()
                * (1 + s.enforcement().incidentResponse() * sum(incidentMemory)) : 0;
        raid = Math.min(1, raid);
        double monthlyCatch = 1 - Math.pow(1 - raid, 30);
        // Epstein's C and A for the region's streets: police on duty, and 1 + yesterday's protesters (persons).
        // Counted per region, not per community: at coarse scales one agent is hundreds of protesters, more than a
        // community's police, which would make P collapse to 0 at the first protester (a scale artefact).
        double police = levers.policePer1000() / 1000 * data.population() * protest.policeOnDuty();
        double arrestP = Grievance.arrestProbability(protest.k(), police, protestersYesterday * scale / protest.menShare());
        double grievanceSum = 0;
        int grievanceCount = 0;

        java.util.Arrays.fill(nextSummoned, 0);
        java.util.Arrays.fill(nextMisdrafted, 0);
        java.util.Arrays.fill(nextEmigrated, 0);
        java.util.Arrays.fill(nextProtesting, 0);

        for (int i = 0; i < people.size; i++) {
            int c = i / communitySize;
            byte st = people.state[i];
            if (st == PersonState.EN_ROUTE && people.timer[i] == day) {
                people.timer[i] = People.NEVER;
                arrivals.add(i);
            } else if (st == PersonState.DETAINED && people.timer[i] <= day) {
                people.timer[i] = People.NEVER;
                move(i, PersonState.AT_HOME);
                st = PersonState.AT_HOME;
            } else if (st == PersonState.AT_HOME && people.has(i, People.REPORTING) && people.timer[i] <= day) {
                people.clear(i, People.REPORTING);
                people.timer[i] = People.NEVER;
                reporting--;
                move(i, PersonState.MOBILIZED);
                st = PersonState.MOBILIZED;
            }
            people.clear(i, People.PROTESTING);

            if ((st == PersonState.AT_HOME && !people.has(i, People.REPORTING)) || st == PersonState.HIDING) {
                int size = communitySizeOf(c);
                boolean summoned = people.has(i, People.SUMMONED);
                boolean eligible = eligible(i);
                double risk = Decisions.perceivedRisk(summoned, eligible, running,
                        perception.eligibleBase(), perception.summonedShareWeight(), commSummoned[c] / (double) size,
                        perception.ineligibleWeight(), levers.misclassification(),
                        perception.misdraftWeight(), commMisdrafted[c] / (double) size);
                double staying = Decisions.costOfStaying(risk, emigration.fearOfWar(), emigration.networkWeight(),
                        commEmigrated[c] / (double) size);
                double legitimacy = Math.max(0, legitimacyHere - protest.misdraftLoss() * commMisdrafted[c] / (double) size);
                double r = People.unit(people.riskAversion[i]);
                double attachment = attachmentOf[people.attachment[i] & 0xFF];

                if (staying > attachment && tryToLeave(i, today, summoned, r, staying, attachment)) {
                    st = PersonState.EN_ROUTE;
                } else if (st == PersonState.AT_HOME && summoned) {
                    if (Decisions.hidesFromSummons(legitimacy, r, monthlyCatch, s.hiding().threshold())) {
                        move(i, PersonState.HIDING);
                    } else {
                        report(i, day);
                    }
                    st = people.state[i];
                } else if (st == PersonState.AT_HOME && Decisions.hidesFromFear(staying, attachment, s.hiding().fearThreshold())) {
                    move(i, PersonState.HIDING);
                    st = PersonState.HIDING;
                } else if (st == PersonState.HIDING) {
                    if (running && random.nextDouble() < raid && draftsCaughtMan(i, summoned, eligible, levers)) {
                        move(i, PersonState.MOBILIZED); // caught in a raid
                        caught++;
                        st = PersonState.MOBILIZED;
                    } else if (!running && !summoned) {
                        move(i, PersonState.AT_HOME); // the draft is over: unsummoned men come out
                        st = PersonState.AT_HOME;
                    }
                }

                double grievance = Grievance.grievance(People.unit(people.hardship[i]), legitimacy);
                grievanceSum += grievance;
                grievanceCount++;
                if (st == PersonState.AT_HOME && !people.has(i, People.REPORTING)) {
                    protest(i, day, running, grievance, r, arrestP);
                }
            }

            st = people.state[i];
            if (people.has(i, People.SUMMONED)) {
                nextSummoned[c]++;
            }
            // misdrafts are news for memoryDays, then outrage fades
            if (people.has(i, People.MISDRAFTED) && day - people.summonDay[i] < memoryDays) {
                nextMisdrafted[c]++;
            }
            if (st == PersonState.EMIGRATED || st == PersonState.EN_ROUTE) {
                nextEmigrated[c]++;
            }
            if (people.has(i, People.PROTESTING)) {
                nextProtesting[c]++;
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

    private double lastMeanGrievance;

    private int communitySizeOf(int c) {
        return Math.min(communitySize, people.size - c * communitySize);
    }

    /**
     * Leave if staying costs more than the cheapest usable route plus the exit-list risk and attachment; then set
     * off (with daily probability actProb: it takes time to organise) with the family that travels along.
     */
    private boolean tryToLeave(int i, Today today, boolean summoned, double r, double staying, double attachment) {
        var e = s.emigration();
        Levers levers = model.levers();
        boolean willBeListed = summoned && model.exitListsInUse(today.day);
        double risk = Decisions.exitListRisk(willBeListed, levers.exitListCoverage(), s.enforcement().penalty(),
                levers.intensity(), r);
        if (!Decisions.prefersToLeave(staying, attachment + risk)) {
            return false;
        }
        routeChoice.choose(people.has(i, People.INTL_PASSPORT), people.savings[i], today.price, today.waitDays,
                today.usable, e.dayCost(), e.choiceNoise(), random);
        if (routeChoice.chosenRoute < 0
                || !Decisions.prefersToLeave(staying, routeChoice.chosenCost + attachment + risk)
                || random.nextDouble() >= e.actProb()) {
            return false;
        }
        int j = routeChoice.chosenRoute;
        people.route[i] = (byte) routeChoice.routes[j];
        people.timer[i] = (short) (today.day + routeChoice.travelDays[j]);
        people.party[i] = scale + Draws.poisson(random, e.familyPerEmigrant() * scale);
        move(i, PersonState.EN_ROUTE);
        departures++;
        return true;
    }

    /**
     * A man caught in a raid is drafted if he was summoned or meets the criteria; one outside them is drafted anyway
     * with the misclassification probability (and counted as misdrafted), else let go.
     */
    private boolean draftsCaughtMan(int i, boolean summoned, boolean eligible, Levers levers) {
        if (summoned || eligible) {
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

    /** Epstein's rule; an active protester may be arrested (and summoned in custody). */
    private void protest(int i, int day, boolean running, double grievance, double r, double arrestP) {
        var p = s.protest();
        if (!Grievance.active(grievance, r, arrestP, p.threshold())) {
            return;
        }
        people.set(i, People.PROTESTING);
        protesters++;
        if (random.nextDouble() < p.arrestProb() * arrestP) {
            arrests++;
            people.clear(i, People.PROTESTING);
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
    private void violentIncidents() {
        var inc = s.incidents();
        double menMillions = people.size * (double) scale / 1e6;
        double misdraftShare = people.size == 0 ? 0 : sum(misdraftMemory) / (double) people.size;
        double grievanceRise = Math.max(0, lastMeanGrievance - meanGrievanceAtStart);
        double rate = inc.baseRate() * menMillions * (1 + inc.grievanceWeight() * grievanceRise)
                * (1 + inc.misdraftWeight() * misdraftShare);
        incidents = Draws.poisson(random, rate);
        incidentMemory[model.today().day % incidentMemory.length] += incidents;
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
        people.party[i] = 0;
        people.timer[i] = People.NEVER;
        move(i, people.has(i, People.SUMMONED) ? PersonState.HIDING : PersonState.AT_HOME);
        turnedBack++;
    }

    private void swapCommunityCounts() {
        int[] t;
        t = commSummoned; commSummoned = nextSummoned; nextSummoned = t;
        t = commMisdrafted; commMisdrafted = nextMisdrafted; nextMisdrafted = t;
        t = commEmigrated; commEmigrated = nextEmigrated; nextEmigrated = t;
        t = commProtesting; commProtesting = nextProtesting; nextProtesting = t;
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
