package org.exitvoice.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.scenario.ScenarioInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sim.display.Console;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.util.Bag;
import sim.util.Properties;

/**
 * The GUI in MASON's Console, driven as a person would: step, move a lever, inspect a region, take a snapshot,
 * restart. Needs a display (CI runs it under Xvfb); skipped without one.
 */
class ExitVoiceWithUITest {
    private static void onSwing(Runnable r) throws InterruptedException {
        GuiSession.onSwing(r);
    }

    @Test
    void theConsoleStepsDaysMovesLeversInspectsRegionsAndTakesASnapshot(@TempDir Path dir) throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run -a mvn test)");
        ScenarioInput input = GuiScenarios.sep2022(1000, 30);
        GuiSession session = GuiSession.open(input, 2);
        try {
            Console console = session.console();
            onSwing(console::pressPause); // from stopped: a new run, paused
            for (int d = 0; d < 5; d++) {
                onSwing(console::pressPlay); // while paused, play steps one day
            }
            ExitVoiceModel model = session.gui().runningModel();
            assertNotNull(model);
            assertEquals(5, model.day());

            // a lever moved through the inspector's properties reaches the model's levers
            Properties levers = Properties.getProperties(session.gui().getSimulationInspectedObject());
            int misclassification = LeverControlsTest.index(levers, "Misclassification rate");
            int upperLars = LeverControlsTest.index(levers, "Open: Upper Lars (Georgia)");
            onSwing(() -> {
                levers.setValue(misclassification, 0.35);
                levers.setValue(upperLars, false);
                levers.setValue(misclassification, 1.5); // out of the scenario range: refused
            });
            assertEquals(0.35, model.levers().misclassification(), 1e-12);
            assertFalse(model.levers().routeOpen(LeverControlsTest.route("upper-lars")));
            onSwing(console::pressPlay);
            assertEquals(6, model.day());
            assertEquals(0.35, model.levers().misclassification(), 1e-12, "kept by the next day");

            // the map got the days; a click on a region's tile finds it, and its inspector has its quota and routes
            onSwing(session.gui()::refreshViews);
            RegionMap map = session.gui().map();
            assertEquals(5, map.shown().report().day());
            int moscow = 0;
            while (!input.regions().get(moscow).code().equals("RU-MOW")) {
                moscow++;
            }
            TileLayout layout = map.layout();
            double scale = map.display().getScale();
            Point2D.Double centre = new Point2D.Double((layout.column(moscow) + 0.5) * RegionMap.CELL * scale,
                    (layout.row(moscow) + RegionMap.TITLE_ROWS + 0.3) * RegionMap.CELL * scale);
            RegionTile tile = null;
            LocationWrapper wrapper = null;
            for (Bag hits : map.display().objectsHitBy(centre)) {
                for (Object o : hits) {
                    if (o instanceof LocationWrapper w && w.getObject() instanceof RegionTile t) {
                        tile = t;
                        wrapper = w;
                    }
                }
            }
            assertNotNull(tile, "no tile under Moscow's square");
            assertEquals(moscow, tile.index());
            LocationWrapper hit = wrapper;
            Inspector[] inspector = new Inspector[1];
            onSwing(() -> inspector[0] = hit.getFieldPortrayal().getInspector(hit, session.gui()));
            assertNotNull(inspector[0]);
            Properties facts = Properties.getProperties(tile);
            assertTrue((Long) facts.getValue(LeverControlsTest.index(facts, "Quota (persons)")) > 0);
            int routeRows = 0;
            for (int i = 0; i < facts.numProperties(); i++) {
                routeRows += facts.getName(i).startsWith("Route: ") ? 1 : 0;
            }
            assertEquals(model.reachableRoutes(moscow).length, routeRows);
            assertTrue(routeRows > 0);

            // the snapshot shows the map and charts: many colours, not a blank screen
            Path png = dir.resolve("gui.png");
            session.screenshot(png);
            BufferedImage image = ImageIO.read(png.toFile());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertTrue(colours.size() >= 12, "only " + colours.size() + " colours on screen");

            // stop and play again: a fresh model from day 0, with the scenario's levers
            onSwing(console::pressStop);
            onSwing(console::pressPause);
            ExitVoiceModel second = session.gui().runningModel();
            assertNotSame(model, second);
            assertEquals(0, second.day());
            assertEquals(0.1, second.levers().misclassification(), 1e-12);
            assertTrue(second.levers().routeOpen(LeverControlsTest.route("upper-lars")));

            // a whole run: it pauses after its last day; the step that follows ends it, and every chart holds
            // exactly one point per day
            onSwing(console::pressStop);
            double seconds = session.runToEnd(60);
            assertTrue(seconds > 0);
            assertEquals(30, session.gui().runningModel().day());
            onSwing(console::pressPlay);
            assertEquals(Console.PS_STOPPED, console.getPlayState());
            onSwing(session.gui()::refreshViews);
            for (String chart : LiveCharts.NAMES) {
                var data = session.gui().charts().chart(chart).getXYPlot().getDataset();
                if (data.getSeriesCount() > 0) {
                    assertEquals(30, data.getItemCount(0), chart);
                }
            }
        } finally {
            session.dispose();
        }
    }
}
