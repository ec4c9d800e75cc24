package org.exitvoice.gui;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.swing.JFrame;
import javax.swing.Timer;

import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioInput;

import sim.display.Console;
import sim.display.Controller;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.portrayal.Inspector;

/**
 * exitvoice in MASON's Console: the region map, the live charts and the levers. It only observes and draws; the
 * model is {@link ExitVoiceModel}, one schedule step per day.
 * <p>
 * Each run (play after stop) builds a fresh model with the Console's seed. After each day the model's thread copies
 * what the views need ({@link DayView}) into a queue; a Swing timer drains it 2.5 times a second, adds the points
 * to the charts and repaints, so drawing never holds up the model for more than one repaint per tick.
 */
public class ExitVoiceWithUI extends GUIState {
    /**
     * Milliseconds between redraws of the map and charts. Drawing the four charts takes CPU from the model: on two
     * cores a 200-day run without redraws was about a fifth faster than with four redraws a second.
     */
    static final int REDRAW_MS = 400;

    private final ScenarioInput input;
    private final int threads;
    private final LeverControls levers;
    private final ConcurrentLinkedQueue<DayView> finishedDays = new ConcurrentLinkedQueue<>();
    private volatile ExitVoiceModel running;
    private DayView lastObserved; // the model's thread only
    private RegionMap map;
    private LiveCharts charts;
    private JFrame mapFrame;
    private final List<JFrame> chartFrames = new ArrayList<>();
    private Timer redraw;
    private long runStarted;
    private volatile double lastRunSeconds = Double.NaN;

    /** The GUI for a loaded scenario, stepping regions on {@code threads} threads. */
    public ExitVoiceWithUI(ScenarioInput input, int threads) {
        super(model(input, input.scenario().seed(), threads));
        this.input = input;
        this.threads = threads;
        this.levers = new LeverControls(input.scenario(), input.routes(), () -> running);
    }

    private static ExitVoiceModel model(ScenarioInput input, long seed, int threads) {
        return new ExitVoiceModel(withSeed(input.scenario(), seed), input.regions(), input.routes(), threads);
    }

    /** The scenario with another seed (the Console's), every other value as it was. */
    static Scenario withSeed(Scenario s, long seed) {
        if (s.seed() == seed) {
            return s;
        }
        try {
            RecordComponent[] parts = Scenario.class.getRecordComponents();
            Object[] values = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = parts[i].getName().equals("seed") ? seed : parts[i].getAccessor().invoke(s);
            }
            return Scenario.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy the scenario with seed " + seed, e);
        }
    }

    /** The Console's title. */
    public static String getName() {
        return "exitvoice";
    }

    /** The Console's About tab. */
    public static Object getInfo() {
        return "<html><body style='font-family:sans-serif'><h2>exitvoice</h2>"
                + "<p>How Russia's regions answered the mobilization of 21 September 2022: men comply, hide, protest"
                + " or emigrate. One step is one day.</p>"
                + "<p><b>Model tab</b>: levers (enforcement, misclassification, exit lists, exit ban, routes,"
                + " police, quota skew); they take effect from the next day. Set while stopped, they apply from day 1."
                + "<br><b>Map</b>: colour by the chooser above it; double-click a region or a marker to inspect it."
                + "<br><b>Charts</b>: Export menu for PNG, SVG and CSV.</p>"
                + "<p>See docs/gui.md and docs/ODD.md.</p></body></html>";
    }

    @Override
    public Object getSimulationInspectedObject() {
        return levers;
    }

    @Override
    public int getMaximumPropertiesForInspector() {
        return 200; // all levers on one page (one checkbox per route)
    }

    /**
     * The Model tab, not volatile for MASON: the Console would update it after every day while holding the schedule,
     * which about doubled the time of a run; {@link #refreshViews} updates it with the map instead.
     */
    @Override
    public Inspector getInspector() {
        Inspector inspector = super.getInspector();
        if (inspector != null) {
            inspector.setVolatile(false);
        }
        return inspector;
    }

    /** The model of the run going on, or null when stopped. */
    public ExitVoiceModel runningModel() {
        return running;
    }

    /** The model of the current or last run. */
    public ExitVoiceModel model() {
        return (ExitVoiceModel) state;
    }

    /** Checkpoints are not supported: the Console's Open refuses them instead of half-loading a run. */
    @Override
    public boolean validSimState(SimState s) {
        return false;
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        map = new RegionMap(this, input.scenario(), input.regions(), input.routes());
        mapFrame = map.createFrame();
        c.registerFrame(mapFrame);
        mapFrame.setVisible(true);
        charts = new LiveCharts(input.scenario(), input.routes());
        for (JFrame f : charts.createFrames()) {
            chartFrames.add(f);
            c.registerFrame(f);
            f.setVisible(true);
        }
        redraw = new Timer(REDRAW_MS, e -> refreshViews());
        redraw.start();
    }

    @Override
    public void start() {
        runStarted = System.nanoTime();
        // a fresh model per run, with the seed the Console has just set on the old one
        state = model(input, state.seed(), threads);
        super.start();
        ExitVoiceModel m = model();
        levers.applyPresets(m.levers());
        finishedDays.clear();
        lastObserved = null;
        running = m;
        if (map != null) {
            map.start(m);
            charts.start();
        }
        scheduleRepeatingImmediatelyAfter((Steppable) this::observeDay);
    }

    /** On the model's thread, after each day: copy what the views need; end the run after the scenario's days. */
    private void observeDay(SimState s) {
        ExitVoiceModel m = (ExitVoiceModel) s;
        // MASON runs this after the empty step that ends a killed run too: observe each day once
        if (m.reports().isEmpty() || (lastObserved != null && lastObserved.report().day() == m.day() - 1)) {
            return;
        }
        lastObserved = DayView.observe(m, lastObserved);
        finishedDays.add(lastObserved);
        if (m.day() >= m.scenario().days()) {
            lastRunSeconds = (System.nanoTime() - runStarted) / 1e9;
            m.kill(); // the Console stops at its next step, as after any finished MASON run
        }
    }

    @Override
    public void finish() {
        super.finish();
        running = null;
        if (map != null) {
            refreshViews(); // the last days, even if the timer has not come round yet
        }
    }

    @Override
    public void quit() {
        super.quit();
        if (redraw != null) {
            redraw.stop();
        }
        if (mapFrame != null) {
            mapFrame.dispose();
        }
        chartFrames.forEach(JFrame::dispose);
        chartFrames.clear();
        mapFrame = null;
    }

    /** Swing's thread: hands the finished days to the map and charts and repaints them, if any day is new. */
    void refreshViews() {
        boolean any = false;
        for (DayView d = finishedDays.poll(); d != null; d = finishedDays.poll()) {
            map.observe(d);
            charts.observe(d);
            any = true;
        }
        if (any) {
            map.repaint();
            charts.redraw();
            // dated events move levers too (routes closing): show them
            if (controller instanceof Console console && console.getModelInspector() != null) {
                console.getModelInspector().updateInspector();
            }
        }
    }

    /**
     * Wall time of the last run that reached the scenario's last day, seconds: from building its model to the end of
     * that day, as {@code exitvoice run} reports it (NaN before any run got there).
     */
    public double lastRunSeconds() {
        return lastRunSeconds;
    }

    RegionMap map() {
        return map;
    }

    LiveCharts charts() {
        return charts;
    }

    /**
     * Places the Console, the map and the charts side by side on the screen (without a window manager, as under Xvfb,
     * every frame would open at the top left corner): Console left, map beside it, two charts right of the map and
     * two below it.
     */
    public void arrangeWindows(Console console, Rectangle screen) {
        int consoleWidth = Math.min(420, screen.width / 4);
        console.setBounds(screen.x, screen.y, consoleWidth, screen.height);
        mapFrame.pack();
        Dimension mapSize = mapFrame.getPreferredSize();
        int mapWidth = Math.min(mapSize.width, screen.width - consoleWidth);
        int mapHeight = Math.min(mapSize.height, screen.height * 2 / 3);
        int mapX = screen.x + consoleWidth;
        mapFrame.setBounds(mapX, screen.y, mapWidth, mapHeight);
        int rightX = mapX + mapWidth;
        int rightWidth = screen.x + screen.width - rightX;
        int belowHeight = screen.height - mapHeight;
        Rectangle[] slots;
        if (rightWidth >= 300) {
            slots = new Rectangle[] {
                    new Rectangle(rightX, screen.y, rightWidth, screen.height / 2),
                    new Rectangle(rightX, screen.y + screen.height / 2, rightWidth, screen.height - screen.height / 2),
                    new Rectangle(mapX, screen.y + mapHeight, mapWidth / 2, belowHeight),
                    new Rectangle(mapX + mapWidth / 2, screen.y + mapHeight, mapWidth - mapWidth / 2, belowHeight)};
        } else {
            // a small screen: the charts share the band below the map
            int w = (screen.width - consoleWidth) / 4;
            slots = new Rectangle[4];
            for (int i = 0; i < 4; i++) {
                slots[i] = new Rectangle(mapX + i * w, screen.y + mapHeight, w, belowHeight);
            }
        }
        for (int i = 0; i < chartFrames.size() && i < slots.length; i++) {
            chartFrames.get(i).setBounds(slots[i]);
        }
        charts.fitToWindows();
    }
}
