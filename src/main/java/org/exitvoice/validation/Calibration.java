package org.exitvoice.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.exitvoice.scenario.ParameterTable;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioLoader;

/**
 * Fits a plan's free parameters to its observations with CMA-ES (commons-math3): each evaluation runs the same
 * replications (common random numbers), only as many days as the observations need, and scores the objective on the
 * replications' mean.
 */
public final class Calibration {

    /** Score given to a point the scenario rejects (a cross-key check), so the search moves away from it. */
    static final double REJECTED = 1e6;

    /** Initial step of the search, as a share of each parameter's range. */
    static final double SIGMA = 0.25;

    /**
     * One model evaluation.
     *
     * @param index  1 for the start point, then in the order the optimizer asked
     * @param values parameter values, in plan order
     * @param score  the objective there
     * @param best   the lowest score so far
     */
    public record Evaluation(int index, double[] values, double score, double best) {
    }

    /**
     * The outcome: the best point found, its score, the start's score and every evaluation.
     */
    public record Fit(double[] values, double score, double startScore, List<Evaluation> trace) {
    }

    private final CalibrationPlan plan;
    private final Path scenarioFile;
    private final List<String> baseSets;
    private final List<RegionData> regions;
    private final List<RouteData> routes;
    private final List<Target> comparisons;
    private final Replications runs;
    private final long seed;
    private final Integer scale;
    private final int days;
    private final double[] start;
    private final double[] weights;

    /**
     * @param base        the scenario as the plan names it (its values give the start where the plan gives none)
     * @param baseSets    {@code --set} texts applied before the fitted values (e.g. a test's known truth)
     * @param comparisons the targets to fit, mapped
     */
    public Calibration(CalibrationPlan plan, Scenario base, List<String> baseSets, List<RegionData> regions,
                       List<RouteData> routes, List<Target> comparisons, Replications runs) {
        this.plan = plan;
        this.scenarioFile = plan.scenario();
        this.baseSets = List.copyOf(baseSets);
        this.regions = regions;
        this.routes = routes;
        this.comparisons = List.copyOf(comparisons);
        this.runs = runs;
        this.seed = plan.seed() != null ? plan.seed() : base.seed();
        this.scale = plan.scale();
        // a fit needs no day after its last observation: an in-sample fit runs 5 days, not 60
        this.days = Math.min(base.days(), Targets.daysNeeded(comparisons, base.start()));
        this.weights = weights(this.comparisons);
        this.start = new double[plan.parameters().size()];
        for (int i = 0; i < start.length; i++) {
            CalibrationPlan.FreeParameter p = plan.parameters().get(i);
            double v = p.start() != null ? p.start()
                    : ((Number) ParameterTable.row(p.key()).orElseThrow().valueIn(base)).doubleValue();
            start[i] = Math.max(p.min(), Math.min(p.max(), v));
        }
    }

    /** Days each evaluation simulates. */
    public int days() {
        return days;
    }

    /** The first replication's seed. */
    public long seed() {
        return seed;
    }

    /** The starting point, in plan order. */
    public double[] start() {
        return start.clone();
    }

    /** {@code key=value} texts for a point (after the base sets, so they win). */
    public List<String> sets(double[] values) {
        List<String> sets = new ArrayList<>(baseSets);
        for (int i = 0; i < values.length; i++) {
            CalibrationPlan.FreeParameter p = plan.parameters().get(i);
            sets.add(p.key() + "=" + p.format(values[i]));
        }
        return sets;
    }

    /** The objective at a point: the plan's replications, the fit's days, the plan's targets. */
    public double score(double[] values) throws ScenarioException {
        List<String> sets = sets(values);
        double[][] v = runs.measure(s -> ScenarioLoader.read(scenarioFile, sets, new ScenarioLoader.Overrides(s, scale, days)),
                seed, plan.replications(), regions, routes, comparisons, () -> { });
        ValidationTable t = ValidationTable.of(comparisons, v);
        if (plan.objective() == CalibrationPlan.Objective.ARD) {
            return t.ard(r -> true).value();
        }
        double sum = 0, total = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * t.rows().get(i).logError();
            total += weights[i];
        }
        return sum / total;
    }

    /**
     * Weights of the log objective, in three tiers: every kind of evidence (crossings, detentions, waits, fares, ...)
     * weighs the same; within a kind, every place the same; within a place, every date the same. So six daily counts
     * into Finland weigh as one place among the crossings, and eight regional detention counts do not outvote the
     * crossings by their number.
     */
    static double[] weights(List<Target> comparisons) {
        Map<Measure, Map<String, Integer>> kinds = new EnumMap<>(Measure.class);
        for (Target c : comparisons) {
            kinds.computeIfAbsent(c.measure(), m -> new HashMap<>()).merge(place(c), 1, Integer::sum);
        }
        double[] w = new double[comparisons.size()];
        for (int i = 0; i < w.length; i++) {
            Target c = comparisons.get(i);
            Map<String, Integer> places = kinds.get(c.measure());
            w[i] = 1.0 / kinds.size() / places.size() / places.get(place(c));
        }
        return w;
    }

    private static String place(Target c) {
        return c.place().scope() + " " + c.place().ids();
    }

    /**
     * Runs the search: the start point first, then CMA-ES on the parameters scaled to [0, 1] until the budget is
     * spent or the search has converged.
     *
     * @param onEach sees every evaluation as it is made (progress, trace)
     */
    public Fit fit(Consumer<Evaluation> onEach) throws ScenarioException {
        int d = start.length;
        List<Evaluation> trace = new ArrayList<>();
        double[] bestValues = start.clone();
        double[] best = {score(start)};
        double startScore = best[0];
        Evaluation first = new Evaluation(1, start.clone(), startScore, startScore);
        trace.add(first);
        onEach.accept(first);

        double[] lower = new double[d], upper = new double[d], sigma = new double[d];
        Arrays.fill(upper, 1);
        Arrays.fill(sigma, SIGMA);
        ScenarioException[] failed = {null};
        ObjectiveFunction objective = new ObjectiveFunction(x -> {
            double[] values = values(x);
            double s;
            try {
                // CMA-ES evaluates its initial guess first: the same point and seeds give the same score, so reuse it
                s = isStart(values) ? startScore : score(values);
            } catch (ScenarioException e) {
                failed[0] = e; // remembered: if nothing works, the user sees why
                s = REJECTED;
            }
            if (s < best[0]) {
                best[0] = s;
                System.arraycopy(values, 0, bestValues, 0, d);
            }
            Evaluation ev = new Evaluation(trace.size() + 1, values, s, best[0]);
            trace.add(ev);
            onEach.accept(ev);
            return s;
        });
        int lambda = 4 + (int) Math.floor(3 * Math.log(d)); // CMA-ES's default population
        CMAESOptimizer cma = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(seed), false, null);
        if (plan.budget() > 1) {
            try {
                cma.optimize(new MaxEval(plan.budget() - 1), objective, GoalType.MINIMIZE, new InitialGuess(normalised(start)),
                        new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigma),
                        new CMAESOptimizer.PopulationSize(lambda));
            } catch (TooManyEvaluationsException spent) {
                // the budget is the stopping rule
            }
        }
        if (best[0] >= REJECTED && failed[0] != null) {
            throw failed[0];
        }
        return new Fit(bestValues, best[0], startScore, trace);
    }

    /** Whether a point is the start, up to the rounding of scaling to [0, 1] and back. */
    private boolean isStart(double[] values) {
        for (int i = 0; i < values.length; i++) {
            CalibrationPlan.FreeParameter p = plan.parameters().get(i);
            if (Math.abs(values[i] - start[i]) > 1e-9 * (p.max() - p.min())) {
                return false;
            }
        }
        return true;
    }

    /** Parameter values for a point of [0, 1]^d (clamped: the optimizer may step a hair outside). */
    double[] values(double[] x) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            CalibrationPlan.FreeParameter p = plan.parameters().get(i);
            double u = Math.max(0, Math.min(1, x[i]));
            v[i] = p.min() + u * (p.max() - p.min());
            if (p.integral()) {
                v[i] = Math.rint(v[i]);
            }
        }
        return v;
    }

    private double[] normalised(double[] v) {
        double[] x = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            CalibrationPlan.FreeParameter p = plan.parameters().get(i);
            x[i] = (v[i] - p.min()) / (p.max() - p.min());
        }
        return x;
    }

    /** One line per parameter: key, start, fitted value, bounds, and a flag when the value ended at a bound. */
    public List<String> describe(Fit fit) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < start.length; i++) {
            CalibrationPlan.FreeParameter p = plan.parameters().get(i);
            out.add(String.format(Locale.ROOT, "  %-32s %10s -> %-10s [%s, %s]%s", p.key(), p.format(start[i]),
                    p.format(fit.values()[i]), p.format(p.min()), p.format(p.max()),
                    atBound(p, fit.values()[i]) ? "  AT A BOUND" : ""));
        }
        return out;
    }

    /**
     * Whether a fitted value ended within 1 % of the range from a bound: the targets want more than this mechanism
     * can give, which points at a missing mechanism elsewhere rather than at a value to accept.
     */
    public static boolean atBound(CalibrationPlan.FreeParameter p, double v) {
        double margin = 0.01 * (p.max() - p.min());
        return v <= p.min() + margin || v >= p.max() - margin;
    }
}
