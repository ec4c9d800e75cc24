package org.exitvoice.scenario;

import java.time.LocalDate;

/**
 * A dated change, effective from the start of its date: route closure or opening, a change of a route's throughput, a
 * route restricted to residents, a mobilization point, an exit ban, the end of the draft, an official clarification, a
 * rumour that exit will close. {@code value} is the share of the announcement's uncertainty a clarification removes,
 * the perceived chance a rumour gives that exit closes soon, or the multiplier of a route's places (routeCapacity).
 * {@code region} (a region code) makes a protestCall local: called there only; without it the call is national.
 */
public record Event(LocalDate date, EventType type, String route, Double value, String region) {

    /** The keys an event may leave out (which types need them, {@link ScenarioValidator} checks). */
    static final java.util.Set<String> OPTIONAL_KEYS = java.util.Set.of("route", "value", "region");

    /** An event without a value (all but clarification, exitRumour and routeCapacity). */
    public Event(LocalDate date, EventType type, String route) {
        this(date, type, route, null, null);
    }

    /** An event of the whole country (no region). */
    public Event(LocalDate date, EventType type, String route, Double value) {
        this(date, type, route, value, null);
    }
}
