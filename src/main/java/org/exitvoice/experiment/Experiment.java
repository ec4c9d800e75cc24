package org.exitvoice.experiment;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.exitvoice.scenario.ScenarioInput;

/**
 * A parameter experiment, read and checked: the base scenario (with its data tables, read once and shared by every
 * run), the design over the factors, replications per point, the base seed, and the metrics to collect.
 *
 * @param file         the experiment file as the user typed it
 * @param base         the base scenario at the experiment's scale and days, with its region and route tables
 * @param design       how points are chosen
 * @param replications runs per point
 * @param seed         the base seed every run's seed is derived from
 * @param commonRandomNumbers whether points share their replications' seeds ({@link Design#seedGroup}) rather than
 *                     each point having its own
 * @param scale        persons per agent in every run
 * @param days         simulated days in every run
 * @param factors      the varied keys, in file order
 * @param metrics      what is collected from each run
 * @param timeseries   national columns written per run and day to timeseries.csv (empty: no file)
 */
public record Experiment(Path file, ScenarioInput base, Design design, int replications, long seed,
                         boolean commonRandomNumbers, int scale, int days,
                         List<Factor> factors, List<Metric> metrics, List<String> timeseries) {

    /** The resolved base scenario's file name in a sweep folder, beside experiment.yaml. */
    public static final String SAVED_SCENARIO = "scenario.yaml";

    public Experiment {
        factors = List.copyOf(factors);
        metrics = List.copyOf(metrics);
        timeseries = List.copyOf(timeseries);
    }

    /** The same experiment with {@code r} replications a point: what a sweep extended by replications was before. */
    public Experiment withReplications(int r) {
        return new Experiment(file, base, design, r, seed, commonRandomNumbers, scale, days, factors, metrics, timeseries);
    }

    /**
     * The same experiment over these factors and this design: what a sweep extended by new levels was before (its
     * runs are matched to this experiment's points by their factors' values).
     */
    public Experiment withPoints(Design d, List<Factor> f) {
        return new Experiment(file, base, d, replications, seed, commonRandomNumbers, scale, days, f, metrics, timeseries);
    }

    /** The file name without {@code .yaml}: the default output folder's name. */
    public String name() {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    /** The scenario file, as the user sees it (relative to the experiment file's folder, normalised). */
    public Path scenarioFile() {
        return base.file();
    }

    /**
     * The experiment with everything resolved (command-line overrides included), as YAML: written beside the
     * results and hashed, so a resumed sweep can tell whether it is still the same experiment.
     */
    public String yaml() {
        return yaml("", scenarioPath());
    }

    /**
     * The effective experiment as a sweep saves it beside its results: {@link #yaml()} with the scenario named as the
     * resolved copy saved beside it ({@code scenario.yaml}), so that {@code exitvoice sweep OUT/experiment.yaml} runs as
     * written from anywhere, and runs exactly the scenario the sweep ran even if its source is edited or moved later.
     */
    public String savedYaml() {
        return yaml("# base scenario: " + scenarioPath() + ", resolved and saved beside this file as " + SAVED_SCENARIO
                + "\n", SAVED_SCENARIO);
    }

    private String scenarioPath() {
        return scenarioFile().toString().replace('\\', '/');
    }

    private String yaml(String note, String scenario) {
        StringBuilder y = new StringBuilder();
        y.append("# exitvoice experiment, effective (command-line overrides applied)\n");
        y.append(note);
        y.append("scenario: ").append(quote(scenario)).append('\n');
        y.append("design: ").append(design.yaml()).append('\n');
        y.append("replications: ").append(replications).append('\n');
        y.append("seed: ").append(seed).append('\n');
        y.append("commonRandomNumbers: ").append(commonRandomNumbers).append('\n');
        y.append("scale: ").append(scale).append('\n');
        y.append("days: ").append(days).append('\n');
        y.append("factors:\n");
        for (Factor f : factors) {
            y.append("  ").append(f.key()).append(": ");
            if (f.isRange()) {
                y.append("{min: ").append(number(f.min())).append(", max: ").append(number(f.max()));
                if (f.steps() > 0) {
                    y.append(", steps: ").append(f.steps());
                }
                y.append("}\n");
            } else {
                y.append(f.levels().stream().map(l -> l.numeric() || l.text().equals("null") ? l.text() : quote(l.text()))
                        .collect(Collectors.joining(", ", "[", "]"))).append('\n');
            }
        }
        y.append("metrics: ").append(metrics.stream().map(m -> quote(m.expression()))
                .collect(Collectors.joining(", ", "[", "]"))).append('\n');
        if (!timeseries.isEmpty()) {
            y.append("timeseries: [").append(String.join(", ", timeseries)).append("]\n");
        }
        return y.toString();
    }

    /**
     * The seed of a run: from (base seed, point, replication) alone, so results do not depend on threads or order;
     * with common random numbers the point's seed group stands in for the point.
     */
    public long seedOf(Point point, int replication) {
        return RunSeed.of(seed, commonRandomNumbers ? design.seedGroup(point, factors.size()) : point.index(), replication);
    }

    /** How the runs' seeds are chosen, in words (for refusals and reports). */
    public String seeding() {
        return seeding(commonRandomNumbers, design);
    }

    /** How runs are seeded with or without common random numbers in {@code design}, in words. */
    public static String seeding(boolean commonRandomNumbers, Design design) {
        return commonRandomNumbers ? "common random numbers, " + design.sharedSeeds() : "a seed of its own for every point";
    }

    /** The points of the design. */
    public List<Point> points() {
        return design.points(factors, seed);
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
