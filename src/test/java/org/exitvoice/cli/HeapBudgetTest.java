package org.exitvoice.cli;

import org.exitvoice.model.HeapBudget;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scale that cannot fit in the heap is refused before anything is allocated, with the memory it needs. */
class HeapBudgetTest {
    private static ScenarioInput sep2022(int scale) throws ScenarioException {
        return ScenarioLoader.load(Path.of("params/sep2022.yaml"), List.of(), new ScenarioLoader.Overrides(null, scale, null));
    }

    @Test
    void fullScaleNeedsAboutOneGigabyte() throws ScenarioException {
        ScenarioInput in = sep2022(1);
        long agents = HeapBudget.agents(in.regions(), 1);
        assertTrue(agents > 40_000_000 && agents < 43_000_000, "men 18-59: " + agents);
        double gb = HeapBudget.bytesNeeded(in.regions(), 1) / (double) (1L << 30);
        assertTrue(gb > 0.8 && gb < 1.5, gb + " GB");
    }

    @Test
    void aScaleThatCannotFitIsRefusedWithTheMemoryItNeeds() throws ScenarioException {
        ScenarioInput in = sep2022(1);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioOptions.requireHeapFor(in, 1, 512L << 20));
        assertEquals("--scale", e.location());
        assertTrue(e.getMessage().startsWith("--scale: 1 makes 41,"), e.getMessage());
        assertTrue(e.getMessage().contains("GB of heap") && e.getMessage().contains("JAVA_OPTS=-Xmx"), e.getMessage());
        assertDoesNotThrow(() -> ScenarioOptions.requireHeapFor(in, 1, 4L << 30));
    }
}
