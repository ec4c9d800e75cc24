package org.exitvoice.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exitvoice run}: one simulation of a scenario, outputs written to its folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one simulation of a scenario and write its outputs.")
public class RunCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: outputs/<scenario name>/ in the exitvoice folder).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ScenarioException {
        // load and validate first: a bad scenario must leave no output folder behind
        ScenarioInput input = options.load();
        CommandLine cl = spec.commandLine();
        Runs.run(input, options, outDir(), ExitVoice.printStream(cl.getOut()), ExitVoice.printStream(cl.getErr()));
        return 0;
    }

    /** {@code --out}, else {@code outputs/<scenario file name without .yaml>/} in the project folder. */
    Path outDir() {
        return out != null ? out : options.defaultOutDir("");
    }
}
