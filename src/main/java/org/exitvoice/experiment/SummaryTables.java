package org.exitvoice.experiment;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * summary.csv (per point and metric: n, mean, sd and the 5/50/95 % quantiles over replications), sobol.csv and
 * morris.csv.
 */
public final class SummaryTables {
    private SummaryTables() {
    }

    /** The summary file. */
    public static final String SUMMARY = "summary.csv";
    /** The Sobol indices file (sobol designs only). */
    public static final String SOBOL = "sobol.csv";
    /** The elementary effects file (morris designs only). */
    public static final String MORRIS = "morris.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    // ten significant digits: as precise as a summary of a stochastic model needs, and readable
    private static final MathContext DIGITS = new MathContext(10);

    /** Writes summary.csv in long form: {@code point}, the factors, {@code metric,n,mean,sd,q05,q50,q95}. */
    public static void writeSummary(Path file, Results results, SampleStats[][] stats) throws IOException {
        Experiment x = results.experiment();
        DerivedFile.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                List<String> h = new ArrayList<>(List.of("point"));
                x.factors().forEach(f -> h.add(f.key()));
                h.addAll(List.of("metric", "n", "mean", "sd", "q05", "q50", "q95"));
                p.printRecord(h);
                for (Point pt : results.points()) {
                    for (int j = 0; j < x.metrics().size(); j++) {
                        SampleStats s = stats[pt.index()][j];
                        List<Object> row = new ArrayList<>(List.of(pt.index()));
                        pt.levels().forEach(l -> row.add(l.text()));
                        row.addAll(List.of(x.metrics().get(j).name(), s.n(), decimal(s.mean()), decimal(s.sd()),
                                decimal(s.q05()), decimal(s.q50()), decimal(s.q95())));
                        p.printRecord(row);
                    }
                }
            }
        });
    }

    /** S1 and ST of each metric and factor with 90 % bootstrap intervals, from the replications' mean at each point. */
    public static List<List<SobolIndices.Index>> sobol(Results results, SampleStats[][] stats) {
        Experiment x = results.experiment();
        int k = x.factors().size();
        List<List<SobolIndices.Index>> out = new ArrayList<>();
        for (int j = 0; j < x.metrics().size(); j++) {
            double[] f = new double[results.points().size()];
            for (int p = 0; p < f.length; p++) {
                f[p] = stats[p][j].mean();
            }
            // the bootstrap is seeded from the experiment: the same runs give the same intervals
            out.add(new SobolIndices(f, k).withIntervals(x.seed() + j));
        }
        return out;
    }

    /**
     * Writes sobol.csv: {@code metric,factor,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi,noise_share}, the noise share being the
     * metric's (the same on each of its rows; empty with one replication).
     */
    public static void writeSobol(Path file, Results results, List<List<SobolIndices.Index>> indices) throws IOException {
        Experiment x = results.experiment();
        DerivedFile.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                p.printRecord("metric", "factor", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi", "noise_share");
                for (int j = 0; j < x.metrics().size(); j++) {
                    String noise = fixed(results.noiseShare(j));
                    for (int i = 0; i < x.factors().size(); i++) {
                        SobolIndices.Index s = indices.get(j).get(i);
                        p.printRecord(x.metrics().get(j).name(), x.factors().get(i).key(), fixed(s.s1()), fixed(s.s1Lo()),
                                fixed(s.s1Hi()), fixed(s.st()), fixed(s.stLo()), fixed(s.stHi()), noise);
                    }
                }
            }
        });
    }

    /** Each metric's elementary effects per factor, from the replications' mean at each point. */
    public static List<List<ElementaryEffects.Effect>> morris(Results results, SampleStats[][] stats) {
        Experiment x = results.experiment();
        double[][] unit = ((Design.Morris) x.design()).unitRows(x.factors().size(), x.seed());
        List<List<ElementaryEffects.Effect>> out = new ArrayList<>();
        for (int j = 0; j < x.metrics().size(); j++) {
            double[] f = new double[results.points().size()];
            for (int p = 0; p < f.length; p++) {
                f[p] = stats[p][j].mean();
            }
            // the bootstrap is seeded from the experiment: the same runs give the same intervals
            out.add(new ElementaryEffects(unit, f).withIntervals(x.seed() + j));
        }
        return out;
    }

    /** Writes morris.csv: {@code metric,factor,n,mu_star,mu_star_lo,mu_star_hi,mu,sigma}. */
    public static void writeMorris(Path file, Experiment x, List<List<ElementaryEffects.Effect>> effects) throws IOException {
        DerivedFile.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                p.printRecord("metric", "factor", "n", "mu_star", "mu_star_lo", "mu_star_hi", "mu", "sigma");
                for (int j = 0; j < x.metrics().size(); j++) {
                    for (int i = 0; i < x.factors().size(); i++) {
                        ElementaryEffects.Effect e = effects.get(j).get(i);
                        p.printRecord(x.metrics().get(j).name(), x.factors().get(i).key(), e.n(), decimal(e.muStar()),
                                decimal(e.muStarLo()), decimal(e.muStarHi()), decimal(e.mu()), decimal(e.sigma()));
                    }
                }
            }
        });
    }

    /** Up to ten significant digits, plain notation; empty for NaN. */
    static String decimal(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        String s = new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Four decimals, for indices between 0 and 1; empty for NaN. */
    static String fixed(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;
    }
}
