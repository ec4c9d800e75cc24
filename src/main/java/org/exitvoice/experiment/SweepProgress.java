package org.exitvoice.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a long command (sweep, compare, validate, calibrate) shows its progress on stderr: a redrawn bar with ETA on a
 * terminal, a plain line every {@link #PLAIN_EVERY_PERCENT} % in a log (the bar's carriage returns and ANSI codes make
 * a mess of files), or nothing. {@link #onStderr} is the one rule every command uses to choose.
 */
public abstract class SweepProgress implements AutoCloseable {

    /** A plain line each time this many more percent of the runs are done. */
    public static final int PLAIN_EVERY_PERCENT = 5;

    /** The runs of this sweep, all told, and how many were already done (resumed). */
    public abstract void start(long total, long alreadyDone);

    /** One more run finished (thread-safe). */
    public abstract void step();

    @Override
    public abstract void close();

    /** A short note shown beside the count from now on, e.g. calibrate's best score so far (thread-safe). */
    public void note(String text) {
    }

    /**
     * What a command shows on stderr: nothing with {@code --quiet}; the redrawn bar only when stderr is a terminal, where
     * a person watches it; plain lines otherwise.
     *
     * @param task what runs, the lines' first word: {@code sweep}, {@code validate}
     * @param unit what is counted, plural: {@code runs}, {@code replications}
     */
    public static SweepProgress onStderr(PrintStream err, boolean quiet, String task, String unit) {
        return quiet ? none() : on(err, stderrIsTerminal(), task, unit);
    }

    /**
     * Whether stderr reaches a terminal: Java sees a console (stdin and stdout are terminals), and stderr is not
     * redirected on its own ({@code 2> log}), where the system shows it (Linux's /proc; elsewhere the console decides).
     */
    public static boolean stderrIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        try {
            return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true; // no /proc: the console is all we know
        }
    }

    /** Whether a file descriptor's target ({@code /dev/pts/3}, {@code /tmp/log}, {@code pipe:[123]}) is a terminal. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /** Nothing at all ({@code --quiet}). */
    public static SweepProgress none() {
        return new SweepProgress() {
            @Override
            public void start(long total, long alreadyDone) {
            }

            @Override
            public void step() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** The bar on a terminal, plain lines otherwise. */
    public static SweepProgress on(PrintStream err, boolean terminal, String task, String unit) {
        return terminal ? bar(err, task) : lines(err, task, unit);
    }

    /** A progress bar with elapsed time and ETA, redrawn in place. */
    public static SweepProgress bar(PrintStream err, String task) {
        return new SweepProgress() {
            private ProgressBar bar;

            @Override
            public void start(long total, long alreadyDone) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                        .setConsumer(new ConsoleProgressBarConsumer(err))
                        .startsFrom(alreadyDone, Duration.ZERO).build();
            }

            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void note(String text) {
                if (bar != null) {
                    bar.setExtraMessage(text);
                }
            }

            @Override
            public void close() {
                if (bar != null) {
                    bar.close();
                }
            }
        };
    }

    /** A sweep's plain lines. */
    public static SweepProgress lines(PrintStream err) {
        return lines(err, "sweep", "runs");
    }

    /**
     * e.g. {@code sweep: 35% (875/2500 runs), 2m15s elapsed, about 4m10s left}, every few percent, with the latest
     * {@link #note} at the end.
     */
    public static SweepProgress lines(PrintStream err, String task, String unit) {
        return new SweepProgress() {
            private long total, startDone, done, t0;
            private int lastShown;
            private String note = "";

            @Override
            public synchronized void start(long total, long alreadyDone) {
                this.total = total;
                this.startDone = alreadyDone;
                this.done = alreadyDone;
                this.t0 = System.nanoTime();
                this.lastShown = percent() / PLAIN_EVERY_PERCENT;
            }

            @Override
            public synchronized void step() {
                done++;
                int bucket = percent() / PLAIN_EVERY_PERCENT;
                if (bucket > lastShown) {
                    lastShown = bucket;
                    double elapsed = (System.nanoTime() - t0) / 1e9;
                    double perRun = elapsed / Math.max(1, done - startDone);
                    err.printf(Locale.ROOT, "%s: %d%% (%d/%d %s), %s elapsed, about %s left%s%n", task, percent(), done,
                            total, unit, duration(elapsed), duration(perRun * (total - done)), note);
                    err.flush();
                }
            }

            @Override
            public synchronized void note(String text) {
                note = text == null || text.isEmpty() ? "" : ", " + text;
            }

            private int percent() {
                return total == 0 ? 100 : (int) (100 * done / total);
            }

            @Override
            public void close() {
            }
        };
    }

    /** 42s, 3m05s, 1h02m. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
