package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import sim.engine.ParallelSequence;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * For {@code exitvoice bench} only, never used by runs: the same people and the same daily rules as the engine, written
 * the plain MASON way, one {@link Steppable} object per person stepped by a {@link ParallelSequence} over all cores,
 * with one random stream per thread (one per agent would not fit 8 M agents in memory).
 * Region-level work (summons, community counts, borders) runs serially between the parallel person steps, and is
 * simpler than the engine's (offices draw at random, no misdrafts, no exit-list stops at the border). The per-man
 * rules, which are what is measured, are the engine's (leave, with passports and exit-list risk; report or hide;
 * raids; protest), but for one shortcut: a man caught in a raid is drafted whatever the criteria say.
 * It is a baseline to measure the engine against, so it repeats the engine's per-man rules on objects on purpose.
 */
public final class ObjectPerAgentBaseline extends SimState {
    private static final long serialVersionUID = 1L;

    private final ExitVoiceModel source;
    private final int threads;
    private Man[] men;
    private Context[] regions;
    private List<ConcurrentLinkedQueue<Man>> queues;
    private ParallelSequence everyone;
    private int day;

    /**
     * A baseline over the population of {@code source} (started, never stepped: the baseline uses its dawn for each
     * day's events, prices and queues), stepping on {@code threads} threads.
     */
    public ObjectPerAgentBaseline(ExitVoiceModel source, int threads) {
        super(source.scenario().seed());
        this.source = source;
        this.threads = Math.max(1, threads);
    }

    /** Copies every man of the engine's population into an object of his own. */
    @Override
    public void start() {
        super.start();
        Scenario s = source.scenario();
        Region[] engine = source.regions();
        regions = new Context[engine.length];
        int total = 0;
        for (Region r : engine) {
            total += r.people.size;
        }
        // MASON 18's ParallelSequence skips the last element when the count is not a multiple of the threads: pad it
        int padded = (total + threads - 1) / threads * threads;
        men = new Man[total];
        Steppable[] steppables = new Steppable[padded];
        int k = 0;
        for (int r = 0; r < engine.length; r++) {
            Region region = engine[r];
            regions[r] = new Context(this, region, s);
            People p = region.people;
            Man[] mine = new Man[p.size];
            for (int i = 0; i < p.size; i++) {
                Man m = new Man(regions[r], i / s.population().communitySize(), p.age[i], p.flags[i],
                        region.savingsOf(p.savings[i]), region.attachmentOf(p.attachment[i]),
                        People.unit(p.riskAversion[i]), People.unit(p.hardship[i]));
                mine[i] = m;
                men[k] = m;
                steppables[k++] = m;
            }
            regions[r].men = mine;
        }
        for (; k < padded; k++) {
            steppables[k] = st -> { };
        }
        queues = new ArrayList<>();
        for (int q = 0; q < source.routeData().size(); q++) {
            queues.add(new ConcurrentLinkedQueue<>());
        }
        everyone = new ParallelSequence(steppables, threads);
        day = 0;
    }

    /** One day: dawn per region (serial), every man (parallel), borders (serial). */
    public void stepDay() {
        source.dawnOf(day);
        Today today = source.today();
        for (Context c : regions) {
            c.dawn(day, today);
        }
        everyone.step(this);
        for (Context c : regions) {
            c.countCommunities();
        }
        crossBorders();
        day++;
    }

    private void crossBorders() {
        List<RouteData> routes = source.routeData();
        for (int q = 0; q < routes.size(); q++) {
            long allowance = routes.get(q).capacityPerDay();
            ConcurrentLinkedQueue<Man> queue = queues.get(q);
            while (allowance > 0) {
                Man m = queue.poll();
                if (m == null) {
                    break;
                }
                allowance -= m.context.scale;
                m.state = PersonState.EMIGRATED;
            }
        }
    }

    @Override
    public void finish() {
        super.finish();
        if (everyone != null) {
            everyone.cleanup();
        }
    }

    /** Persons stepped per day. */
    public int men() {
        return men.length;
    }

    /** A region's per-day context: what its communities see, its legitimacy, police and raids. */
    static final class Context {
        private final ObjectPerAgentBaseline world;
        private final Region engine;
        private final Scenario s;
        final int scale;
        Man[] men;
        final int[] summoned, misdrafted, gone;
        final double[] riskEligible, riskIneligible, stayingPerRisk, legitimacy;
        double raid, monthlyCatch, arrestP;
        boolean running;
        int day;
        Today today;
        final LongAdder protesters = new LongAdder(), arrests = new LongAdder(), departures = new LongAdder();
        private final MersenneTwisterFast random;

        Context(ObjectPerAgentBaseline world, Region engine, Scenario s) {
            this.world = world;
            this.engine = engine;
            this.s = s;
            this.scale = s.scale();
            int communities = Math.max(1, (engine.people.size + s.population().communitySize() - 1) / s.population().communitySize());
            summoned = new int[communities];
            misdrafted = new int[communities];
            gone = new int[communities];
            riskEligible = new double[communities];
            riskIneligible = new double[communities];
            stayingPerRisk = new double[communities];
            legitimacy = new double[communities];
            random = new MersenneTwisterFast(Draws.streamSeed(s.seed(), engine.index));
        }

        /** The same per-community evaluation of the rules as the engine, then the offices' summons. */
        void dawn(int day, Today today) {
            this.day = day;
            this.today = today;
            Levers levers = world.source.levers();
            var perception = s.perception();
            running = today.draftRunning;
            raid = running ? Math.min(1, s.enforcement().raidProb() * levers.intensity()) : 0;
            monthlyCatch = 1 - Math.pow(1 - raid, 30);
            double police = levers.policePer1000() / 1000 * engine.data.population() * s.protest().policeOnDuty();
            arrestP = Grievance.arrestProbability(s.protest().k(), police, protesters.sum() * scale / s.protest().menShare());
            protesters.reset();
            double start = s.protest().legitimacy() - s.protest().minorityGap() * engine.data.minorityShare();
            int size = s.population().communitySize();
            for (int c = 0; c < summoned.length; c++) {
                double n = Math.max(1, Math.min(size, men.length - c * size));
                riskEligible[c] = Decisions.perceivedRisk(false, true, running, perception.eligibleBase(),
                        perception.summonedShareWeight(), summoned[c] / n, perception.ineligibleWeight(),
                        levers.misclassification(), perception.misdraftWeight(), misdrafted[c] / n);
                riskIneligible[c] = Decisions.perceivedRisk(false, false, running, perception.eligibleBase(),
                        perception.summonedShareWeight(), summoned[c] / n, perception.ineligibleWeight(),
                        levers.misclassification(), perception.misdraftWeight(), misdrafted[c] / n);
                stayingPerRisk[c] = Decisions.costOfStaying(1, s.emigration().fearOfWar(), s.emigration().networkWeight(), gone[c] / n);
                legitimacy[c] = Math.max(0, start - s.protest().misdraftLoss() * misdrafted[c] / n);
            }
            if (running && men.length > 0) {
                int n = Draws.stochasticRound(random, s.draft().summonsPerDay() * levers.intensity() * engine.quota);
                for (int k = 0; k < n; k++) {
                    Man m = men[random.nextInt(men.length)];
                    if (m.state == PersonState.AT_HOME && (m.flags & People.SUMMONED) == 0) {
                        m.flags |= People.SUMMONED;
                        m.summonDay = (short) day;
                    }
                }
            }
        }

        /** The community counts tomorrow's men see (the plain way: a pass over every man). */
        void countCommunities() {
            java.util.Arrays.fill(summoned, 0);
            java.util.Arrays.fill(misdrafted, 0);
            java.util.Arrays.fill(gone, 0);
            for (Man m : men) {
                if ((m.flags & People.SUMMONED) != 0) {
                    summoned[m.community]++;
                }
                if ((m.flags & People.MISDRAFTED) != 0) {
                    misdrafted[m.community]++;
                }
                if (m.state == PersonState.EMIGRATED || m.state == PersonState.EN_ROUTE) {
                    gone[m.community]++;
                }
            }
        }
    }

    /** One random stream per thread of the ParallelSequence. */
    private static final ThreadLocal<MersenneTwisterFast> STREAM =
            ThreadLocal.withInitial(() -> new MersenneTwisterFast(Thread.currentThread().getId()));

    /** One man as an object: his attributes as fields, his day as step(). */
    static final class Man implements Steppable {
        private static final long serialVersionUID = 1L;
        final Context context;
        final int community;
        final byte age;
        byte flags;
        byte state = PersonState.AT_HOME;
        final double savings, attachment, riskAversion, hardship;
        short summonDay = -1, timer = -1;
        int route = -1;

        Man(Context context, int community, byte age, byte flags, double savings, double attachment, double riskAversion,
            double hardship) {
            this.context = context;
            this.community = community;
            this.age = age;
            this.flags = flags;
            this.savings = savings;
            this.attachment = attachment;
            this.riskAversion = riskAversion;
            this.hardship = hardship;
        }

        @Override
        public void step(SimState st) {
            Context x = context;
            int day = x.day;
            if (state == PersonState.EMIGRATED || state == PersonState.MOBILIZED) {
                return;
            }
            if (state == PersonState.EN_ROUTE) {
                if (timer == day) {
                    x.world.queues.get(route).add(this);
                }
                return;
            }
            if (state == PersonState.DETAINED) {
                if (timer > day) {
                    return;
                }
                state = PersonState.AT_HOME;
            } else if ((flags & People.REPORTING) != 0) {
                if (timer <= day) {
                    state = PersonState.MOBILIZED;
                }
                return;
            }
            MersenneTwisterFast random = STREAM.get();
            boolean summoned = (flags & People.SUMMONED) != 0;
            double risk = summoned ? 1 : (flags & People.ELIGIBLE) != 0 ? x.riskEligible[community] : x.riskIneligible[community];
            double staying = risk * x.stayingPerRisk[community];
            if (staying > attachment && leaves(x, random, staying)) {
                return;
            }
            double legitimacy = x.legitimacy[community];
            if (state == PersonState.AT_HOME && summoned) {
                if (Decisions.hidesFromSummons(legitimacy, riskAversion, x.monthlyCatch, x.s.hiding().threshold())) {
                    state = PersonState.HIDING;
                } else {
                    flags |= People.REPORTING;
                    timer = (short) (day + x.s.draft().reportDelayDays());
                }
            } else if (state == PersonState.AT_HOME) {
                if (Decisions.hidesFromFear(staying, attachment, x.s.hiding().fearThreshold())) {
                    state = PersonState.HIDING;
                }
            } else if (x.running && random.nextDouble() < x.raid) {
                state = PersonState.MOBILIZED;
            } else if (!x.running && !summoned) {
                state = PersonState.AT_HOME;
            }
            double grievance = Grievance.grievance(hardship, legitimacy);
            if (state == PersonState.AT_HOME && (flags & People.REPORTING) == 0
                    && Grievance.active(grievance, riskAversion, x.arrestP, x.s.protest().threshold())) {
                x.protesters.increment();
                if (random.nextDouble() < x.s.protest().arrestProb() * x.arrestP) {
                    x.arrests.increment();
                    state = PersonState.DETAINED;
                    timer = (short) (day + x.s.protest().jailDays());
                }
            }
        }

        private boolean leaves(Context x, MersenneTwisterFast random, double staying) {
            var e = x.s.emigration();
            Today today = x.today;
            Levers levers = x.world.source.levers();
            RouteChoice routes = x.engine.routeChoice;
            int[] reach = routes.routes;
            int[] days = routes.travelDays;
            boolean passport = (flags & People.INTL_PASSPORT) != 0;
            double risk = Decisions.exitListRisk((flags & People.SUMMONED) != 0 && today.exitListsInUse,
                    levers.exitListCoverage(), x.s.enforcement().penalty(), levers.intensity(), riskAversion);
            double best = Double.POSITIVE_INFINITY, bestCost = 0;
            int chosen = -1;
            for (int j = 0; j < reach.length; j++) {
                int k = reach[j];
                if (!today.usable[k] || (!passport && !routes.acceptsInternalPassport(j))) {
                    continue;
                }
                double cost = today.price[k] / savings + e.dayCost() * (days[j] + today.waitDays[k]);
                double perceived = cost + e.choiceNoise() * Math.log(-Math.log(random.nextDouble(false, false)));
                if (perceived < best) {
                    best = perceived;
                    bestCost = cost;
                    chosen = j;
                }
            }
            if (chosen < 0 || staying <= bestCost + attachment + risk || random.nextDouble() >= e.actProb()) {
                return false;
            }
            route = reach[chosen];
            timer = (short) (x.day + days[chosen]);
            state = PersonState.EN_ROUTE;
            x.departures.increment();
            return true;
        }
    }
}
