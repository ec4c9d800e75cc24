package org.exitvoice.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.exitvoice.scenario.ScenarioException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code exitvoice} command line: subcommands, exit codes (0 ok, 1 internal error, 2 bad input) and one-line errors. */
@Command(name = "exitvoice", mixinStandardHelpOptions = true, version = "exitvoice 0.1.0",
        description = "Agent-based model of how Russia's regions answered the 2022 mobilization.",
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1,
        subcommands = {RunCommand.class, GuiCommand.class, BenchCommand.class, ParamsCommand.class, SweepCommand.class, CompareCommand.class, PrimCommand.class, ValidateCommand.class, CalibrateCommand.class, CommandLine.HelpCommand.class})
public class ExitVoice implements Callable<Integer> {
    /** Set this environment variable to get stack traces of internal errors. */
    static final String DEBUG_ENV = "EXITVOICE_DEBUG";

    @Spec
    CommandSpec spec;

    /** No subcommand: show what there is, as bad input. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the handlers that turn every failure into one line on stderr and an exit code. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ExitVoice());
        cl.setParameterExceptionHandler(ExitVoice::badInput);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof ScenarioException bad) { // a bad scenario or data file is the user's input too
                err.println(bad.getMessage());
                err.flush();
                return cmd.getCommandSpec().exitCodeOnInvalidInput();
            }
            err.println("exitvoice: internal error: " + ex);
            if (System.getenv(DEBUG_ENV) != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return cmd.getCommandSpec().exitCodeOnExecutionException();
        });
        return cl;
    }

    /** One line, no usage dump: {@code exitvoice: --scale: must be a positive integer, got 0}. */
    private static int badInput(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("exitvoice: " + describe(ex));
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String describe(ParameterException ex) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.startsWith("-") && arg.length() > 1 && !isNumber(arg)) {
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> names = new ArrayList<>();
                spec.options().forEach(o -> names.addAll(List.of(o.names())));
                return "unknown option '" + option + "'" + ScenarioException.didYouMean(option, names);
            }
            if (!spec.subcommands().isEmpty()) {
                return "unknown command '" + arg + "'" + ScenarioException.didYouMean(arg, spec.subcommands().keySet());
            }
            return "unexpected argument '" + arg + "'";
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg == null && ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            arg = missing.getMissing().get(0);
        }
        String name = arg instanceof OptionSpec o ? o.longestName()
                : arg instanceof PositionalParamSpec p ? p.paramLabel() : null;
        if (ex.getCause() instanceof CommandLine.TypeConversionException bad && name != null) {
            return name + ": " + bad.getMessage();
        }
        if (ex instanceof CommandLine.MissingParameterException && name != null && arg.isOption()) {
            return name + ": needs a value";
        }
        String message = String.valueOf(ex.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static boolean isNumber(String s) {
        return s.matches("-\\d+(\\.\\d*)?");
    }

    /**
     * Prints a scenario's warnings ({@code FILE:LINE: warning: ...}), one a line, even with {@code --quiet}: they say
     * what the run will not do as its file says, which no progress line replaces.
     */
    static void warn(List<String> warnings, PrintStream err) {
        warnings.forEach(err::println);
        err.flush();
    }

    /**
     * A PrintStream onto one of picocli's writers, so that code written for streams (progress bars,
     * run logs) still prints where a test or an embedding program redirected the command's output.
     */
    static PrintStream printStream(PrintWriter writer) {
        OutputStream bytes = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
            private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);

            @Override
            public void write(int b) {
                pending.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                pending.write(b, off, len);
            }

            @Override
            public void flush() {
                ByteBuffer in = ByteBuffer.wrap(pending.toByteArray());
                CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
                utf8.decode(in, out, false); // keeps a split multi-byte character for the next flush
                out.flip();
                writer.append(out);
                writer.flush();
                pending.reset();
                pending.write(in.array(), in.position(), in.remaining());
            }

            @Override
            public void close() {
                flush();
            }
        };
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
