package org.exitvoice.bench;

import ec.util.MersenneTwisterFast;
import org.exitvoice.model.Choice;
import org.exitvoice.model.Decisions;
import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.model.Levers;
import org.exitvoice.model.Legitimacy;
import org.exitvoice.model.ManRules;
import org.exitvoice.model.ManView;
import org.exitvoice.model.Outlook;
import org.exitvoice.model.PersonState;
import org.exitvoice.model.Region;
import org.exitvoice.model.Today;
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
 * For {@code exitvoice bench} only, never used by runs: the engine's men and the same rules ({@link ManRules}), written
 * the plain MASON way — one {@link Steppable} object per man, every man asked every day, stepped by a
 * {@link ParallelSequence} over all cores with one random stream per thread (one per agent would not fit 8 M agents),
 * and route costs worked out afresh for each man ({@link PlainRoutes}). What is measured is how the same rule set runs.
 * The region-level work between the parallel steps is simpler than the engine's (offices draw at random, no
 * misdrafts, no exit-list stops at the border, raids without the incidents' response), and is not most of the time.
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
        List<Region> engine = source.regions();
        regions = new Context[engine.size()];
        int total = 0;
        for (Region r : engine) {
            total += r.men();
        }
        // MASON 18's ParallelSequence skips the last element when the count is not a multiple of the threads: pad it
        int padded = (total + threads - 1) / threads * threads;
        men = new Man[total];
        Steppable[] steppables = new Steppable[padded];
        int k = 0;
        for (int r = 0; r < engine.size(); r++) {
            regions[r] = new Context(this, engine.get(r), s);
            Man[] mine = new Man[engine.get(r).men()];
            for (int i = 0; i < mine.length; i++) {
                Man m = new Man(regions[r], i / s.population().communitySize(), engine.get(r).man(i));
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
            long allowance = routes.get(q).placesPerDay();
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

    private static final boolean[] ELIGIBLE_THEN_OTHERS = {true, false};

    /** A region's day: what its communities see (the same formulas as the engine's), its outlook, its offices. */
    static final class Context {
        private final ObjectPerAgentBaseline world;
        private final Region engine;
        private final Scenario s;
        final int scale;
        Man[] men;
        final int[] summoned, misdrafted, gone;
        final double[] stayingEligible, stayingOthers, stayingPerRisk, legitimacy;
        Outlook outlook;
        final PlainRoutes routes;
        int day;
        final LongAdder protesters = new LongAdder();
        private final MersenneTwisterFast random;

        Context(ObjectPerAgentBaseline world, Region engine, Scenario s) {
            this.world = world;
            this.engine = engine;
            this.s = s;
            this.scale = s.scale();
            int size = s.population().communitySize();
            int communities = Math.max(1, (engine.men() + size - 1) / size);
            summoned = new int[communities];
            misdrafted = new int[communities];
            gone = new int[communities];
            stayingEligible = new double[communities];
            stayingOthers = new double[communities];
            stayingPerRisk = new double[communities];
            legitimacy = new double[communities];
            routes = new PlainRoutes(engine, s.emigration().dayCost(), s.emigration().nestScale());
            random = new MersenneTwisterFast(s.seed() * 31 + engine.index());
        }

        /** Every community's view from its counts (every community, every day: the plain way), then the offices. */
        void dawn(int day, Today today) {
            this.day = day;
            routes.today = today;
            Levers levers = world.source.levers();
            var perception = s.perception();
            var protest = s.protest();
            boolean running = today.draftRunning();
            outlook = Outlook.of(s, levers, running, today.exitListsInUse(), today.protestCalled(engine.index()), engine.data().population(),
                    engine.data().urbanShare(), 0,
                    (int) protesters.sum(), scale);
            protesters.reset();
            double start = Legitimacy.atStart(protest, engine.data());
            int size = s.population().communitySize();
            for (int c = 0; c < summoned.length; c++) {
                double n = Math.max(1, Math.min(size, men.length - c * size));
                stayingPerRisk[c] = Decisions.costOfStaying(1, s.emigration().fearOfWar(), s.emigration().networkWeight(), gone[c] / n);
                for (boolean eligible : ELIGIBLE_THEN_OTHERS) {
                    double risk = Decisions.perceivedRisk(false, eligible, today.draftRemaining(), perception.eligibleBase(),
                            perception.summonedHalfShare(), summoned[c] / n, perception.ineligibleWeight(),
                            levers.misclassification(), perception.misdraftWeight(), misdrafted[c] / n, today.uncertainty());
                    (eligible ? stayingEligible : stayingOthers)[c] = risk * stayingPerRisk[c];
                }
                legitimacy[c] = Legitimacy.inCommunity(start, protest, misdrafted[c], summoned[c], n);
            }
            if (running && men.length > 0) {
                int n = (int) Math.round(s.draft().summonsPerDay() * levers.intensity() * engine.quota());
                for (int k = 0; k < n; k++) {
                    Man m = men[random.nextInt(men.length)];
                    if (m.state == PersonState.AT_HOME && !m.summoned) {
                        m.summoned = true;
                    }
                }
            }
        }

        double staying(int c, boolean summoned, boolean eligible) {
            return summoned ? stayingPerRisk[c] : eligible ? stayingEligible[c] : stayingOthers[c];
        }

        /** The community counts tomorrow's men see (the plain way: a pass over every man). */
        void countCommunities() {
            java.util.Arrays.fill(summoned, 0);
            java.util.Arrays.fill(misdrafted, 0);
            java.util.Arrays.fill(gone, 0);
            for (Man m : men) {
                if (m.summoned) {
                    summoned[m.community]++;
                }
                if (m.misdrafted) {
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

    /** One man as an object: his attributes as fields, his day as step(), his choices by {@link ManRules}. */
    static final class Man implements Steppable {
        private static final long serialVersionUID = 1L;
        final Context context;
        final int community;
        final boolean eligible, intlPassport;
        final int savingsLevel;
        final double attachment, hardship;
        double riskAversion;
        boolean summoned, reporting, misdrafted;
        byte state = PersonState.AT_HOME;
        int timer = -1, route = -1;

        Man(Context context, int community, ManView v) {
            this.context = context;
            this.community = community;
            eligible = v.eligible();
            intlPassport = v.intlPassport();
            savingsLevel = v.savingsLevel();
            attachment = v.attachment();
            riskAversion = v.riskAversion();
            hardship = v.hardship();
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
            } else if (reporting) {
                if (timer <= day) {
                    state = PersonState.MOBILIZED;
                }
                return;
            }
            MersenneTwisterFast random = STREAM.get();
            double legitimacy = x.legitimacy[community];
            ManRules.Man me = new ManRules.Man(attachment, riskAversion, intlPassport, savingsLevel, summoned, eligible,
                    state == PersonState.HIDING);
            Choice choice = ManRules.decide(me, x.staying(community, summoned, eligible), legitimacy, x.outlook, x.routes, random);
            switch (choice.kind()) {
                case STAY -> { }
                case LEAVE -> {
                    route = choice.route();
                    timer = day + choice.travelDays();
                    state = PersonState.EN_ROUTE;
                    if (timer == day) { // near his route: at the border today
                        x.world.queues.get(route).add(this);
                    }
                }
                case HIDE -> state = PersonState.HIDING;
                case REPORT -> {
                    reporting = true;
                    timer = day + x.s.draft().reportDelayDays();
                }
                case CAUGHT_IN_RAID -> state = PersonState.MOBILIZED;
                case CAUGHT_AND_MISDRAFTED -> {
                    misdrafted = true;
                    state = PersonState.MOBILIZED;
                }
                case COME_OUT -> state = PersonState.AT_HOME;
            }
            if (state == PersonState.AT_HOME && !reporting) {
                ManRules.Protest protest = ManRules.protestDay(hardship, riskAversion, legitimacy, summoned, eligible,
                        x.outlook, random);
                if (protest != ManRules.Protest.STAYS_IN) {
                    x.protesters.increment();
                }
                if (protest == ManRules.Protest.PROTESTS) {
                    riskAversion = ManRules.riskAversionAfterProtest(riskAversion, x.s.protest().fatigue());
                }
                if (protest == ManRules.Protest.ARRESTED || protest == ManRules.Protest.ARRESTED_AND_SUMMONED) {
                    riskAversion = ManRules.riskAversionAfterArrest(riskAversion);
                    state = PersonState.DETAINED;
                    timer = day + Math.max(1, x.s.protest().jailDays());
                    summoned |= protest == ManRules.Protest.ARRESTED_AND_SUMMONED;
                }
            }
        }
    }
}
