package org.exitvoice.model;

import java.util.List;

/** A finished run: its day reports in order and the wall time the simulation took. */
public record RunResult(List<DayReport> days, long target, double wallSeconds) {
    public RunResult {
        days = List.copyOf(days);
    }

    /** The last day's report. */
    public DayReport last() {
        return days.get(days.size() - 1);
    }
}
