package org.exitvoice.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exitvoice.model.HeapBudget;
import org.exitvoice.scenario.ProjectHome;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of every command that runs from a scenario (run, gui, validate, bench); a picocli mixin. {@code --out} is
 * not here: each command that writes a folder declares it with the default it uses, and one that writes none lacks it.
 */
public class ScenarioOptions {
    /** The scenario when none is named, in the project folder ({@link ProjectHome}). */
    public static final String DEFAULT_SCENARIO = "params/sep2022.yaml";

    /** Where outputs go when no {@code --out} is given, in the project folder ({@link ProjectHome}). */
    public static final String DEFAULT_OUTPUTS = "outputs";

    // no picocli defaultValue: a named file is the user's (relative to where they stand), the default is the project's
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario YAML file (default: " + DEFAULT_SCENARIO + " in the exitvoice folder).")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", converter = WholeNumber.class,
            description = "Random seed; wins over the file and --set seed.")
    Long seed;

    @Option(names = "--scale", paramLabel = "N", converter = PositiveInteger.class,
            description = "Persons per agent; wins over the file and --set scale.")
    Integer scale;

    @Option(names = "--days", paramLabel = "N", converter = PositiveInteger.class,
            description = "Simulated days; wins over the file and --set days.")
    Integer days;

    @Option(names = "--threads", paramLabel = "N", converter = PositiveInteger.class,
            description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one scenario value by its dotted path, e.g. --set draft.target=200000 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress bar or run log on stderr.")
    boolean quiet;

    /** The scenario file as typed, else {@link #DEFAULT_SCENARIO} in the project folder. */
    public Path scenarioFile() {
        return scenario != null ? scenario : ProjectHome.resolve(DEFAULT_SCENARIO);
    }

    /** The default output folder of a command: {@code outputs/NAME} in the project folder ({@link ProjectHome}). */
    static Path outputsFolder(String name) {
        return ProjectHome.resolve(DEFAULT_OUTPUTS).resolve(name);
    }

    /**
     * The output folder when {@code --out} is not given: {@code outputs/<scenario file name without .yaml><suffix>/} in
     * the project folder, e.g. {@code defaultOutDir("-validate")} gives {@code outputs/sep2022-validate/}.
     */
    public Path defaultOutDir(String suffix) {
        String name = scenarioFile().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return outputsFolder(name + suffix);
    }

    /** {@code --seed}, or null when not given. */
    public Long seed() {
        return seed;
    }

    /** {@code --scale}, or null when not given. */
    public Integer scale() {
        return scale;
    }

    /** {@code --days}, or null when not given. */
    public Integer days() {
        return days;
    }

    /** {@code --threads}, else the number of processors. */
    public int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The {@code --set key.path=value} overrides in the order given. */
    public List<String> sets() {
        return List.copyOf(sets);
    }

    /** {@code --quiet}: no progress bar. */
    public boolean quiet() {
        return quiet;
    }

    /** The dedicated flags as the loader takes them. */
    public ScenarioLoader.Overrides overrides() {
        return new ScenarioLoader.Overrides(seed, scale, days);
    }

    /** Reads and validates the scenario and its data tables, and checks one model of it fits in the heap; writes nothing. */
    public ScenarioInput load() throws ScenarioException {
        ScenarioInput in = ScenarioLoader.load(scenarioFile(), sets, overrides());
        requireHeapFor(in, 1, Runtime.getRuntime().maxMemory());
        return in;
    }

    /**
     * Refuses, before anything is allocated, a scale whose population cannot fit: one line naming the memory needed
     * and how to give Java more.
     */
    static void requireHeapFor(ScenarioInput in, int models, long maxHeap) throws ScenarioException {
        int scale = in.scenario().scale();
        if (HeapBudget.fits(in.regions(), scale, models, maxHeap)) {
            return;
        }
        long agents = HeapBudget.agents(in.regions(), scale);
        double needGb = HeapBudget.bytesNeeded(in.regions(), scale) * (double) models / (1L << 30);
        throw new ScenarioException("--scale", String.format(java.util.Locale.ROOT,
                "%d makes %,d agents and needs about %.1f GB of heap, but Java may use %.1f GB here "
                        + "(give it more with JAVA_OPTS=-Xmx%dg, or choose a larger --scale)",
                scale, agents, needGb, maxHeap / (double) (1L << 30), (long) Math.ceil(needGb) + 1));
    }

    /** A whole number for --seed: {@code must be an integer, got 'abc'}. */
    static final class WholeNumber implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be an integer, got " + shown(value));
            }
        }
    }

    /** A count such as --scale, --days, --threads: {@code must be a positive integer, got 0}. */
    static final class PositiveInteger implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be a positive integer, got " + shown(value));
            }
            if (n <= 0) {
                throw new TypeConversionException("must be a positive integer, got " + n);
            }
            return n;
        }
    }

    /** Numbers as typed, anything else quoted. */
    private static String shown(String value) {
        return value.strip().matches("-?\\d+(\\.\\d+)?") ? value.strip() : "'" + value + "'";
    }
}
