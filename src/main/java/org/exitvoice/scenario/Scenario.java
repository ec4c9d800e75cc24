package org.exitvoice.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * One fully resolved scenario: the immutable parameter tree every command runs from.
 * Loaded from YAML by {@link ScenarioLoader} (defaults &lt; extends chain &lt; file &lt; --set &lt; flags)
 * and checked by {@link ScenarioValidator}; nothing else builds one from text.
 */
public record Scenario(
        @Param(doc = "First simulated day (day 0).", source = "21 Sep 2022: decree No. 647 on partial mobilization")
        LocalDate start,
        @Param(doc = "Number of simulated days.", unit = "days", min = 1, max = 3650)
        int days,
        @Param(doc = "Seed of all random streams; the same seed gives byte-identical outputs.")
        long seed,
        @Param(doc = "Persons per agent (1 = one agent per person).", unit = "persons/agent", min = 1, max = 1_000_000)
        int scale,
        DataFiles data,
        Population population,
        Draft draft,
        Perception perception,
        Enforcement enforcement,
        ExitList exitList,
        Hiding hiding,
        Protest protest,
        Emigration emigration,
        Incidents incidents,
        Prices prices,
        @Param(doc = "Dated events: closeRoute, openRoute, mobilizationPoint, residentsOnly (with route), routeCapacity (with route and a multiplier of its places in (0, 100]), exitBan, liftExitBan, endDraft, protestCall (national, or with a region code: local); clarification and exitRumour (with a value in [0, 1)).")
        List<Event> events) {

    public Scenario {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The same scenario reading its tables from elsewhere (e.g. paths relative to an output folder). */
    public Scenario withData(DataFiles other) {
        return new Scenario(start, days, seed, scale, other, population, draft, perception, enforcement, exitList, hiding,
                protest, emigration, incidents, prices, events);
    }

    /** The same scenario at another scale (persons per agent). */
    public Scenario withScale(int otherScale) {
        return new Scenario(start, days, seed, otherScale, data, population, draft, perception, enforcement, exitList,
                hiding, protest, emigration, incidents, prices, events);
    }

    /**
     * The same scenario without the events dated after its last day, which never happen: what a resolved file holds,
     * so that the file of a run shortened by {@code --days} reruns as it ran instead of being refused for them.
     */
    public Scenario withoutLateEvents() {
        List<Event> inRun = events.stream().filter(e -> e == null || e.date() == null || !e.date().isAfter(end())).toList();
        return inRun.size() == events.size() ? this : new Scenario(start, days, seed, scale, data, population, draft,
                perception, enforcement, exitList, hiding, protest, emigration, incidents, prices, inRun);
    }

    /** The last simulated date. */
    public LocalDate end() {
        return start.plusDays(days - 1L);
    }
}
