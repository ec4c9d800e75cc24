package org.exitvoice.model;

import org.exitvoice.scenario.Scenario;

import java.util.Arrays;

/**
 * What may change during a run: initialised from the immutable scenario, moved by dated events (and, in the GUI,
 * by a person), read by the model at the start of each day. A moved lever sticks until the next event that sets it.
 */
public final class Levers {
    private double intensity;
    private double misclassification;
    private double exitListCoverage;
    private int exitListDelayDays;
    private double policePer1000;
    private double quotaSkew;
    private boolean exitBan;
    private boolean draftEnded;
    /** Share of the announcement's uncertainty no clarification has removed yet (1 until the first). */
    private double unclarified = 1;
    /** The chance men see, from rumours and denials, that exit closes soon. */
    private double exitClosingChance;
    private final boolean[] routeOpen;
    private final boolean[] mobilizationPoint;
    /** Multiplier of each route's places (routeCapacity events; 1 = the route table's). */
    private final double[] routeCapacity;
    /** Route open only to men of the region it lies in (residentsOnly events). */
    private final boolean[] residentsOnly;

    Levers(Scenario scenario, int routes) {
        intensity = scenario.enforcement().intensity();
        misclassification = scenario.draft().misclassification();
        exitListCoverage = scenario.exitList().coverage();
        exitListDelayDays = scenario.exitList().delayDays();
        policePer1000 = scenario.protest().policePer1000();
        quotaSkew = scenario.draft().quotaSkew();
        routeOpen = new boolean[routes];
        Arrays.fill(routeOpen, true);
        mobilizationPoint = new boolean[routes];
        routeCapacity = new double[routes];
        Arrays.fill(routeCapacity, 1.0);
        residentsOnly = new boolean[routes];
    }

    public double intensity() { return intensity; }
    public void setIntensity(double v) { intensity = v; }
    public double misclassification() { return misclassification; }
    public void setMisclassification(double v) { misclassification = v; }
    public double exitListCoverage() { return exitListCoverage; }
    public void setExitListCoverage(double v) { exitListCoverage = v; }
    public int exitListDelayDays() { return exitListDelayDays; }
    public void setExitListDelayDays(int v) { exitListDelayDays = v; }
    public double policePer1000() { return policePer1000; }
    public void setPolicePer1000(double v) { policePer1000 = v; }
    public double quotaSkew() { return quotaSkew; }
    public void setQuotaSkew(double v) { quotaSkew = v; }
    public boolean exitBan() { return exitBan; }
    public void setExitBan(boolean v) { exitBan = v; }
    /** Whether the draft was ended by an event or lever (the target being met ends it too, see the model). */
    public boolean draftEnded() { return draftEnded; }
    public void setDraftEnded(boolean v) { draftEnded = v; }
    public double unclarified() { return unclarified; }
    /** A clarification removes the share {@code removed} of what is left of the announcement's uncertainty. */
    public void clarify(double removed) { unclarified *= 1 - removed; }
    public double exitClosingChance() { return exitClosingChance; }
    public void setExitClosingChance(double v) { exitClosingChance = v; }
    public boolean routeOpen(int route) { return routeOpen[route]; }
    public void setRouteOpen(int route, boolean open) { routeOpen[route] = open; }
    public boolean mobilizationPoint(int route) { return mobilizationPoint[route]; }
    public void setMobilizationPoint(int route, boolean on) { mobilizationPoint[route] = on; }
    /** Multiplier of the route's places from the route table (1 unless a routeCapacity event moved it). */
    public double routeCapacity(int route) { return routeCapacity[route]; }
    public void setRouteCapacity(int route, double factor) { routeCapacity[route] = factor; }
    /** Whether only men of the route's own region may set off for it. */
    public boolean residentsOnly(int route) { return residentsOnly[route]; }
    public void setResidentsOnly(int route, boolean on) { residentsOnly[route] = on; }
    public int routes() { return routeOpen.length; }
}
