package org.exitvoice.gui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.model.Levers;
import org.exitvoice.scenario.Param;
import org.exitvoice.scenario.ParameterTable;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioValidator;

import sim.util.Interval;
import sim.util.Propertied;
import sim.util.Properties;

/**
 * The Console's Model tab: the levers a person may move during a run, as sliders and checkboxes.
 * <p>
 * While a run is going, a moved lever is written into the model's {@link Levers}, which the model reads at the start
 * of each day, so it takes effect from the next day and sticks until a dated event sets it again. While no run is
 * going, the tab shows what the next run starts with: the scenario's values, or what the person set since.
 * Every number is checked by {@link ScenarioValidator#checkLever}, with the same ranges as a scenario file, and the
 * sliders span exactly those ranges.
 */
public final class LeverControls implements Propertied {
    /** One numeric lever: its scenario key, how it reads and writes the model's levers. */
    private record NumericLever(String name, String key, boolean whole, ToDoubleFunction<Levers> get,
                                BiConsumer<Levers, Double> set) {
    }

    private static final List<NumericLever> NUMERIC = List.of(
            new NumericLever("Enforcement intensity", "enforcement.intensity", false,
                    Levers::intensity, Levers::setIntensity),
            new NumericLever("Misclassification rate", "draft.misclassification", false,
                    Levers::misclassification, Levers::setMisclassification),
            new NumericLever("Exit-list coverage", "exitList.coverage", false,
                    Levers::exitListCoverage, Levers::setExitListCoverage),
            new NumericLever("Exit-list delay (days)", "exitList.delayDays", true,
                    l -> l.exitListDelayDays(), (l, v) -> l.setExitListDelayDays((int) Math.round(v))),
            new NumericLever("Police per 1,000 inhabitants", "protest.policePer1000", false,
                    Levers::policePer1000, Levers::setPolicePer1000),
            new NumericLever("Quota skew", "draft.quotaSkew", false,
                    Levers::quotaSkew, Levers::setQuotaSkew));

    private final Scenario scenario;
    private final List<RouteData> routes;
    private final Supplier<ExitVoiceModel> running;
    private final double[] presetNumber = new double[NUMERIC.size()];
    private Boolean presetExitBan;
    private final Boolean[] presetRouteOpen;
    private final Properties properties;

    /**
     * Levers for runs of {@code scenario} over {@code routes}; {@code running} gives the model of the run going on,
     * or null between runs.
     */
    LeverControls(Scenario scenario, List<RouteData> routes, Supplier<ExitVoiceModel> running) {
        this.scenario = scenario;
        this.routes = List.copyOf(routes);
        this.running = running;
        Arrays.fill(presetNumber, Double.NaN);
        presetRouteOpen = new Boolean[routes.size()];
        properties = new LeverProperties(); // after the fields it reads
    }

    @Override
    public Properties properties() {
        return properties;
    }

    /** Writes what the person set between runs into a fresh model's levers (called right after its start()). */
    void applyPresets(Levers levers) {
        for (int i = 0; i < NUMERIC.size(); i++) {
            if (!Double.isNaN(presetNumber[i])) {
                NUMERIC.get(i).set().accept(levers, presetNumber[i]);
            }
        }
        if (presetExitBan != null) {
            levers.setExitBan(presetExitBan);
        }
        for (int k = 0; k < presetRouteOpen.length; k++) {
            if (presetRouteOpen[k] != null) {
                levers.setRouteOpen(k, presetRouteOpen[k]);
            }
        }
    }

    /** A route's name without airport codes and notes, e.g. "Moscow - Istanbul/Antalya". */
    static String shortName(RouteData r) {
        String s = r.name().replaceAll("\\s*\\([^)]*\\)", "");
        int comma = s.indexOf(',');
        return (comma < 0 ? s : s.substring(0, comma)).strip();
    }

    /** A short label: "Upper Lars (Georgia)" for a crossing, "Moscow \u2192 Turkey" for flights. */
    static String label(RouteData r) {
        String from = shortName(r).split(" - ")[0].strip();
        String to = r.destination().equals("United Arab Emirates") ? "UAE" : r.destination(); // the Model tab is narrow
        return r.mode() == RouteData.Mode.AIR ? from + " \u2192 " + to : from + " (" + to + ")";
    }

    private static Param param(String key) {
        return ParameterTable.row(key).map(ParameterTable.Row::param)
                .orElseThrow(() -> new IllegalStateException("no scenario key " + key));
    }

    private double scenarioValue(NumericLever l) {
        Object v = ParameterTable.row(l.key()).orElseThrow().valueIn(scenario);
        return ((Number) v).doubleValue();
    }

    /** The properties MASON's inspector shows: the numeric levers, the exit ban, one checkbox per route, then facts. */
    private final class LeverProperties extends Properties {
        private static final long serialVersionUID = 1L;

        private final int exitBan = NUMERIC.size();
        private final int firstRoute = exitBan + 1;
        private final int scale = firstRoute + routes.size();
        private final int days = scale + 1;

        @Override
        public boolean isVolatile() {
            // MASON's meaning: whether the list of properties changes. It does not (only values do); saying yes
            // would make the inspector rebuild every widget at each update
            return false;
        }

        @Override
        public int numProperties() {
            return days + 1;
        }

        @Override
        public String getName(int i) {
            if (i < exitBan) {
                return NUMERIC.get(i).name();
            }
            if (i == exitBan) {
                return "Total exit ban";
            }
            if (i < scale) {
                return "Open: " + label(routes.get(i - firstRoute));
            }
            return i == scale ? "Scale (persons per agent)" : "Days";
        }

        @Override
        @SuppressWarnings("rawtypes") // MASON's signature
        public Class getType(int i) {
            if (i < exitBan) {
                return NUMERIC.get(i).whole() ? int.class : double.class;
            }
            return i < scale ? boolean.class : int.class;
        }

        @Override
        public boolean isReadWrite(int i) {
            return i < scale;
        }

        @Override
        public Object getDomain(int i) {
            if (i >= exitBan) {
                return null;
            }
            NumericLever l = NUMERIC.get(i);
            Param p = param(l.key());
            if (!Double.isFinite(p.min()) || !Double.isFinite(p.max())) {
                return null; // no slider without both ends
            }
            return l.whole() ? new Interval((long) p.min(), (long) p.max()) : new Interval(p.min(), p.max());
        }

        @Override
        public String getDescription(int i) {
            if (i < exitBan) {
                NumericLever l = NUMERIC.get(i);
                return "<html>" + param(l.key()).doc() + "<br>Scenario key <tt>" + l.key() + "</tt>, "
                        + ParameterTable.row(l.key()).orElseThrow().range() + "; takes effect from the next day.</html>";
            }
            if (i == exitBan) {
                return "Men may leave by no route (as the exitBan event); takes effect from the next day.";
            }
            if (i < scale) {
                RouteData r = routes.get(i - firstRoute);
                return "<html>" + r.name() + " to " + r.destination() + " (" + r.mode().csvName()
                        + "). Unticked: closed to emigrants from the next day, its queue sent home.<br>"
                        + "Dated events in the scenario may open or close it again.</html>";
            }
            return i == scale ? "From the scenario or --scale; fixed for the session." : "Simulated days of a run.";
        }

        @Override
        public Object getValue(int i) {
            ExitVoiceModel model = running.get();
            Levers levers = model == null ? null : model.levers();
            if (i < exitBan) {
                NumericLever l = NUMERIC.get(i);
                double v = levers != null ? l.get().applyAsDouble(levers)
                        : !Double.isNaN(presetNumber[i]) ? presetNumber[i] : scenarioValue(l);
                return l.whole() ? (Object) (int) Math.round(v) : (Object) v;
            }
            if (i == exitBan) {
                return levers != null ? levers.exitBan() : presetExitBan != null && presetExitBan;
            }
            if (i < scale) {
                int k = i - firstRoute;
                return levers != null ? levers.routeOpen(k) : presetRouteOpen[k] == null || presetRouteOpen[k];
            }
            return i == scale ? scenario.scale() : scenario.days();
        }

        @Override
        protected Object _setValue(int i, Object value) {
            if (!isReadWrite(i)) {
                return getValue(i);
            }
            ExitVoiceModel model = running.get();
            if (i < exitBan) {
                NumericLever l = NUMERIC.get(i);
                double v;
                try {
                    v = number(value);
                    ScenarioValidator.checkLever(l.key(), v);
                } catch (ScenarioException | NumberFormatException e) {
                    // the field snaps back to the current value; say why where the person started the program
                    System.err.println("exitvoice: lever not moved: " + e.getMessage());
                    return getValue(i);
                }
                if (model != null) {
                    // between two days: the schedule lock is held while a day is stepped
                    synchronized (model.schedule) {
                        l.set().accept(model.levers(), v);
                    }
                } else {
                    presetNumber[i] = v;
                }
            } else {
                boolean on = value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value).strip());
                if (model != null) {
                    synchronized (model.schedule) {
                        if (i == exitBan) {
                            model.levers().setExitBan(on);
                        } else {
                            model.levers().setRouteOpen(i - firstRoute, on);
                        }
                    }
                } else if (i == exitBan) {
                    presetExitBan = on;
                } else {
                    presetRouteOpen[i - firstRoute] = on;
                }
            }
            return getValue(i);
        }

        private double number(Object value) {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            return Double.parseDouble(String.valueOf(value).strip().replace(",", ""));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Levers (%d numbers, exit ban, %d routes)", NUMERIC.size(), routes.size());
    }
}
