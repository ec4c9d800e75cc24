package org.exitvoice.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped route table only uses known regions and unique ids, and a broken one is rejected with FILE:LINE: message. */
class RouteTableTest {

    static final Path SHIPPED = Path.of("params/data/routes.csv");
    static final String HEADER = String.join(",", RouteTable.COLUMNS);
    static final String GOOD = "upper-lars,Upper Lars - Kazbegi,land,RU-SE,42.74,44.63,Georgia,10500,5500,international,5000,461000,\"3,500 cars x 3\"";
    static final String GOOD2 = "mow-evn,Moscow - Yerevan,air,RU-MOW,55.97,37.41,Armenia,1700,1360,internal,15000,267000,assumed";
    static final Set<String> CODES = Set.of("RU-SE", "RU-MOW");

    @TempDir
    Path dir;

    @Test
    void shippedRoutesUseKnownRegionsAndUniqueIds() throws ScenarioException {
        Set<String> codes = RegionTableTest.shippedCodes();
        List<RouteData> routes = RouteTable.read(SHIPPED, codes);
        assertTrue(routes.size() >= 20, "about 20-40 routes, got " + routes.size());
        Set<String> ids = new HashSet<>();
        for (RouteData r : routes) {
            assertTrue(codes.contains(r.region()), r.id());
            assertTrue(ids.add(r.id()), "duplicate " + r.id());
        }
    }

    @Test
    void shippedRoutesIncludeUpperLarsToGeorgia() throws ScenarioException {
        RouteData lars = RouteTable.read(SHIPPED, RegionTableTest.shippedCodes()).stream()
                .filter(r -> r.id().equals("upper-lars")).findFirst().orElseThrow();
        assertEquals("Georgia", lars.destination());
        assertEquals(RouteData.Mode.LAND, lars.mode());
        assertEquals(RouteData.Documents.INTERNATIONAL, lars.documents());
        assertEquals("RU-SE", lars.region());
        assertTrue(lars.capacityPerDay() > 0);
    }

    @Test
    void shippedRoutesHaveBothModesAndPlausibleNumbers() throws ScenarioException {
        List<RouteData> routes = RouteTable.read(SHIPPED, RegionTableTest.shippedCodes());
        assertTrue(routes.stream().anyMatch(r -> r.mode() == RouteData.Mode.AIR));
        assertTrue(routes.stream().anyMatch(r -> r.mode() == RouteData.Mode.LAND));
        for (RouteData r : routes) {
            // no single crossing or city pair moved more than a few tens of thousands a day in 2022
            assertTrue(r.capacityPerDay() > 0 && r.capacityPerDay() <= 20_000, r.id());
            assertTrue(r.basePriceRub() > 0, r.id());
        }
    }

    @Test
    void readsAGoodFile() throws Exception {
        List<RouteData> routes = RouteTable.read(write(HEADER, GOOD, GOOD2), CODES);
        assertEquals(2, routes.size());
        assertEquals(10_500, routes.get(0).capacityPerDay());
        assertEquals(RouteData.Mode.AIR, routes.get(1).mode());
        assertEquals(RouteData.Documents.INTERNAL, routes.get(1).documents());
        assertEquals(15_000.0, routes.get(1).basePriceRub());
    }

    @Test
    void unknownRegionNamesRouteAndLine() throws Exception {
        Path f = write(HEADER, GOOD, GOOD2, GOOD2.replace("mow-evn", "x").replace("RU-MOW", "QQ-NOWHERE"));
        assertEquals(f + ":4: route 'x': unknown region 'QQ-NOWHERE'", message(f));
    }

    @Test
    void nearlyRightRegionGetsAHint() throws Exception {
        Path f = write(HEADER, GOOD.replace("RU-SE", "RU-SF"));
        assertEquals(f + ":2: route 'upper-lars': unknown region 'RU-SF' (did you mean 'RU-SE'?)", message(f));
    }

    @Test
    void badCapacityIsRejected() throws Exception {
        Path negative = write(HEADER, GOOD.replace("10500", "-5"));
        assertEquals(negative + ":2: route 'upper-lars': column 'capacity_per_day': must be a whole number >= 0, got '-5'",
                message(negative));
        Path word = write(HEADER, GOOD.replace("10500", "lots"));
        assertEquals(word + ":2: route 'upper-lars': column 'capacity_per_day': must be a whole number >= 0, got 'lots'",
                message(word));
    }

    @Test
    void placesForThoseFleeingAreCapacityLessTheUsualTraffic() throws Exception {
        List<RouteData> routes = RouteTable.read(write(HEADER, GOOD, GOOD2), CODES);
        assertEquals(5_500, routes.get(0).usualPerDay());
        assertEquals(10_500 - 5_500, routes.get(0).placesPerDay());
        assertEquals(1_700 - 1_360, routes.get(1).placesPerDay());
        assertEquals(461_000.0, routes.get(0).destinationTrips());
    }

    @Test
    void usualTrafficAboveCapacityIsRejected() throws Exception {
        Path f = write(HEADER, GOOD.replace(",5500,", ",12000,"));
        assertEquals(f + ":2: route 'upper-lars': column 'usual_per_day': the usual traffic (12000) cannot exceed"
                + " capacity_per_day (10500)", message(f));
    }

    @Test
    void aCountryHasOneTripsFigure() throws Exception {
        Path f = write(HEADER, GOOD, GOOD.replace("upper-lars", "lars-2").replace("461000", "400000"));
        assertEquals(f + ":3: route 'lars-2': column 'destination_trips': Georgia has 461000 on an earlier row;"
                + " every route to a country gives the same figure", message(f));
    }

    @Test
    void badPriceIsRejected() throws Exception {
        Path f = write(HEADER, GOOD2.replace("15000", "-1"));
        assertEquals(f + ":2: route 'mow-evn': column 'base_price_rub': must be a number >= 0, got '-1'", message(f));
    }

    @Test
    void modeAndDocumentsMustBeKnownWords() throws Exception {
        Path sea = write(HEADER, GOOD.replace(",land,", ",sea,"));
        assertEquals(sea + ":2: route 'upper-lars': column 'mode': must be 'land' or 'air', got 'sea'", message(sea));
        Path visa = write(HEADER, GOOD.replace(",international,", ",visa,"));
        assertEquals(visa + ":2: route 'upper-lars': column 'documents': must be 'internal' or 'international', got 'visa'",
                message(visa));
    }

    @Test
    void duplicateIdNamesBothLines() throws Exception {
        Path f = write(HEADER, GOOD, GOOD2, GOOD);
        assertEquals(f + ":4: route 'upper-lars': duplicate id (first on line 2)", message(f));
    }

    @Test
    void idMustBeKebabCase() throws Exception {
        Path f = write(HEADER, GOOD.replace("upper-lars", "Upper Lars"));
        assertEquals(f + ":2: route 'Upper Lars': id must be kebab-case (a-z, 0-9 and '-')", message(f));
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        Path f = write(HEADER.replace(",documents", ""), GOOD.replace(",international", ""));
        assertEquals(f + ": missing column 'documents'", message(f));
    }

    @Test
    void extraColumnIsNamed() throws Exception {
        Path f = write(HEADER + ",operator", GOOD + ",x");
        String m = message(f);
        assertTrue(m.startsWith(f + ": unknown column 'operator'"), m);
    }

    private Path write(String... lines) throws IOException {
        Path f = Files.createTempFile(dir, "routes", ".csv");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static String message(Path f) {
        return assertThrows(ScenarioException.class, () -> RouteTable.read(f, CODES)).getMessage();
    }
}
