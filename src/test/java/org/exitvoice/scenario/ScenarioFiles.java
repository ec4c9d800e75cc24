package org.exitvoice.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixture: a small valid scenario (two regions, two routes) in a folder, for broken files to extend. */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    static final String REGIONS = """
            code,name,federal_district,capital,lat,lon,population,urban_share,men_18_59_share,income_index,minority_share,war_deaths_per_10k_men,border_countries,source
            RU-MOW,Moscow,Central,Moscow,55.75,37.62,13010112,1.0,0.30,1.9,0.08,0.08,,assumed: test row
            RU-SE,North Ossetia-Alania,North Caucasian,Vladikavkaz,43.02,44.68,687357,0.64,0.28,0.7,0.2,6.28,Georgia,assumed: test row
            """;

    static final String ROUTES = """
            id,name,mode,region,lat,lon,destination,capacity_per_day,usual_per_day,documents,base_price_rub,destination_trips,source
            upper-lars,Upper Lars - Kazbegi,land,RU-SE,42.74,44.63,Georgia,10500,5500,internal,5000,461000,assumed: test row
            svo-ist,Moscow - Istanbul,air,RU-MOW,55.97,37.41,Turkey,3000,2400,international,40000,2160000,assumed: test row
            """;

    /** Base file every test scenario extends: names the tables (relative to itself) and lists one event. */
    static final String BASE = """
            # small valid scenario for tests
            data:
              regions: data/regions.csv
              routes: data/routes.csv
            draft:
              target: 1000
            events:
              - {date: 2022-09-27, type: mobilizationPoint, route: upper-lars}
            """;

    /** Writes {@code base.yaml} and {@code data/regions.csv}, {@code data/routes.csv} into {@code dir}; returns base.yaml. */
    public static Path writeBase(Path dir) {
        write(dir.resolve("data/regions.csv"), REGIONS);
        write(dir.resolve("data/routes.csv"), ROUTES);
        return write(dir.resolve("base.yaml"), BASE);
    }

    /**
     * Writes {@code text} to {@code file}, creating folders. Each char is written as one byte
     * (ISO-8859-1), so tests can write bytes that are not UTF-8 ({@code "\u00ff"} becomes 0xFF).
     */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
