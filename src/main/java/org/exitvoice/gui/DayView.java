package org.exitvoice.gui;

import java.util.List;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.model.Levers;
import org.exitvoice.model.RegionDay;

/**
 * What the views show of one simulated day. It is copied on the model's thread while the schedule is locked, so the
 * map, the charts and the inspectors (drawn by Swing's thread) never read the live model.
 *
 * @param report            the model's report of the day
 * @param routeOpen         per route: open to emigrants at the end of the day (lever or dated event)
 * @param mobilizationPoint per route: a mobilization point stands at it
 * @param residentsOnly     per route: only men of the region it lies in may set off for it
 * @param exitBan           whether men are barred from leaving by any route
 * @param draftRunning      whether summons are still being served
 * @param quota             per region: its quota, persons
 * @param legitimacy        per region: regional legitimacy L
 * @param incidentsSoFar    per region: violent incidents since the start
 */
record DayView(DayReport report, boolean[] routeOpen, boolean[] mobilizationPoint, boolean[] residentsOnly, boolean exitBan,
               boolean draftRunning, double[] quota, double[] legitimacy, long[] incidentsSoFar) {

    /** The day the model has just finished, with running totals carried on from {@code previous} (null on day 0). */
    static DayView observe(ExitVoiceModel model, DayView previous) {
        List<DayReport> reports = model.reports();
        DayReport report = reports.get(reports.size() - 1);
        Levers levers = model.levers();
        boolean[] open = new boolean[levers.routes()];
        boolean[] point = new boolean[levers.routes()];
        boolean[] residents = new boolean[levers.routes()];
        for (int k = 0; k < open.length; k++) {
            open[k] = levers.routeOpen(k);
            point[k] = levers.mobilizationPoint(k);
            residents[k] = levers.residentsOnly(k);
        }
        int n = model.regionCount();
        double[] quota = new double[n];
        double[] legitimacy = new double[n];
        long[] incidents = new long[n];
        for (int r = 0; r < n; r++) {
            quota[r] = model.quotaPersons(r);
            legitimacy[r] = model.legitimacy(r);
            incidents[r] = (previous == null ? 0 : previous.incidentsSoFar[r]) + report.regions().get(r).tally().incidents();
        }
        return new DayView(report, open, point, residents, levers.exitBan(), model.draftRunning(), quota, legitimacy, incidents);
    }

    /** Region r's day. */
    RegionDay region(int r) {
        return report.regions().get(r);
    }
}
