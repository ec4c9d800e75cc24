package org.exitvoice.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kinds of dated events a scenario may list. */
public enum EventType {
    /** A route carries no one from this date; its queue is turned back. */
    @JsonProperty("closeRoute") CLOSE_ROUTE(true),
    /** A closed route carries people again. */
    @JsonProperty("openRoute") OPEN_ROUTE(true),
    /** A mobilization point at a crossing: listed men caught there are mobilized on the spot. */
    @JsonProperty("mobilizationPoint") MOBILIZATION_POINT(true),
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
    @JsonProperty("clarification") CLARIFICATION(false, true),
    /** A rumour, or its denial, that exit will close soon: from this date men see the chance {@code value} of it. */
    @JsonProperty("exitRumour") EXIT_RUMOUR(false, true),
    /** A call to protest on this date (by a movement, online): Epstein's threshold is lowered where it is heard. */
    @JsonProperty("protestCall") PROTEST_CALL(false);

    private final boolean needsRoute, needsValue;

    EventType(boolean needsRoute) {
        this(needsRoute, false);
    }

    EventType(boolean needsRoute, boolean needsValue) {
        this.needsRoute = needsRoute;
        this.needsValue = needsValue;
    }

    /** Whether the event carries a value in [0, 1). */
    public boolean needsValue() {
        return needsValue;
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
