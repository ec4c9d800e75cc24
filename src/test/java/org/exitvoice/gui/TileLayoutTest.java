package org.exitvoice.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.exitvoice.scenario.RegionData;
import org.junit.jupiter.api.Test;

/** The map's tile-grid cartogram of the 85 regions (no display needed). */
class TileLayoutTest {
    private static final List<RegionData> REGIONS = GuiScenarios.sep2022(1000, 1).regions();

    private static int find(String code) {
        for (int i = 0; i < REGIONS.size(); i++) {
            if (REGIONS.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no region " + code);
    }

    @Test
    void everyRegionGetsATileOfItsOwnInsideTheGrid() {
        TileLayout layout = TileLayout.of(REGIONS);
        assertEquals(85, layout.size());
        Set<Integer> cells = new HashSet<>();
        for (int i = 0; i < layout.size(); i++) {
            assertTrue(layout.column(i) >= 0 && layout.column(i) < layout.width(), REGIONS.get(i).code());
            assertTrue(layout.row(i) >= 0 && layout.row(i) < layout.height(), REGIONS.get(i).code());
            cells.add(layout.row(i) * layout.width() + layout.column(i));
        }
        assertEquals(85, cells.size(), "two regions on one tile");
    }

    @Test
    void theLayoutIsTheSameEveryTime() {
        List<String> labels = REGIONS.stream().map(r -> r.code().substring(3)).toList();
        assertEquals(TileLayout.of(REGIONS).text(labels), TileLayout.of(REGIONS).text(labels));
    }

    @Test
    void northIsUpWestIsLeftAndNeighboursStayNear() {
        TileLayout layout = TileLayout.of(REGIONS);
        int murmansk = find("RU-MUR");
        int dagestan = find("RU-DA");
        int kaliningrad = find("RU-KGD");
        int chukotka = find("RU-CHU");
        int moscow = find("RU-MOW");
        int moscowOblast = find("RU-MOS");
        assertTrue(layout.row(murmansk) < layout.row(dagestan));
        assertTrue(layout.column(kaliningrad) < layout.column(chukotka));
        assertEquals(0, layout.column(kaliningrad), "the westernmost region in the first column");
        int distance = Math.abs(layout.column(moscow) - layout.column(moscowOblast))
                + Math.abs(layout.row(moscow) - layout.row(moscowOblast));
        assertTrue(distance <= 2, "Moscow and its oblast " + distance + " tiles apart");
    }

    @Test
    void aGridTooSmallIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TileLayout.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 1, 2));
    }

    @Test
    void theAssignmentIsOptimalOnASmallCase() {
        // row 0 prefers column 0 a little, row 1 needs it badly: the optimum gives column 0 to row 1
        int[] a = TileLayout.Assignment.minimumCost(new double[][] {{1, 2, 9}, {1, 9, 9}});
        assertEquals(1, a[0]);
        assertEquals(0, a[1]);
    }
}
