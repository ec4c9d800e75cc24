package org.exitvoice.model;

import org.exitvoice.model.engine.RegionPhase;
import org.exitvoice.scenario.Event;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The world and its schedule: 85 regions of men aged 18-59, the routes out, the draft and its target.
 * One step is one day, in four phases: dawn (dated events, today's prices and queues), the regions (in parallel,
 * each with its own random stream), the borders (serially, in region order), and dusk (the day's report, the
 * national target). Outputs and the GUI observe {@link #reports()}; the model does no I/O.
 */
public class ExitVoiceModel extends SimState {
    private static final long serialVersionUID = 1L;

    private final Scenario scenario;
    private final List<RegionData> regionData;
    private final List<RouteData> routeData;
    private final int threads;
    private final Map<String, Integer> routeIndex = new HashMap<>();
    private final Map<String, Integer> regionIndex = new HashMap<>();

    private Region[] regions;
    private BorderCrossings borders;
    private Levers levers;
    private Today today;
    private RegionPhase regionPhase;
    private final List<DayReport> reports = new ArrayList<>();
    private int day;
    private int targetMetDay = -1;
    private double appliedQuotaSkew = Double.NaN;

    /** A model of the scenario over the given regions and routes, stepping regions on {@code threads} threads. */
    public ExitVoiceModel(Scenario scenario, List<RegionData> regions, List<RouteData> routes, int threads) {
        super(scenario.seed());
        this.scenario = scenario;
        this.regionData = List.copyOf(regions);
        this.routeData = List.copyOf(routes);
        this.threads = Math.max(1, threads);
        for (int k = 0; k < routes.size(); k++) {
            routeIndex.put(routes.get(k).id(), k);
        }
        for (int r = 0; r < regions.size(); r++) {
            regionIndex.put(regions.get(r).code(), r);
        }
        if (routes.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " routes, got " + routes.size());
        }
    }

    @Override
    public void start() {
        super.start();
        reports.clear();
        day = 0;
        targetMetDay = -1;
        appliedQuotaSkew = Double.NaN;
        levers = new Levers(scenario, routeData.size());
        today = new Today(routeData.size(), regionData.size());
        regions = new Region[regionData.size()];
        // Each region draws its people from its own stream, so building them in parallel is deterministic too.
        java.util.stream.IntStream.range(0, regions.length).parallel().forEach(r ->
                regions[r] = new Region(this, r, regionData.get(r), routeData, scenario, scenario.seed()));
        borders = new BorderCrossings(this, routeData, scenario.prices(), scenario.scale(), scenario.seed());
        int[] sizes = new int[regions.length];
        for (int r = 0; r < regions.length; r++) {
            sizes[r] = regions[r].men();
        }
        regionPhase = new RegionPhase(regions, sizes, threads);

        schedule.scheduleRepeating(Schedule.EPOCH, 0, (Steppable) s -> dawn(), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, 1, regionPhase, 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, 2, borders, 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, 3, (Steppable) s -> dusk(), 1.0);
    }

    @Override
    public void finish() {
        super.finish();
        if (regionPhase != null) {
            regionPhase.cleanup();
        }
    }

    /**
     * Dated events take effect, quotas follow the skew lever, and today's prices, queues, places and who may use each
     * route are fixed for all regions.
     */
    private void dawn() {
        LocalDate date = date(day);
        java.util.Arrays.fill(today.protestCalledIn, false);
        for (Event e : scenario.events()) {
            if (e.date().equals(date)) {
                apply(e);
            }
        }
        if (levers.quotaSkew() != appliedQuotaSkew) {
            setQuotas(levers.quotaSkew());
        }
        today.day = day;
        today.draftRunning = draftRunning();
        today.draftRemaining = Decisions.draftRemaining(today.draftRunning, mobilizedSoFar(), scenario.draft().target(),
                scenario.perception().progressWeight());
        today.exitListsInUse = exitListsInUse(day);
        var perception = scenario.perception();
        // nobody fears a draft that has ended (Decisions.perceivedRisk): held at 0 then, so the communities' views,
        // which follow it, are not all worked out again every day for nothing
        today.announcementFresh = today.draftRunning
                ? Announcement.fresh(perception.shockHalfLifeDays(), day, levers.unclarified()) : 0;
        today.uncertainty = perception.announcementShock() * today.announcementFresh;
        for (int k = 0; k < routeData.size(); k++) {
            RouteData r = routeData.get(k);
            long places = borders.places(k);
            today.usable[k] = levers.routeOpen(k) && places > 0 && !levers.exitBan();
            today.residentsOnly[k] = levers.residentsOnly(k);
            today.price[k] = r.basePriceRub() * borders.priceIndex[k];
            today.waitDays[k] = places > 0 ? borders.queueDays(k) : 0;
        }
    }

    /** Dawn of day d without stepping the rest (for the object-per-agent version of {@code exitvoice bench}). */
    public void dawnOf(int d) {
        day = d;
        dawn();
    }

    private void apply(Event e) {
        switch (e.type()) {
            case CLOSE_ROUTE -> levers.setRouteOpen(routeIndex.get(e.route()), false);
            case OPEN_ROUTE -> {
                levers.setRouteOpen(routeIndex.get(e.route()), true);
                levers.setResidentsOnly(routeIndex.get(e.route()), false);
            }
            case ROUTE_CAPACITY -> levers.setRouteCapacity(routeIndex.get(e.route()), e.value());
            case RESIDENTS_ONLY -> levers.setResidentsOnly(routeIndex.get(e.route()), true);
            case MOBILIZATION_POINT -> levers.setMobilizationPoint(routeIndex.get(e.route()), true);
            case EXIT_BAN -> levers.setExitBan(true);
            case LIFT_EXIT_BAN -> levers.setExitBan(false);
            case END_DRAFT -> levers.setDraftEnded(true);
            case CLARIFICATION -> levers.clarify(e.value());
            case EXIT_RUMOUR -> levers.setExitClosingChance(e.value());
            case PROTEST_CALL -> {
                if (e.region() == null) {
                    java.util.Arrays.fill(today.protestCalledIn, true);
                } else if (regionIndex.containsKey(e.region())) { // a model of some regions only ignores the others' calls
                    today.protestCalledIn[regionIndex.get(e.region())] = true;
                }
            }
        }
    }

    /**
     * Regional quotas: the national target split in proportion to the men of each region, weighted by
     * 1 + skew x (minority share + income shortfall), so that skew loads poorer and minority regions more.
     */
    private void setQuotas(double skew) {
        double[] weight = new double[regions.length];
        double total = 0;
        for (int r = 0; r < regions.length; r++) {
            RegionData d = regionData.get(r);
            weight[r] = regions[r].men() * (1 + skew * (d.minorityShare() + Math.max(0, 1 - d.incomeIndex())));
            total += weight[r];
        }
        for (int r = 0; r < regions.length; r++) {
            regions[r].offices().quota = total == 0 ? 0 : scenario.draft().target() * weight[r] / total / scenario.scale();
        }
        appliedQuotaSkew = skew;
    }

    /** The day's report; the draft ends once the national target is met (from the next day). */
    private void dusk() {
        List<RegionDay> regionDays = new ArrayList<>(regions.length);
        Tally national = Tally.ZERO;
        for (Region r : regions) {
            Tally t = r.tally();
            regionDays.add(new RegionDay(r.code(), r.populationPersons(), t));
            national = national.plus(t);
        }
        List<RouteDay> routeDays = new ArrayList<>(routeData.size());
        long crossed = 0;
        for (int k = 0; k < routeData.size(); k++) {
            RouteDay rd = borders.report(k);
            routeDays.add(rd);
            crossed += rd.crossed();
        }
        reports.add(new DayReport(day, date(day), national, crossed, regionDays, routeDays));
        if (targetMetDay < 0 && national.mobilized() >= scenario.draft().target()) {
            targetMetDay = day;
        }
        day++;
    }

    /** Men mobilized in the country by the end of yesterday (the count officials announced as it rose). */
    private long mobilizedSoFar() {
        return reports.isEmpty() ? 0 : reports.get(reports.size() - 1).national().mobilized();
    }

    /** Whether summons are still being served: no endDraft yet and the target not met. */
    public boolean draftRunning() {
        return !levers.draftEnded() && targetMetDay < 0;
    }

    /** Whether exit lists are in use at borders on the given day. */
    public boolean exitListsInUse(int d) {
        LocalDate from = scenario.exitList().from();
        return from != null && !date(d).isBefore(from);
    }

    public LocalDate date(int d) {
        return scenario.start().plusDays(d);
    }

    /** Days completed so far. */
    public int day() {
        return day;
    }

    /** The day the national target was met, or -1. */
    public int targetMetDay() {
        return targetMetDay;
    }

    public List<DayReport> reports() {
        return java.util.Collections.unmodifiableList(reports);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Levers levers() {
        return levers;
    }

    /** What every region reads today (for the bench's object-per-agent version). */
    public Today today() {
        return today;
    }

    /** The regions, in table order (empty before start()). */
    public List<Region> regions() {
        return regions == null ? List.of() : List.of(regions);
    }

    Region[] regionArray() {
        return regions;
    }

    public int regionCount() {
        return regionData.size();
    }

    public List<RegionData> regionData() {
        return regionData;
    }

    public List<RouteData> routeData() {
        return routeData;
    }

    /** Region r's quota in persons (0 before start()). */
    public double quotaPersons(int r) {
        return regions == null ? 0 : regions[r].offices().quota * scenario.scale();
    }

    /** Indices (into {@link #routeData()}) of the routes region r's men can reach, with {@link #travelDays(int)} beside them. */
    public int[] reachableRoutes(int r) {
        return regions == null ? new int[0] : regions[r].reachable().routes().clone();
    }

    /** Travel days from region r's capital to each of its {@link #reachableRoutes(int)}. */
    public int[] travelDays(int r) {
        return regions == null ? new int[0] : regions[r].reachable().travelDays().clone();
    }

    /** Regional legitimacy L today (before protest and misdraft effects in communities), for inspectors. */
    public double legitimacy(int r) {
        return regions == null ? Double.NaN : regions[r].regionalLegitimacy();
    }

    /** Region r's men per state as the model keeps them, in agents (for tests of the invariant). */
    public int stock(int r, byte state) {
        return regions[r].stock(state);
    }
}
