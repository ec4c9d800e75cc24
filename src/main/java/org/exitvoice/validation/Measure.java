package org.exitvoice.validation;

/** The model quantities an observation can be held against, each read from a run's day reports. */
public enum Measure {
    /** Persons crossed on the place's routes over the dates, plus the usual traffic there (border counts are gross). */
    CROSSINGS("persons crossed on the routes, summed over the dates (per day for a rate), plus the usual daily traffic × days"),
    /** Protesters arrested, summed over the dates. */
    ARRESTS("arrests (persons) summed over the dates"),
    /** Protesters on the busiest day in the dates. */
    PROTESTERS("protesters (persons) on the busiest day of the dates"),
    /** Violent incidents (arson and attacks on enlistment offices), summed over the dates. */
    INCIDENTS("violent incidents summed over the dates"),
    /** The longest wait at the place's crossings on any day of the dates. */
    PEAK_WAIT("highest wait_hours at the crossing over the dates"),
    /** The highest fare (base price × price index) on the place's routes on any day of the dates. */
    PEAK_FARE("highest base_price_rub × price_index on the route over the dates"),
    /** Men mobilized by the last date (the stock that day). */
    MOBILIZED("men mobilized (stock) on the last date");

    private final String rule;

    Measure(String rule) {
        this.rule = rule;
    }

    /** How the model value is computed, for docs and the printed table. */
    public String rule() {
        return rule;
    }

    /** Whether the place must be routes (true) or the nation or regions (false). */
    boolean onRoutes() {
        return this == CROSSINGS || this == PEAK_WAIT || this == PEAK_FARE;
    }

    /**
     * The measure for an observation's metric and unit, or null when the model has none. New metrics in the
     * observed-data file are mapped here.
     */
    static Measure of(Observation o) {
        String unit = o.unit();
        return switch (o.metric()) {
            case "entries_from_russia", "entries_from_russia_month", "daily_arrivals_russians", "exits_via_border_2days",
                    "exits_to_GE_KZ_FI_first_week" -> unit.startsWith("persons") ? CROSSINGS : null;
            case "protest_detentions" -> ARRESTS;
            case "protest_event", "protest_participants" -> unit.startsWith("participants") ? PROTESTERS : null;
            case "arson_enlistment_offices" -> INCIDENTS;
            case "wait_time" -> unit.equals("hours") ? PEAK_WAIT : null;
            case "airfare" -> unit.startsWith("RUB") ? PEAK_FARE : null;
            case "mobilized_to_date" -> MOBILIZED;
            default -> null;
        };
    }
}
