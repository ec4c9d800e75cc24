package org.exitvoice.cli;

import org.exitvoice.bench.Benchmark;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code exitvoice bench}: the engine against an object-per-agent MASON version of the same rules and a bare pass over its arrays. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the engine against a plain object-per-agent MASON version with the same rules and "
                + "against a bare pass over the same arrays, in one process.",
                "Default scale 5 (about 8 M persons, a few minutes); --quick: scale 20 (under a minute)."})
public class BenchCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions options;

    @Option(names = "--quick", description = "Scale 20 instead of 5 (when --scale is not given).")
    boolean quick;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Timed repetitions of each implementation, on a fresh population each; the median is kept (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ScenarioException {
        Integer scale = options.scale() != null ? options.scale() : Integer.valueOf(quick ? 20 : 5);
        ScenarioInput in = ScenarioLoader.load(options.scenarioFile(), options.sets(),
                new ScenarioLoader.Overrides(options.seed(), scale, options.days()));
        // the engine, a second engine as the baseline's source, and the baseline's objects (~4x the arrays) at once
        ScenarioOptions.requireHeapFor(in, 5, Runtime.getRuntime().maxMemory());
        CommandLine cl = spec.commandLine();
        var out = ExitVoice.printStream(cl.getOut());
        var log = options.quiet() ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream())
                : ExitVoice.printStream(cl.getErr());
        if (repeat < 1) {
            throw new CommandLine.ParameterException(cl, "--repeat: must be at least 1, got " + repeat);
        }
        ExitVoice.warn(in.warnings(), ExitVoice.printStream(cl.getErr()));
        Benchmark.Result result = Benchmark.run(in, options.threads(), in.scenario().days(), repeat, log);
        Benchmark.print(result, out);
        return 0;
    }
}
