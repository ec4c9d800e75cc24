package org.exitvoice.cli;

import java.util.concurrent.Callable;

import org.exitvoice.scenario.ParameterTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exitvoice params}: every scenario key with type, range, default, unit, meaning and source. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = "List every scenario key: type, range, default, unit, meaning, source.")
public class ParamsCommand implements Callable<Integer> {
    @Option(names = "--markdown", description = "Print a Markdown table (as in docs/ODD.md).")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(markdown ? ParameterTable.markdown() : ParameterTable.text());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
