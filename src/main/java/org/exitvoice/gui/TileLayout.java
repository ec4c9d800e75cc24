package org.exitvoice.gui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.exitvoice.scenario.RegionData;

/**
 * A tile-grid cartogram: one square per region, placed near its capital, no two regions on one square.
 * <p>
 * Russia's regions crowd into the west (half of them lie west of the Volga), so plain longitude would stack dozens of
 * tiles on a few columns while Siberia stays empty. Each coordinate is therefore a blend of the capital's rank (which
 * spreads regions evenly) and its plain value (which keeps the far east far). The regions are then given the free
 * squares that minimise the summed squared distance to those ideal positions (an optimal assignment rather than
 * first come, first served, so no region is pushed far out because others were placed first). Deterministic: ties are
 * broken by table order.
 */
public final class TileLayout {
    /** Weight of the longitude rank against plain longitude; chosen by eye against the common tile maps of Russia. */
    static final double LON_RANK_WEIGHT = 0.6;
    /** Weight of the latitude rank against plain latitude. */
    static final double LAT_RANK_WEIGHT = 0.5;
    /** Squares per region: room enough for the shape, few enough that neighbours stay neighbours. */
    static final double CELLS_PER_REGION = 2.0;
    /** Width / height of the grid, roughly the look of Russia's tile maps. */
    static final double ASPECT = 1.7;

    private final int width;
    private final int height;
    private final int[] column;
    private final int[] row;

    private TileLayout(int width, int height, int[] column, int[] row) {
        this.width = width;
        this.height = height;
        this.column = column;
        this.row = row;
    }

    /** The layout of the given regions (their capitals' coordinates), on a grid sized for their number. */
    public static TileLayout of(List<RegionData> regions) {
        int n = regions.size();
        double cells = Math.max(1, n * CELLS_PER_REGION);
        int width = Math.max(1, (int) Math.round(Math.sqrt(cells * ASPECT)));
        int height = Math.max(1, (int) Math.ceil(cells / width));
        double[] lat = new double[n];
        double[] lon = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = regions.get(i).lat();
            lon[i] = regions.get(i).lon();
        }
        return of(lat, lon, width, height);
    }

    /** The layout of capitals at (lat, lon) on a width x height grid (needs width x height &ge; the number of capitals). */
    static TileLayout of(double[] lat, double[] lon, int width, int height) {
        int n = lat.length;
        if ((long) width * height < n) {
            throw new IllegalArgumentException(n + " regions do not fit on " + width + " x " + height + " squares");
        }
        double[] x = blend(lon, LON_RANK_WEIGHT);
        double[] negLat = new double[n];
        for (int i = 0; i < n; i++) {
            negLat[i] = -lat[i]; // north at the top: row 0
        }
        double[] y = blend(negLat, LAT_RANK_WEIGHT);
        int cells = width * height;
        double[][] cost = new double[n][cells];
        for (int i = 0; i < n; i++) {
            double ix = x[i] * (width - 1);
            double iy = y[i] * (height - 1);
            for (int c = 0; c < cells; c++) {
                double dx = ix - c % width;
                double dy = iy - c / width;
                cost[i][c] = dx * dx + dy * dy;
            }
        }
        int[] cell = Assignment.minimumCost(cost);
        int[] column = new int[n];
        int[] row = new int[n];
        for (int i = 0; i < n; i++) {
            column[i] = cell[i] % width;
            row[i] = cell[i] / width;
        }
        return new TileLayout(width, height, column, row);
    }

    /** Each value as w x (its rank among the values) + (1 - w) x (its place between min and max), both in [0, 1]. */
    private static double[] blend(double[] v, double rankWeight) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // ties ranked by table order: deterministic
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> v[i]).thenComparingInt(i -> i));
        double min = Arrays.stream(v).min().orElse(0);
        double max = Arrays.stream(v).max().orElse(0);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double rank = n == 1 ? 0.5 : k / (double) (n - 1);
            double plain = max == min ? 0.5 : (v[i] - min) / (max - min);
            out[i] = rankWeight * rank + (1 - rankWeight) * plain;
        }
        return out;
    }

    /** Columns of the grid. */
    public int width() {
        return width;
    }

    /** Rows of the grid. */
    public int height() {
        return height;
    }

    /** Column of region i (0 = west). */
    public int column(int i) {
        return column[i];
    }

    /** Row of region i (0 = north). */
    public int row(int i) {
        return row[i];
    }

    /** Number of regions placed. */
    public int size() {
        return column.length;
    }

    /** The grid as text, one region label per square (for tests and for checking a new table by eye). */
    public String text(List<String> labels) {
        List<StringBuilder> lines = new ArrayList<>();
        int w = labels.stream().mapToInt(String::length).max().orElse(1) + 1;
        for (int r = 0; r < height; r++) {
            lines.add(new StringBuilder(" ".repeat(w * width)));
        }
        for (int i = 0; i < size(); i++) {
            lines.get(row[i]).replace(column[i] * w, column[i] * w + labels.get(i).length(), labels.get(i));
        }
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.toString().stripTrailing()).append('\n'));
        return sb.toString();
    }

    /**
     * The minimum-cost assignment of rows to distinct columns (Hungarian method with potentials, O(n^2 m));
     * rows &le; columns.
     */
    static final class Assignment {
        private Assignment() {
        }

        static int[] minimumCost(double[][] cost) {
            int n = cost.length;
            int m = n == 0 ? 0 : cost[0].length;
            // 1-based arrays as in the textbook formulation; column 0 is the virtual start
            double[] u = new double[n + 1];
            double[] v = new double[m + 1];
            int[] rowOfColumn = new int[m + 1];
            int[] way = new int[m + 1];
            for (int i = 1; i <= n; i++) {
                rowOfColumn[0] = i;
                int j0 = 0;
                double[] minv = new double[m + 1];
                Arrays.fill(minv, Double.POSITIVE_INFINITY);
                boolean[] used = new boolean[m + 1];
                do {
                    used[j0] = true;
                    int i0 = rowOfColumn[j0];
                    double delta = Double.POSITIVE_INFINITY;
                    int j1 = 0;
                    for (int j = 1; j <= m; j++) {
                        if (!used[j]) {
                            double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                            if (cur < minv[j]) {
                                minv[j] = cur;
                                way[j] = j0;
                            }
                            if (minv[j] < delta) {
                                delta = minv[j];
                                j1 = j;
                            }
                        }
                    }
                    for (int j = 0; j <= m; j++) {
                        if (used[j]) {
                            u[rowOfColumn[j]] += delta;
                            v[j] -= delta;
                        } else {
                            minv[j] -= delta;
                        }
                    }
                    j0 = j1;
                } while (rowOfColumn[j0] != 0);
                do {
                    int j1 = way[j0];
                    rowOfColumn[j0] = rowOfColumn[j1];
                    j0 = j1;
                } while (j0 != 0);
            }
            int[] columnOfRow = new int[n];
            for (int j = 1; j <= m; j++) {
                if (rowOfColumn[j] != 0) {
                    columnOfRow[rowOfColumn[j] - 1] = j - 1;
                }
            }
            return columnOfRow;
        }
    }
}
