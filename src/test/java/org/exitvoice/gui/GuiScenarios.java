package org.exitvoice.gui;

import java.nio.file.Path;
import java.util.List;

import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;

/** The shipped autumn-2022 scenario at a coarse scale, so that GUI tests start a model in well under a second. */
final class GuiScenarios {
    private GuiScenarios() {
    }

    static ScenarioInput sep2022(int scale, int days) {
        try {
            return ScenarioLoader.load(Path.of("params/sep2022.yaml"), List.of(),
                    new ScenarioLoader.Overrides(null, scale, days));
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
