package org.exitvoice.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;

/**
 * Resolves the places the sources name ({@code Georgia}, {@code Upper Lars (RU-GE)}, {@code Dagestan (Makhachkala)})
 * to the model's regions and routes, with the usual traffic that gross border counts there include.
 */
public final class Places {

    /**
     * Usual (pre-mobilization) arrivals per destination country, by the id of its {@code baseline} row. Gross counts
     * into these countries add it to the model's crossings. Chosen as the rate closest in time and counted the same
     * way as the later figures (see the use_note of each baseline row).
     */
    static final Map<String, List<String>> COUNTRY_BASELINES = Map.of(
            "Georgia", List.of("obs-004"),     // Georgian ministry, 16-20 Sep 2022: 5,000-6,000 a day
            "Kazakhstan", List.of("obs-094"),  // FSB exits to Kazakhstan, Apr-Jun 2022
            "Finland", List.of("obs-049"),     // Finnish Border Guard, 14 Sep 2022
            "Armenia", List.of("obs-096"));    // FSB exits to Armenia, Apr-Jun 2022

    private final List<RouteData> routes;
    private final List<RegionData> regions;
    private final Map<String, Place> named;

    /** Places over these route and region tables. */
    public Places(List<RouteData> routes, List<RegionData> regions) {
        this.routes = List.copyOf(routes);
        this.regions = List.copyOf(regions);
        this.named = Map.ofEntries(
                // cities whose detentions or protests are compared with their whole region
                region("Moscow", "RU-MOW"),
                region("St Petersburg", "RU-SPE"),
                region("Yekaterinburg", "RU-SVE"),
                region("Perm", "RU-PER"),
                region("Novosibirsk", "RU-NVS"),
                region("Dagestan (Makhachkala)", "RU-DA"),
                region("Yakutia (Yakutsk)", "RU-SA"),
                region("Chechnya (Grozny)", "RU-CE"),
                // Upper Lars is the only road from Russia into Georgia (no direct flights in 2022): Georgia's usual
                // arrivals are, to a close approximation, Upper Lars's
                route("Upper Lars (RU-GE)", List.of("upper-lars"), List.of("obs-004")),
                route("North Ossetia -> Georgia (Upper Lars)", List.of("upper-lars"), List.of("obs-004")),
                route("Kyakhta-Altanbulag (RU-MN)", List.of("kyakhta"), List.of()),
                // no sourced usual rate at Altanbulag: taken as zero (said in the row's use_note)
                route("Mongolia (Altanbulag)", List.of("kyakhta"), List.of()),
                route("Finland (SE: Imatra, Nuijamaa, Vaalimaa)", List.of("torfyanovka", "svetogorsk", "brusnichnoye"),
                        List.of("obs-101")),
                route("Moscow-Istanbul", List.of("mow-ist"), List.of()),
                route("Moscow-Dubai", List.of("mow-dxb"), List.of()));
    }

    /**
     * The model's place for {@code name}, or null when there is none: a named place above; {@code Russia} and
     * {@code Russia (...)} for the nation; a destination country (all routes to it) or {@code A+B+C}; a region code,
     * name or capital; a route id.
     */
    public Place resolve(String name) {
        Place p = named.get(name);
        if (p != null) {
            return p;
        }
        if (name.equals("Russia") || name.startsWith("Russia (")) {
            return new Place(name, Place.Scope.NATION, List.of(), List.of());
        }
        if (name.contains("+")) {
            Set<String> ids = new LinkedHashSet<>();
            List<String> baselines = new ArrayList<>();
            for (String country : name.split("\\+")) {
                Place c = country(country.strip());
                if (c == null) {
                    return null;
                }
                ids.addAll(c.ids());
                if (c.baselines() == null) {
                    baselines = null;
                } else if (baselines != null) {
                    baselines.addAll(c.baselines());
                }
            }
            return new Place(name, Place.Scope.ROUTES, List.copyOf(ids), baselines);
        }
        Place c = country(name);
        if (c != null) {
            return c;
        }
        for (RegionData r : regions) {
            if (name.equals(r.code()) || name.equals(r.name()) || name.equals(r.capital())) {
                return new Place(name, Place.Scope.REGIONS, List.of(r.code()), List.of());
            }
        }
        for (RouteData r : routes) {
            if (name.equals(r.id())) {
                return new Place(name, Place.Scope.ROUTES, List.of(r.id()), null);
            }
        }
        return null;
    }

    /** All routes to a destination country, with its usual arrivals; null when no route goes there. */
    private Place country(String country) {
        List<String> ids = routes.stream().filter(r -> r.destination().equals(country)).map(RouteData::id).toList();
        return ids.isEmpty() ? null : new Place(country, Place.Scope.ROUTES, ids, COUNTRY_BASELINES.get(country));
    }

    private static Map.Entry<String, Place> region(String name, String code) {
        return Map.entry(name, new Place(name, Place.Scope.REGIONS, List.of(code), List.of()));
    }

    private static Map.Entry<String, Place> route(String name, List<String> ids, List<String> baselines) {
        return Map.entry(name, new Place(name, Place.Scope.ROUTES, ids, baselines));
    }
}
