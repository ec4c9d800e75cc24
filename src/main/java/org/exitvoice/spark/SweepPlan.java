package org.exitvoice.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exitvoice.experiment.Design;
import org.exitvoice.experiment.Experiment;
import org.exitvoice.experiment.Factor;
import org.exitvoice.experiment.Metric;
import org.exitvoice.scenario.DataFiles;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;

/**
 * What every task of a Spark sweep needs, broadcast once: the experiment without its files. The executors have
 * neither the experiment file nor the scenario's {@code extends:} chain nor the data tables, so the plan carries the
 * resolved base scenario as YAML and the bytes of the region and route tables; {@link #materialize} writes them to a
 * local folder and reads the experiment back from there, once per executor JVM ({@link Workload}).
 *
 * @param id             the experiment's fingerprint (also the key of the executors' cache)
 * @param experimentName the experiment file's name
 * @param scenarioName   the scenario file's name (errors of a run name it)
 * @param scenarioYaml   the resolved base scenario, its tables named {@link #REGIONS} and {@link #ROUTES}
 */
record SweepPlan(String id, String experimentName, String scenarioName, String scenarioYaml, byte[] regions,
                 byte[] routes, Design design, int replications, long seed, boolean commonRandomNumbers, int scale,
                 int days, List<Factor> factors, List<Metric> metrics, List<String> timeseries) implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The region table's name beside the materialized scenario. */
    static final String REGIONS = "regions.csv";
    /** The route table's name beside the materialized scenario. */
    static final String ROUTES = "routes.csv";

    /** The plan of {@code x}, whose fingerprint is {@code hash}. */
    static SweepPlan of(Experiment x, String hash) throws IOException {
        Scenario s = x.base().scenario();
        String yaml = ScenarioLoader.toYaml(s.withData(new DataFiles(REGIONS, ROUTES)));
        String scenarioName = x.scenarioFile().getFileName().toString();
        if (scenarioName.equals(REGIONS) || scenarioName.equals(ROUTES)) {
            scenarioName = "scenario-" + scenarioName;
        }
        return new SweepPlan(hash, x.file().getFileName().toString(), scenarioName, yaml,
                Files.readAllBytes(Path.of(s.data().regions())), Files.readAllBytes(Path.of(s.data().routes())),
                x.design(), x.replications(), x.seed(), x.commonRandomNumbers(), x.scale(), x.days(), new ArrayList<>(x.factors()),
                new ArrayList<>(x.metrics()), new ArrayList<>(x.timeseries()));
    }

    /** Writes the scenario and its tables into {@code dir} and reads the experiment back from there. */
    Experiment materialize(Path dir) throws IOException, ScenarioException {
        Files.createDirectories(dir);
        Path scenario = dir.resolve(scenarioName);
        Files.writeString(scenario, scenarioYaml);
        Files.write(dir.resolve(REGIONS), regions);
        Files.write(dir.resolve(ROUTES), routes);
        ScenarioInput base = ScenarioLoader.load(scenario, List.of(), new ScenarioLoader.Overrides(seed, scale, days));
        return new Experiment(Path.of(experimentName), base, design, replications, seed, commonRandomNumbers, scale, days,
                factors, metrics, timeseries);
    }

    /**
     * Checks on the driver that {@code x} survives the trip: the materialized base scenario equals the original but for
     * where its tables are and the events after its last day (never happen, not written). A failure here is a bug (a
     * scenario key that does not read back), not the user's input.
     */
    void checkRoundTrip(Experiment x) throws IOException, ScenarioException {
        Path dir = Files.createTempDirectory("exitvoice-plan-");
        try {
            Experiment back = materialize(dir);
            Scenario original = x.base().scenario().withoutLateEvents(); // as the resolved YAML holds it
            if (!back.base().scenario().withData(original.data()).equals(original)
                    || !back.base().regions().equals(x.base().regions()) || !back.base().routes().equals(x.base().routes())
                    || !back.points().equals(x.points())) {
                throw new IllegalStateException("the experiment does not read back the same on the executors"
                        + " (resolved scenario written to " + dir + ")");
            }
        } finally {
            Workload.deleteTree(dir);
        }
    }
}
