package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.exitvoice.model.engine.Agenda;
import org.exitvoice.model.engine.DayMemo;
import org.exitvoice.model.engine.DayTable;
import org.exitvoice.model.engine.AttachmentOrder;
import org.exitvoice.model.engine.HardshipOrder;
import org.exitvoice.model.engine.IntList;
import org.exitvoice.model.engine.People;
import org.exitvoice.model.engine.RouteCosts;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One federal subject and its men aged 18-59. Its {@link #step} is a day as docs/ODD.md §7 lists it: the enlistment
 * offices serve summons, and each man whom a rule can move today has his day by {@link ManRules}. Regions step in
 * parallel: each touches only its own men and its own random stream, and hands men arriving at a border to
 * {@link BorderCrossings} through {@link #arrivals}.
 *
 * <p>Most men on most days do nothing new, so a day visits only the men a rule can reach: men whose timer falls today,
 * men just summoned, men in hiding, and men at home whom the reach bounds of {@link ManRules} do not rule out — found
 * through each community's men sorted by attachment ({@link AttachmentOrder}) and by hardship ({@link HardshipOrder}),
 * so that a community none of whose men a rule can reach is passed over unread. {@link #askEveryone} turns the skipping off, for the test that it changes nothing.
 */
public final class Region implements Steppable {
    private static final long serialVersionUID = 1L;

    final int index;
    final RegionData data;
    private final People people;
    private final MersenneTwisterFast random;
    private final ExitVoiceModel model;
    private final Scenario scenario;
    private final int scale;

    /** Men per state, in agents; kept current by {@link #move}. */
    private final int[] stock = new int[PersonState.COUNT];
    /** Men abroad who oppose the war (a part of stock[EMIGRATED]): who left, by motive. */
    private int emigratedOpposed;
    private final DayFlows flows = new DayFlows();
    private int protestersYesterday;

    /** Men reaching a border today, and the persons in each one's party (the agent's men and their family). */
    final IntList arrivals = new IntList(), parties = new IntList();
    /** Men setting off today by route: tickets bought today, which is what air fares answer to. */
    final int[] bookedToday;

    private final double[] savingsByLevel, attachmentByLevel;
    /** The least attachment of any level: a man less attached than a reach this low or lower does not exist. */
    private final double leastAttachment;
    private final CommunityView view;
    private final RegionMemory memory;
    private final EnlistmentOffices offices;
    private final Agenda agenda;
    private final AttachmentOrder byAttachment;
    private final HardshipOrder byHardship;
    private final RouteCosts routes;
    /** Per route: it lies in this region (its men may still use it when it is open to residents only). */
    private final boolean[] ownRoute;
    /** Per route: usable today by this region's men (today's usable routes less those open to residents only). */
    private final boolean[] usableHere;

    /** For tests: ask every man every day, ignoring the reach bounds (the reference the bounds must reproduce). */
    boolean askEveryone;

    // today, fixed at dawn
    private int day;
    private Outlook outlook;
    private final IntConsumer manHasHisDay = this::manHasHisDay;
    private final StreetAsker streetAsker = new StreetAsker();
    /** The reach of the leaving and fear-hiding rules at a bound on the cost of staying, by its key, today. */
    private final DayTable homeReachAtMost;
    /** Who Epstein's rule can reach at a legitimacy, under today's P and T (communities share a few legitimacies). */
    /** Epstein's P and T by day, for communities found quiet on an earlier day. */
    private double[] arrestPOn = new double[64], thresholdOn = new double[64];
    private final DayMemo<ManRules.ProtestReach> reachOf = new DayMemo<>(
            legitimacy -> ManRules.protestReach(legitimacy, outlook.arrestP(), outlook.protestThreshold(), HardshipOrder.BOLD));

    Region(ExitVoiceModel model, int index, RegionData data, List<RouteData> routeTable, Scenario scenario, long seed) {
        this.model = model;
        this.index = index;
        this.data = data;
        this.scenario = scenario;
        this.scale = scenario.scale();
        this.random = new MersenneTwisterFast(Draws.streamSeed(seed, index));
        this.routes = new RouteCosts(RouteCost.reachableFrom(data, routeTable, scenario.emigration()),
                scenario.emigration().nestScale());
        this.bookedToday = new int[routeTable.size()];
        this.ownRoute = new boolean[routeTable.size()];
        for (int k = 0; k < ownRoute.length; k++) {
            ownRoute[k] = routeTable.get(k).region().equals(data.code());
        }
        this.usableHere = new boolean[routeTable.size()];
        int men = (int) Math.round(data.population() * data.men1859Share() / scale);
        this.people = new People(men);
        this.savingsByLevel = PopulationDraw.savingsByLevel(scenario.population(), data);
        this.attachmentByLevel = PopulationDraw.attachmentByLevel(scenario.emigration());
        this.leastAttachment = Arrays.stream(attachmentByLevel).min().orElse(0);
        int eligibleMen = PopulationDraw.draw(people, data, scenario.population(), scenario.emigration(),
                new DraftCriteria(scenario.draft()), random);
        stock[PersonState.AT_HOME] = men;
        view = new CommunityView(scenario, men);
        homeReachAtMost = new DayTable(view.stayingKeys(), this::homeReachAtMost);
        memory = new RegionMemory(scenario.incidents().memoryDays());
        offices = new EnlistmentOffices(this, people, random, scenario.draft(), eligibleMen);
        int horizon = Math.max(scenario.emigration().maxTravelDays(),
                Math.max(scenario.protest().jailDays(), scenario.draft().reportDelayDays())) + 2;
        agenda = new Agenda(people, horizon);
        byAttachment = new AttachmentOrder(people, view.communitySize(), view.communities(), attachmentByLevel);
        byHardship = new HardshipOrder(people, view.communitySize(), view.communities());
    }

    /** A day, in the order of docs/ODD.md §7. */
    @Override
    public void step(SimState state) {
        Today today = model.today();
        day = today.day;
        startDay();
        outlook = seeToday(today);
        agenda.forEachDue(day, this::timerFalls);  // arrivals at borders, releases, mobilization after reporting
        offices.serveSummons(day, outlook.draftRunning(), outlook.intensity(), outlook.misclassification());
        summonedMenDecide(agenda.summonedYesterdayAfterTheirDay());
        summonedMenDecide(agenda.summonedToday());
        agenda.forEachHidingSinceDawn(manHasHisDay, view::readAhead); // leave, be caught in a raid, or come out
        menAtHomeWhoMayActDecide();                  // leave or hide out of fear
        protestersOfToday();                         // Epstein's rule
        flows.incidents = memory.endOfDay(day, flows.arrests + flows.caught, flows.misdrafted, scenario.incidents(),
                people.size, people.size * (double) scale / 1e6, today.announcementFresh, random);
        agenda.dusk();
    }

    /** Yesterday's protesters are remembered (police weigh them today); today's flows start at zero; old news fades. */
    private void startDay() {
        protestersYesterday = flows.protesters;
        flows.clear();
        arrivals.clear();
        parties.clear();
        Arrays.fill(bookedToday, 0);
        memory.forgetOldestDay(day);
        view.forgetOldMisdrafts(day);
        agenda.dawn();
    }

    /**
     * What every man of the region knows today: the region's L and each community's fear, from what they saw by the
     * end of yesterday; today's route costs over the routes its men may use; and the day's {@link Outlook} (raids,
     * arrest probability, levers).
     */
    private Outlook seeToday(Today today) {
        Levers levers = model.levers();
        view.seeToday(today.draftRemaining, levers.misclassification(), today.uncertainty, regionalLegitimacy());
        memory.sawGrievance(view.meanGrievance());
        for (int k = 0; k < usableHere.length; k++) {
            usableHere[k] = today.usable[k] && (ownRoute[k] || !today.residentsOnly[k]);
        }
        routes.prepareDay(today.price, today.waitDays, usableHere, scenario.emigration().dayCost(), savingsByLevel);
        return Outlook.of(scenario, levers, today.draftRunning, today.exitListsInUse, today.protestCalled(index),
                data.population(), data.urbanShare(), memory.recentIncidents(), protestersYesterday, scale);
    }

    /** L of the region today (before the misdrafts its communities saw), from its memory. */
    double regionalLegitimacy() {
        return memory.legitimacy(scenario.protest(), scenario.incidents(), data, people.size);
    }

    /** Man i's timer fell today: he reaches his border, is released (and has his day), or is mobilized after reporting. */
    private void timerFalls(int i) {
        byte st = people.state[i];
        if (st == PersonState.EN_ROUTE) {
            reachesBorder(i);
        } else if (st == PersonState.DETAINED) {
            move(i, PersonState.AT_HOME);
            manHasHisDay(i);
        } else if (st == PersonState.AT_HOME && people.has(i, People.REPORTING)) {
            offices.mobilize(i);
        }
    }

    /** Each summoned man still at home and not reporting has his day; one who already had it today, tomorrow. */
    private void summonedMenDecide(IntList men) {
        for (int k = 0; k < men.size(); k++) {
            int i = men.get(k);
            if (people.state[i] == PersonState.AT_HOME && !people.has(i, People.REPORTING)) {
                if (agenda.hadHisDay(i)) {
                    agenda.decidesTomorrow(i);
                } else {
                    manHasHisDay(i);
                }
            }
        }
    }

    /**
     * Men at home, not summoned, whom the leaving or fear-hiding rule can reach today: in each list, those less attached
     * than {@link ManRules#homeReach}; none in a list whose only men within reach (one or two, known) {@link ManRules#staysHome}.
     */
    private void menAtHomeWhoMayActDecide() {
        double cheapest = routes.cheapestOfAll();
        double fearThreshold = outlook.fearThreshold();
        homeReachAtMost.newDay();
        // when even the region's most feared community could reach no man (after the draft), only the last is read
        boolean noneWithin = !askEveryone && Math.max(homeReachAtMost(view.mostStaying(true)),
                homeReachAtMost(view.mostStaying(false))) <= leastAttachment;
        // first, in one short pass, the lists a bound shared by communities of the same counts does not rule out (a
        // man's day changes no list's bound but his own, so they can all be found before anyone has his day)
        listsToRead.clear();
        for (int c = noneWithin ? view.fullSizedCommunities() : 0; c < view.communities(); c++) {
            for (boolean eligible : ELIGIBLE_THEN_OTHERS) {
                int list = byAttachment.list(c, eligible);
                int key = askEveryone ? -1 : view.stayingKey(c, eligible);
                if (key < 0 || byAttachment.anyoneWithin(list, homeReachAtMost.get(key))) {
                    listsToRead.set(list);
                }
            }
        }
        for (int list = listsToRead.nextSetBit(0); list >= 0; list = listsToRead.nextSetBit(list + 1)) {
            int c = byAttachment.communityOf(list);
            boolean eligible = byAttachment.isEligibleList(list);
            double staying = view.staying(c, false, eligible);
            // NaN-free: cheapest is +inf when no route is usable
            double reach = askEveryone ? Double.POSITIVE_INFINITY : ManRules.homeReach(staying, cheapest, fearThreshold,
                    outlook.hurdle(1));
            if (askEveryone || byAttachment.anyoneWithin(list, reach) && !knownMenWithinStayHome(list, reach, staying)) {
                byAttachment.visitWithin(list, reach, askEveryone, manHasHisDay);
            }
        }
    }

    /** The lists to read today, in order (community, then the eligible before the others). */
    private final BitSet listsToRead = new BitSet();

    private static final boolean[] ELIGIBLE_THEN_OTHERS = {true, false};

    /**
     * {@link ManRules#homeReach} today at {@link CommunityView#stayingAtMost} of a key: no less than at the cost of
     * staying of any community of that key, as the reach grows with it (infinite where it is not a number: no bound).
     */
    private double homeReachAtMost(int key) {
        return homeReachAtMost(view.stayingAtMost(key));
    }

    private double homeReachAtMost(double staying) {
        double reach = ManRules.homeReach(staying, routes.cheapestOfAll(), outlook.fearThreshold(), outlook.hurdle(1));
        return Double.isNaN(reach) ? Double.POSITIVE_INFINITY : reach;
    }

    /** The list's men within reach are known (one or two), and each of them would stay home today. */
    private boolean knownMenWithinStayHome(int list, double reach, double staying) {
        int known = byAttachment.knownWithin(list, reach);
        for (int r = 0; r < known; r++) {
            double attachment = byAttachment.knownAttachment(list, r);
            if (!ManRules.staysHome(staying, attachment, outlook.hurdle(attachment),
                    routes.cheapest(byAttachment.knownHasPassport(list, r), byAttachment.knownSavings(list, r)),
                    outlook.fearThreshold())) {
                return false;
            }
        }
        return known > 0;
    }

    /** Man i (at home and not reporting, or hiding) has his day, once: {@link ManRules#decide}, applied. */
    private void manHasHisDay(int i) {
        if (!agenda.firstTimeToday(i)) {
            return;
        }
        int c = view.communityOf(i);
        ManRules.Man man = describe(i);
        Choice choice = ManRules.decide(man, view.staying(c, man.summoned(), man.eligible()), view.legitimacy(c),
                outlook, routes, random);
        switch (choice.kind()) {
            case STAY -> { }
            case LEAVE -> setOff(i, choice);
            case HIDE -> move(i, PersonState.HIDING);
            case REPORT -> offices.report(i, day);
            case CAUGHT_IN_RAID -> caught(i);
            case CAUGHT_AND_MISDRAFTED -> {
                offices.misdraft(i, day);
                caught(i);
            }
            case COME_OUT -> move(i, PersonState.AT_HOME);
        }
    }

    /** What man i knows of himself. */
    private ManRules.Man describe(int i) {
        return new ManRules.Man(attachmentByLevel[Levels.of(people.attachment[i])], Levels.unit(people.riskAversion[i]),
                people.has(i, People.INTL_PASSPORT), Levels.of(people.savings[i]), people.has(i, People.SUMMONED),
                people.has(i, People.ELIGIBLE), people.state[i] == PersonState.HIDING);
    }

    /** Man i sets off: at his route today if it is near (he joins today's queue), else on the day he gets there. */
    private void setOff(int i, Choice leave) {
        people.route[i] = (byte) leave.route();
        bookedToday[leave.route()]++;
        move(i, PersonState.EN_ROUTE);
        flows.departures++;
        if (leave.travelDays() == 0) {
            reachesBorder(i);
        } else {
            agenda.schedule(i, day + leave.travelDays());
        }
    }

    /** Man i reaches his border today, with his party (the agent's men and their family). */
    private void reachesBorder(int i) {
        arrivals.add(i);
        parties.add(scale + Draws.poisson(random, scenario.emigration().familyPerEmigrant() * scale));
    }

    /** Caught in a raid or at a mobilization point: mobilized. */
    private void caught(int i) {
        move(i, PersonState.MOBILIZED);
        flows.caught++;
    }

    /**
     * Epstein's rule for the men at home (not reporting) of each community, the most aggrieved first, down to the
     * hardship at which G can exceed T; only the bold are asked when {@link ManRules#protestReach} says no one else
     * can be active, and not at all in a community whose most aggrieved bold man is below its reach, nor in one found
     * quiet on a day no less favourable to protest with nobody come home since ({@link ManRules#stillNobodyActive}).
     */
    private void protestersOfToday() {
        double plain = view.plainLegitimacy();
        reachOf.newDay(); // today's P and T
        rememberProtestOdds();
        plainReach = reachOf.get(plain);
        IntList changed = view.changedAtDawn();
        for (int k = 0; k < changed.size(); k++) { // their L may have fallen
            byHardship.wake(changed.get(k));
        }
        // on a day when neither the region's L nor P nor T fell, a community whose counts did not change and that was
        // quiet yesterday is quiet today (ManRules.stillNobodyActive): only the others are looked at
        double regional = view.regionLegitimacy();
        boolean noneFell = !askEveryone && day > 0 && regional >= view.regionLegitimacyYesterday()
                && outlook.arrestP() >= arrestPOn[day - 1] && outlook.protestThreshold() >= thresholdOn[day - 1];
        if (noneFell) {
            for (int c = byHardship.nextAwake(0); c >= 0; c = byHardship.nextAwake(c + 1)) {
                protestIn(c, plain);
            }
        } else {
            for (int c = 0; c < view.communities(); c++) {
                protestIn(c, plain);
            }
        }
    }

    /** Today's reach of Epstein's rule where the draft has not touched a community. */
    private ManRules.ProtestReach plainReach;

    /** Epstein's rule in community c, or nothing where none of its men can be active. */
    private void protestIn(int c, double plain) {
        double legitimacy = plain;
        ManRules.ProtestReach reach = plainReach;
        if (view.sawTheDraft(c)) { // communities the draft has not touched share the region's L
            legitimacy = view.legitimacy(c);
            reach = reachOf.get(legitimacy);
        }
        streetAsker.legitimacy = legitimacy;
        if (askEveryone) {
            byHardship.askAll(c, Double.NEGATIVE_INFINITY, true, streetAsker);
            return;
        }
        boolean anyone = reach.who() == ManRules.ProtestReach.Who.ANYONE;
        if (!anyone && !(reach.who() == ManRules.ProtestReach.Who.THE_BOLD
                && byHardship.mostAggrieved(c) >= reach.lowestHardshipLevel())) {
            byHardship.quiet(c, day, legitimacy); // nobody can be active
            return;
        }
        if (stillQuiet(c, legitimacy)) {
            return;
        }
        double floor = ManRules.protestHardshipFloor(legitimacy, outlook.protestThreshold());
        int before = flows.protesters;
        if (anyone) {
            byHardship.askAll(c, floor, false, streetAsker);
        } else {
            byHardship.askTheBold(c, floor, false, streetAsker);
        }
        if (flows.protesters == before) {
            byHardship.quiet(c, day, legitimacy);
        } else {
            byHardship.wake(c);
        }
    }

    /** Today's P and T, kept by day for {@link #stillQuiet}. */
    private void rememberProtestOdds() {
        if (day >= arrestPOn.length) {
            arrestPOn = Arrays.copyOf(arrestPOn, 2 * day);
            thresholdOn = Arrays.copyOf(thresholdOn, 2 * day);
        }
        arrestPOn[day] = outlook.arrestP();
        thresholdOn[day] = outlook.protestThreshold();
    }

    /** Community c was found quiet on a day whose L, P and T were no less favourable to protest than today's. */
    private boolean stillQuiet(int c, double legitimacy) {
        int then = byHardship.quietOn(c);
        return then >= 0 && ManRules.stillNobodyActive(legitimacy, outlook.arrestP(), outlook.protestThreshold(),
                byHardship.quietLegitimacy(c), arrestPOn[then], thresholdOn[then]);
    }

    /** Asks each man handed to it whether he protests today, in a community of the given legitimacy. */
    private final class StreetAsker implements IntConsumer {
        double legitimacy;

        @Override
        public void accept(int i) {
            double r = Levels.unit(people.riskAversion[i]);
            ManRules.Protest protest = ManRules.protestDay(Levels.unit(people.hardship[i]), r, legitimacy,
                    people.has(i, People.SUMMONED), people.has(i, People.ELIGIBLE), outlook, random);
            if (protest == ManRules.Protest.STAYS_IN) {
                return;
            }
            flows.protesters++;
            if (protest == ManRules.Protest.PROTESTS) {
                // only men of the bold part are asked on most days: raising R never moves a man into it (HardshipOrder)
                people.riskAversion[i] = Levels.quantise(ManRules.riskAversionAfterProtest(r, scenario.protest().fatigue()));
                return;
            }
            flows.arrests++;
            agenda.schedule(i, day + Math.max(1, scenario.protest().jailDays()));
            people.riskAversion[i] = Levels.quantise(ManRules.riskAversionAfterArrest(r));
            move(i, PersonState.DETAINED);
            if (protest == ManRules.Protest.ARRESTED_AND_SUMMONED) {
                offices.summon(i, day);
            }
        }
    }

    // ---- changes of state ---------------------------------------------------------------------------------------

    /**
     * Every change of state goes through here, so the six stocks always sum to the population; it also keeps the
     * community's count of men gone, the list of men in hiding and the orders' bounds current.
     */
    void move(int i, byte to) {
        byte from = people.state[i];
        stock[from]--;
        stock[to]++;
        people.state[i] = to;
        if (people.opposesWar[i] && (from == PersonState.EMIGRATED) != (to == PersonState.EMIGRATED)) {
            emigratedOpposed += to == PersonState.EMIGRATED ? 1 : -1;
        }
        boolean wasGone = from == PersonState.EN_ROUTE || from == PersonState.EMIGRATED;
        boolean isGone = to == PersonState.EN_ROUTE || to == PersonState.EMIGRATED;
        if (wasGone != isGone) {
            view.goneChanged(i, isGone);
        }
        if (to == PersonState.HIDING) {
            agenda.hid(i);
        }
        if (to == PersonState.AT_HOME) {
            byAttachment.backHome(i);
            byHardship.backHome(i);
        }
    }

    // ---- at the border (called by BorderCrossings, serially, after the regions' phase) ---------------------------

    /** The route man i is travelling on. */
    int routeOf(int i) { return people.route[i]; }

    /** Whether man i is on the exit list at the border today. */
    boolean listedAtBorder(int i, int today) {
        return ExitListCheck.listed(model.exitListsInUse(today), people.has(i, People.SUMMONED), people.summonDay[i],
                today, model.levers().exitListDelayDays());
    }

    /** Man i crossed the border: abroad for good. */
    void crossed(int i) { move(i, PersonState.EMIGRATED); }

    /** Man i was stopped at the border on the exit list: mobilized on the spot at a mobilization point, else turned back. */
    void stopAtBorder(int i, boolean mobilizationPoint) {
        if (mobilizationPoint) {
            people.route[i] = People.NO_ROUTE;
            caught(i);
        } else {
            turnBack(i);
        }
    }

    /** Man i turned back (closed route, exit ban, or stopped): into hiding if summoned, else home. */
    void turnBack(int i) {
        people.route[i] = People.NO_ROUTE;
        agenda.cancel(i);
        move(i, people.has(i, People.SUMMONED) ? PersonState.HIDING : PersonState.AT_HOME);
        flows.turnedBack++;
    }

    // ---- for the offices and the model ----------------------------------------------------------------------------

    int stock(byte state) { return stock[state]; }
    CommunityView view() { return view; }
    Agenda agenda() { return agenda; }
    DayFlows flows() { return flows; }
    EnlistmentOffices offices() { return offices; }
    /** Modelled men (agents). */
    public int men() { return people.size; }
    /** The region's place in the region table (and its random stream's). */
    public int index() { return index; }
    public RegionData data() { return data; }
    /** Quota in agents. */
    public double quota() { return offices.quota; }
    /** The routes its men can reach. */
    public RouteCost.Reachable reachable() { return routes.reachable(); }
    /** Savings (RUB) of a savings level. */
    public double savingsRub(int level) { return savingsByLevel[level]; }

    /** Today's tally in persons. */
    Tally tally() { return flows.tally(stock, emigratedOpposed, scale, scenario.protest().menShare()); }

    /** Modelled men in persons. */
    long populationPersons() { return (long) people.size * scale; }
    /** Mean grievance of the region's men today (hardship at its mean, legitimacy by community). */
    public double meanGrievance() { return memory.meanGrievance(); }
    public String code() { return data.code(); }

    // ---- for tests and the bench: the men as they are -------------------------------------------------------------

    /** Man i as he is now (a copy, for tests and the bench's object version). */
    public ManView man(int i) {
        return ManView.of(people, i, attachmentByLevel, savingsByLevel, agenda.isDecidingTomorrow(i));
    }

    /** The first way in which the engine's skip bounds fail to hold for the men as they are (null if none). */
    String boundsViolation() {
        String atHome = byAttachment.violation();
        return atHome != null ? atHome : byHardship.violation();
    }

    /** The storage, for the bench's bare pass over the arrays. */
    public People people() { return people; }
}
