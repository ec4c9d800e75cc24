package org.exitvoice.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kinds of dated events a scenario may list. */
public enum EventType {
    /** A route carries no one from this date; its queue is turned back. */
    @JsonProperty("closeRoute") CLOSE_ROUTE(true),
    /** A closed route carries people again, and a residents-only route is open to all again. */
    @JsonProperty("openRoute") OPEN_ROUTE(true),
    /** A mobilization point at a crossing: listed men caught there are mobilized on the spot. */
    @JsonProperty("mobilizationPoint") MOBILIZATION_POINT(true),
    /**
     * A route's throughput changes: from this date its places a day are {@code value} x those of the route table
     * (capacity less usual traffic); 1 restores them.
     */
    @JsonProperty("routeCapacity") ROUTE_CAPACITY(true, Value.FACTOR),
    /**
     * Access to a route is restricted to residents: from this date only men of the region the route lies in set off
     * for it; those already on the road or in its queue still cross ({@code openRoute} lifts it).
     */
    @JsonProperty("residentsOnly") RESIDENTS_ONLY(true),
    /** Men of draft age may not leave by any route (a counterfactual lever). */
    @JsonProperty("exitBan") EXIT_BAN(false),
    /** The exit ban ends. */
    @JsonProperty("liftExitBan") LIFT_EXIT_BAN(false),
    /** No more summons from this date (a counterfactual lever; 2022's draft ends when the target is met). */
    @JsonProperty("endDraft") END_DRAFT(false),
    /**
     * An official clarification of who is drafted (a deferral, an admission of mistakes): removes the share
     * {@code value} of what remains of the announcement's uncertainty.
     */
    @JsonProperty("clarification") CLARIFICATION(false, Value.SHARE),
    /** A rumour, or its denial, that exit will close soon: from this date men see the chance {@code value} of it. */
    @JsonProperty("exitRumour") EXIT_RUMOUR(false, Value.SHARE),
    /**
     * A call to protest on this date (by a movement, online): Epstein's threshold is lowered where it is heard; in one
     * region only when the event names a {@code region} (a local channel's call), else everywhere.
     */
    @JsonProperty("protestCall") PROTEST_CALL(false);

    /** Whether the event may name a region (only a protest call can be local). */
    public boolean mayNameRegion() {
        return this == PROTEST_CALL;
    }

    /** The values an event type takes, checked in one place ({@link #allows}). */
    public enum Value {
        /** No value. */
        NONE(""),
        /** A share or a chance: [0, 1). */
        SHARE("[0, 1)"),
        /** A multiplier of a route's places: above 0, at most 100 (1 leaves them as they are). */
        FACTOR("(0, 100]");

        private final String range;

        Value(String range) {
            this.range = range;
        }

        /** The allowed values as messages show them, e.g. {@code [0, 1)}. */
        public String range() {
            return range;
        }

        /** Whether {@code v} is allowed. */
        public boolean allows(double v) {
            return switch (this) {
                case NONE -> false;
                case SHARE -> v >= 0 && v < 1;
                case FACTOR -> v > 0 && v <= 100;
            };
        }
    }

    private final boolean needsRoute;
    private final Value value;

    EventType(boolean needsRoute) {
        this(needsRoute, Value.NONE);
    }

    EventType(boolean needsRoute, Value value) {
        this.needsRoute = needsRoute;
        this.value = value;
    }

    /** Whether the event carries a value (in {@link #value()}'s range). */
    public boolean needsValue() {
        return value != Value.NONE;
    }

    /** The values the event takes ({@link Value#NONE} when it takes none). */
    public Value value() {
        return value;
    }

    /** Whether the event names a route. */
    public boolean needsRoute() {
        return needsRoute;
    }

    /** The YAML spelling, e.g. {@code closeRoute}. */
    public String yamlName() {
        try {
            return EventType.class.getField(name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
