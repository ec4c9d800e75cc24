package org.exitvoice.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.exitvoice.model.RunResult;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;

/**
 * Everything {@link RunWriter} needs to write one run's folder.
 *
 * @param scenarioFile the scenario file as given (null when the run used the defaults only)
 * @param sets         the {@code --set key=value} overrides applied on top of it, as given, in order (empty: none)
 * @param scenario     the resolved scenario the run used
 * @param resolvedYaml the resolved scenario as YAML text: written as scenario.yaml and hashed into the manifest
 * @param routes       the route table (names the crossings in the charts); may be empty
 * @param result       the finished run
 * @param threads      worker threads of the run
 * @param version      exitvoice version (null: the jar's Implementation-Version or {@link Manifest#FALLBACK_VERSION})
 * @param warnings     the scenario's warnings, as printed on stderr (the report repeats them)
 */
public record RunOutputs(Path scenarioFile, List<String> sets, Scenario scenario, String resolvedYaml, List<RouteData> routes,
                         RunResult result, int threads, String version, List<String> warnings) {
    public RunOutputs {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(resolvedYaml, "resolvedYaml");
        Objects.requireNonNull(result, "result");
        sets = sets == null ? List.of() : List.copyOf(sets);
        routes = routes == null ? List.of() : List.copyOf(routes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A run without overrides or warnings. */
    public RunOutputs(Path scenarioFile, Scenario scenario, String resolvedYaml, List<RouteData> routes,
                      RunResult result, int threads, String version) {
        this(scenarioFile, List.of(), scenario, resolvedYaml, routes, result, threads, version, List.of());
    }

    /** A run without warnings. */
    public RunOutputs(Path scenarioFile, List<String> sets, Scenario scenario, String resolvedYaml, List<RouteData> routes,
                      RunResult result, int threads, String version) {
        this(scenarioFile, sets, scenario, resolvedYaml, routes, result, threads, version, List.of());
    }
}
