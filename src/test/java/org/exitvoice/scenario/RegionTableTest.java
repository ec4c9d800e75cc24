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
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped region table is complete and plausible, and a broken one is rejected with FILE:LINE: message. */
class RegionTableTest {

    static final Path SHIPPED = Path.of("params/data/regions.csv");
    static final String HEADER = String.join(",", RegionTable.COLUMNS);
    static final String GOOD = "RU-AA,Alpha Oblast,Central,Alpha,55.00,37.00,1000000,0.75,0.28,1.0,0.1,2.5,Georgia;Kazakhstan,\"pop: x; urban: y\"";
    static final String GOOD2 = "RU-BB,Beta Oblast,Central,Beta,56.00,38.00,500000,0.60,0.29,0.8,0.0,0.0,,src";

    @TempDir
    Path dir;

    @Test
    void theWarsDeadBeforeTheMobilizationAreHighestInTuvaBuryatiaAndLowestInMoscow() throws Exception {
        var byCode = RegionTable.read(SHIPPED).stream().collect(Collectors.toMap(RegionData::code, r -> r));
        assertTrue(byCode.get("RU-TY").warDeathsPer10kMen() > 10 && byCode.get("RU-BU").warDeathsPer10kMen() > 10);
        assertTrue(byCode.get("RU-DA").warDeathsPer10kMen() > 10 * byCode.get("RU-MOW").warDeathsPer10kMen());
        assertEquals(2.5, RegionTable.read(write(HEADER, GOOD)).get(0).warDeathsPer10kMen());
    }

    @Test
    void shippedTableHasAll85RegionsAndTheCensusTotal() throws ScenarioException {
        List<RegionData> regions = RegionTable.read(SHIPPED);
        assertEquals(85, regions.size());
        Set<String> codes = regions.stream().map(RegionData::code).collect(Collectors.toSet());
        assertEquals(85, codes.size(), "codes are unique");
        long total = regions.stream().mapToLong(RegionData::population).sum();
        // published 2021 census total; the table's sum is 28 lower (a digit slip in one source figure)
        assertEquals(147_182_123, total, 147_182_123 * 0.001);
    }

    @Test
    void shippedSharesAreSharesAndMenAreAbout42Million() throws ScenarioException {
        List<RegionData> regions = RegionTable.read(SHIPPED);
        double men = 0;
        double income = 0;
        long people = 0;
        for (RegionData r : regions) {
            for (double share : new double[] {r.urbanShare(), r.men1859Share(), r.minorityShare()}) {
                assertTrue(share >= 0 && share <= 1, r.code() + " share " + share);
            }
            men += r.men1859Share() * r.population();
            income += r.incomeIndex() * r.population();
            people += r.population();
        }
        assertTrue(men > 38e6 && men < 46e6, "men 18-59: " + men);
        // national average = 1 by construction, up to weighting by census rather than mid-year population
        assertEquals(1.0, income / people, 0.1);
    }

    @Test
    void shippedBorderCountriesAreSplitOnSemicolons() throws ScenarioException {
        Map<String, RegionData> byCode = RegionTable.read(SHIPPED).stream()
                .collect(Collectors.toMap(RegionData::code, Function.identity()));
        assertEquals(List.of("Estonia", "Latvia", "Belarus"), byCode.get("RU-PSK").borderCountries());
        assertEquals(List.of("Georgia"), byCode.get("RU-SE").borderCountries());
        assertEquals(List.of(), byCode.get("RU-MOW").borderCountries());
    }

    @Test
    void readsAGoodFile() throws Exception {
        List<RegionData> regions = RegionTable.read(write(HEADER, GOOD, GOOD2));
        assertEquals(2, regions.size());
        RegionData a = regions.get(0);
        assertEquals("RU-AA", a.code());
        assertEquals(1_000_000, a.population());
        assertEquals(0.28, a.men1859Share());
        assertEquals(List.of("Georgia", "Kazakhstan"), a.borderCountries());
        assertEquals(List.of(), regions.get(1).borderCountries());
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws Exception {
        Path f = write(HEADER, GOOD, GOOD2.replace("0.60", "abc"));
        assertEquals(f + ":3: column 'urban_share': must be a number in [0,1], got 'abc'", message(f));
    }

    @Test
    void shareAboveOneIsRejected() throws Exception {
        Path f = write(HEADER, GOOD.replace("0.1,2.5,Georgia", "1.5,2.5,Georgia"));
        assertEquals(f + ":2: column 'minority_share': must be a number in [0,1], got '1.5'", message(f));
    }

    @Test
    void notANumberWordsAreRejected() throws Exception {
        Path f = write(HEADER, GOOD.replace("0.28", "NaN"));
        assertEquals(f + ":2: column 'men_18_59_share': must be a number in [0,1], got 'NaN'", message(f));
    }

    @Test
    void populationMustBePositiveWholeNumber() throws Exception {
        Path zero = write(HEADER, GOOD.replace("1000000", "0"));
        assertEquals(zero + ":2: column 'population': must be a whole number >= 1, got '0'", message(zero));
        Path fraction = write(HEADER, GOOD.replace("1000000", "1000.5"));
        assertEquals(fraction + ":2: column 'population': must be a whole number >= 1, got '1000.5'", message(fraction));
    }

    @Test
    void duplicateCodeNamesBothLines() throws Exception {
        Path f = write(HEADER, GOOD, GOOD2, GOOD.replace("Alpha Oblast", "Alpha again"));
        assertEquals(f + ":4: region 'RU-AA': duplicate code (first on line 2)", message(f));
    }

    @Test
    void emptyNameIsRejected() throws Exception {
        Path f = write(HEADER, GOOD.replace("Alpha Oblast", ""));
        assertEquals(f + ":2: column 'name': must not be empty", message(f));
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        String header = HEADER.replace(",income_index", "");
        Path f = write(header, GOOD.replace(",1.0,", ","));
        assertEquals(f + ": missing column 'income_index'", message(f));
    }

    @Test
    void extraColumnIsNamed() throws Exception {
        Path f = write(HEADER + ",notes", GOOD + ",x");
        String m = message(f);
        assertTrue(m.startsWith(f + ": unknown column 'notes'"), m);
    }

    @Test
    void misspeltColumnGetsAHint() throws Exception {
        Path f = write(HEADER.replace("urban_share", "urban_shar"), GOOD);
        String m = message(f);
        assertTrue(m.startsWith(f + ": unknown column 'urban_shar' (did you mean 'urban_share'?)"), m);
    }

    @Test
    void wrongFieldCountIsRejected() throws Exception {
        Path f = write(HEADER, GOOD, "RU-CC,Gamma");
        assertEquals(f + ":3: expected 14 fields, got 2", message(f));
    }

    @Test
    void lineNumbersCountLinesInsideQuotedFields() throws Exception {
        // a source note spanning two lines pushes every later record one line down
        Path f = write(HEADER, GOOD.replace("\"pop: x; urban: y\"", "\"pop: x\nurban: y\""), GOOD2.replace("0.60", "x"));
        assertEquals(f + ":4: column 'urban_share': must be a number in [0,1], got 'x'", message(f));
    }

    @Test
    void missingFileIsReported() {
        Path f = dir.resolve("nope.csv");
        assertEquals(f + ": no such file", message(f));
    }

    @Test
    void errorKeepsLocationApart() throws Exception {
        Path f = write(HEADER, GOOD.replace("55.00", "north"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> RegionTable.read(f));
        assertEquals(f + ":2", e.location());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    private Path write(String... lines) throws IOException {
        Path f = Files.createTempFile(dir, "regions", ".csv");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static String message(Path f) {
        return assertThrows(ScenarioException.class, () -> RegionTable.read(f)).getMessage();
    }

    /** The shipped region codes, for the route table's tests. */
    static Set<String> shippedCodes() throws ScenarioException {
        return new HashSet<>(RegionTable.read(SHIPPED).stream().map(RegionData::code).toList());
    }
}
