package org.exitvoice.validation;

import java.util.List;

/**
 * Where an observation was made, as the model knows it: the whole country, some regions, or some routes.
 *
 * @param name      the place as the observed-data file names it
 * @param scope     what {@code ids} hold
 * @param ids       region codes or route ids (empty for the nation)
 * @param baselines ids of the baseline rows whose usual daily traffic is added to model crossings here (gross
 *                  counts); empty when none applies; null when nobody has said, which is an error for a crossing count
 */
public record Place(String name, Scope scope, List<String> ids, List<String> baselines) {

    /** What a place's ids are. */
    public enum Scope { NATION, REGIONS, ROUTES }

    public Place {
        ids = List.copyOf(ids);
        baselines = baselines == null ? null : List.copyOf(baselines);
    }

    /** How the place reads in docs and messages, e.g. {@code routes upper-lars} or {@code regions RU-DA}. */
    public String describe() {
        return switch (scope) {
            case NATION -> "Russia";
            case REGIONS -> (ids.size() == 1 ? "region " : "regions ") + String.join("+", ids);
            case ROUTES -> (ids.size() == 1 ? "route " : "routes ") + String.join("+", ids);
        };
    }
}
