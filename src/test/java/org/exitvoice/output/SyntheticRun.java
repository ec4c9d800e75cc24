package org.exitvoice.output;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RegionDay;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Tally;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.RouteData.Documents;
import org.exitvoice.scenario.RouteData.Mode;
import org.exitvoice.scenario.Scenario;

/** A small hand-made run (no model involved) for the output tests: plausible shapes, every column non-trivial. */
final class SyntheticRun {

    static final LocalDate START = LocalDate.of(2022, 9, 21);
    static final long TARGET = 3_000;

    /** Land Georgia, land Kazakhstan (closed from day 6), land Mongolia (capacity 0 throughout), air Turkey. */
    static final List<RouteData> ROUTES = List.of(
            new RouteData("GE-LARS", "Verkhny Lars", Mode.LAND, "RU-SE", 42.74, 44.63, "Georgia", 3_000,
                    Documents.INTERNAL, 5_000),
            new RouteData("KZ-KARAOZEK", "Karaozek", Mode.LAND, "RU-SAR", 50.9, 47.9, "Kazakhstan", 4_000,
                    Documents.INTERNAL, 4_000),
            new RouteData("MN-KYAKHTA", "Kyakhta", Mode.LAND, "RU-BU", 50.35, 106.45, "Mongolia", 0,
                    Documents.INTERNAL, 6_000),
            new RouteData("TR-AIR", "Moscow-Istanbul flights", Mode.AIR, "RU-MOW", 55.97, 37.41, "Turkey", 1_500,
                    Documents.INTERNATIONAL, 40_000));

    private SyntheticRun() {
    }

    /** A scenario record with only the fields the writers read; the parameter groups are left null. */
    static Scenario scenario(int days) {
        return scenario(START, days);
    }

    static Scenario scenario(LocalDate start, int days) {
        return new Scenario(start, days, 42L, 100, null, null, null, null, null, null, null, null, null, null, null,
                List.of());
    }

    static String yaml(int days) {
        return "start: " + START + "\ndays: " + days + "\nseed: 42\nscale: 100\n";
    }

    /** {@code regions} regions (codes R00, R01, ...) over {@code days} days, deterministic for a given seed. */
    static RunResult result(int regions, int days, long seed) {
        Random rnd = new Random(seed);
        long[] pop = new long[regions];
        long[] emig = new long[regions], mob = new long[regions], hide = new long[regions], det = new long[regions];
        for (int i = 0; i < regions; i++) {
            pop[i] = 20_000 + 1_000L * rnd.nextInt(40);
        }
        long[] queue = new long[ROUTES.size()];
        List<DayReport> reports = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            LocalDate date = START.plusDays(day);
            double wave = Math.exp(-Math.pow(day - 3, 2) / 8.0); // protests peak on day 3
            List<RegionDay> rs = new ArrayList<>();
            Tally nat = Tally.ZERO;
            long leaving = 0;
            for (int i = 0; i < regions; i++) {
                long summons = 20 + rnd.nextInt(30);
                long misdrafted = summons / 10;
                long reported = summons * 7 / 10;
                long departures = 10 + rnd.nextInt(20);
                long caught = rnd.nextInt(3);
                long protesters = Math.round(400 * wave * (1 + rnd.nextDouble()));
                long arrests = protesters / 8;
                long incidents = rnd.nextInt(10) < 2 ? 1 : 0;
                long turnedBack = day >= 6 ? rnd.nextInt(3) : 0;
                mob[i] += reported + caught;
                emig[i] += Math.max(0, departures - turnedBack - 5);
                hide[i] += summons / 5 - Math.min(hide[i], caught);
                det[i] = arrests / 3;
                long enRoute = 5 + turnedBack;
                long atHome = pop[i] - mob[i] - emig[i] - hide[i] - det[i] - enRoute;
                Tally t = new Tally(atHome, hide[i], enRoute, emig[i], mob[i], det[i], summons, reported, misdrafted,
                        caught, protesters, arrests, incidents, departures, turnedBack, 0);
                rs.add(new RegionDay(String.format(Locale.ROOT, "R%02d", i), pop[i], t));
                nat = nat.plus(t);
                leaving += departures;
            }
            List<RouteDay> routes = new ArrayList<>();
            long crossedAll = 0;
            for (int k = 0; k < ROUTES.size(); k++) {
                RouteData r = ROUTES.get(k);
                long capacity = r.id().equals("KZ-KARAOZEK") && day >= 6 ? 0 : r.capacityPerDay();
                long arriving = Math.round(leaving * (k + 1) * 200.0 / regions * Math.exp(-day / 6.0));
                long crossed = Math.min(capacity, queue[k] + arriving);
                queue[k] = capacity == 0 ? 0 : queue[k] + arriving - crossed;
                double wait = capacity == 0 ? Double.NaN : queue[k] * 24.0 / capacity;
                long turned = capacity == 0 ? arriving / 10 : 0;
                double price = 1 + 0.137 * Math.min(day, 5) + (r.mode() == Mode.AIR ? 2.5 * wave : 0);
                routes.add(new RouteDay(r.id(), r.destination(), r.mode().csvName(), capacity, queue[k], wait, crossed,
                        turned, price));
                crossedAll += crossed;
            }
            reports.add(new DayReport(day, date, nat, crossedAll, rs, routes));
        }
        return new RunResult(reports, TARGET, 1.234);
    }

    static RunOutputs outputs(int regions, int days) {
        return new RunOutputs(java.nio.file.Path.of("scenarios/test.yaml"), List.of(), scenario(days), yaml(days), ROUTES,
                result(regions, days, 7), 2, "0.0.0-test");
    }
}
