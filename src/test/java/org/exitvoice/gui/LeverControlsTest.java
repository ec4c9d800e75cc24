package org.exitvoice.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.ScenarioInput;
import org.junit.jupiter.api.Test;

import sim.util.Interval;
import sim.util.Properties;

/** The Model tab's levers, read and moved through MASON's Properties the way the Console does (no display needed). */
class LeverControlsTest {
    private static final ScenarioInput INPUT = GuiScenarios.sep2022(2000, 5);

    static int index(Properties p, String name) {
        for (int i = 0; i < p.numProperties(); i++) {
            if (p.getName(i).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no property " + name);
    }

    static int route(String id) {
        for (int k = 0; k < INPUT.routes().size(); k++) {
            if (INPUT.routes().get(k).id().equals(id)) {
                return k;
            }
        }
        throw new AssertionError("no route " + id);
    }

    private final AtomicReference<ExitVoiceModel> running = new AtomicReference<>();
    private final LeverControls levers = new LeverControls(INPUT.scenario(), INPUT.routes(), running::get);
    private final Properties p = Properties.getProperties(levers);

    @Test
    void everyLeverIsASliderOverTheScenarioRangeOrACheckbox() {
        Interval misclassification = assertInstanceOf(Interval.class, p.getDomain(index(p, "Misclassification rate")));
        assertEquals(0.0, misclassification.getMin().doubleValue());
        assertEquals(1.0, misclassification.getMax().doubleValue());
        assertInstanceOf(Interval.class, p.getDomain(index(p, "Exit-list delay (days)")));
        assertEquals(int.class, p.getType(index(p, "Exit-list delay (days)")));
        assertEquals(boolean.class, p.getType(index(p, "Total exit ban")));
        // one checkbox per route, counted from the table
        long routeBoxes = java.util.stream.IntStream.range(0, p.numProperties())
                .filter(i -> p.getName(i).startsWith("Open: ")).count();
        assertEquals(INPUT.routes().size(), routeBoxes);
        assertEquals(0.1, (Double) p.getValue(index(p, "Misclassification rate")), 1e-12, "the scenario's value");
        assertFalse(p.isReadWrite(index(p, "Scale (persons per agent)")));
    }

    @Test
    void aValueAScenarioFileCouldNotHoldIsRefused() {
        int i = index(p, "Misclassification rate");
        p.setValue(i, 1.5);
        assertEquals(0.1, (Double) p.getValue(i), 1e-12);
        int delay = index(p, "Exit-list delay (days)");
        p.setValue(delay, (Object) 2.5); // a whole number of days only
        assertEquals(3, p.getValue(delay));
    }

    @Test
    void leversSetBetweenRunsApplyFromTheFirstDay() {
        p.setValue(index(p, "Enforcement intensity"), 0.2);
        p.setValue(index(p, "Open: Upper Lars (Georgia)"), false);
        ExitVoiceModel model = new ExitVoiceModel(INPUT.scenario(), INPUT.regions(), INPUT.routes(), 1);
        model.start();
        try {
            levers.applyPresets(model.levers());
            assertEquals(0.2, model.levers().intensity(), 1e-12);
            assertFalse(model.levers().routeOpen(route("upper-lars")));
            assertTrue(model.levers().routeOpen(route("karaozek")));
        } finally {
            model.finish();
        }
    }

    @Test
    void duringARunALeverIsWrittenIntoTheModelsLevers() {
        ExitVoiceModel model = new ExitVoiceModel(INPUT.scenario(), INPUT.regions(), INPUT.routes(), 1);
        model.start();
        running.set(model);
        try {
            model.schedule.step(model);
            p.setValue(index(p, "Exit-list coverage"), 0.9);
            p.setValue(index(p, "Quota skew"), 3.0);
            p.setValue(index(p, "Total exit ban"), true);
            p.setValue(index(p, "Police per 1,000 inhabitants"), "12");
            assertEquals(0.9, model.levers().exitListCoverage(), 1e-12);
            assertEquals(3.0, model.levers().quotaSkew(), 1e-12);
            assertTrue(model.levers().exitBan());
            assertEquals(12.0, model.levers().policePer1000(), 1e-12);
            model.schedule.step(model);
            // the next day saw them: nobody crosses under an exit ban
            assertEquals(0, model.reports().get(1).crossed());
            assertEquals(0.9, (Double) p.getValue(index(p, "Exit-list coverage")), 1e-12);
        } finally {
            running.set(null);
            model.finish();
        }
    }

    @Test
    void routeLabelsAreShort() {
        RouteData moscowIstanbul = INPUT.routes().get(route("mow-ist"));
        assertEquals("Moscow \u2192 Turkey", LeverControls.label(moscowIstanbul));
        assertEquals("Upper Lars (Georgia)", LeverControls.label(INPUT.routes().get(route("upper-lars"))));
    }
}
