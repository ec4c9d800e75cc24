package org.exitvoice.experiment;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a sweep shows its progress on stderr: a redrawn bar with ETA on a terminal, a plain line every
 * {@link #PLAIN_EVERY_PERCENT} % in a log (the bar's carriage returns make a mess of files), or nothing.
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
    public static SweepProgress on(PrintStream err, boolean terminal) {
        return terminal ? bar(err) : lines(err);
    }

    /** A progress bar with elapsed time and ETA, redrawn in place. */
    public static SweepProgress bar(PrintStream err) {
        return new SweepProgress() {
            private ProgressBar bar;

            @Override
            public void start(long total, long alreadyDone) {
                bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                        .setConsumer(new ConsoleProgressBarConsumer(err))
                        .startsFrom(alreadyDone, Duration.ZERO).build();
            }

            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void close() {
                if (bar != null) {
                    bar.close();
                }
            }
        };
    }

    /** e.g. {@code sweep: 35% (875/2500 runs), 2m15s elapsed, about 4m10s left}, every few percent. */
    public static SweepProgress lines(PrintStream err) {
        return new SweepProgress() {
            private long total, startDone, done, t0;
            private int lastShown;

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
                    err.printf(Locale.ROOT, "sweep: %d%% (%d/%d runs), %s elapsed, about %s left%n", percent(), done, total,
                            duration(elapsed), duration(perRun * (total - done)));
                    err.flush();
                }
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
