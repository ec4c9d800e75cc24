package org.exitvoice.model;

import org.exitvoice.scenario.Scenario;

/**
 * What every man of a region knows on a day, fixed before anyone moves: whether the draft runs, how likely a raid and
 * an arrest are, the exit-list and enforcement levers, and the thresholds of his choices (from the scenario).
 *
 * @param draftRunning     summons are being served (not ended, target not met)
 * @param exitListsInUse   summoned men are listed at borders from today (exitList.from reached)
 * @param exitListCoverage lever: probability a listed man is stopped at the border
 * @param penalty          enforcement.penalty: the cost of being stopped, at full intensity
 * @param intensity        lever: enforcement intensity in [0, 1]
 * @param raid             today's probability that a man in hiding is found by a raid
 * @param monthlyCatch     1 - (1 - raid)^30: the chance of being caught within a month of hiding
 * @param misclassification lever: probability a summons or arrest ignores the criteria
 * @param hidingThreshold  hiding.threshold: T of the summoned man's hide-or-report rule
 * @param fearThreshold    hiding.fearThreshold: the unsummoned man hides when fear exceeds this x attachment
 * @param actProb          emigration.actProb: daily probability of acting on a decision to leave
 * @param choiceNoise      emigration.choiceNoise: the logit's scale
 * @param arrestP          Epstein's estimated arrest probability P on the region's streets today
 * @param protestThreshold Epstein's T today (protest.threshold, lower on a called day: {@link Grievance#thresholdToday})
 * @param arrestProb       protest.arrestProb: share of P that becomes an arrest
 * @param summonFromJail   protest.summonFromJail: probability an arrested man is summoned in custody
 * @param exitClosingChance lever (rumours, denials): the chance men see that exit closes soon
 */
public record Outlook(boolean draftRunning, boolean exitListsInUse, double exitListCoverage, double penalty,
                      double intensity, double raid, double monthlyCatch, double misclassification,
                      double hidingThreshold, double fearThreshold, double actProb, double choiceNoise,
                      double arrestP, double protestThreshold, double arrestProb, double summonFromJail,
                      double exitClosingChance) {

    /** His attachment as a hurdle to leaving today ({@link Announcement#hurdle}). */
    public double hurdle(double attachment) {
        return Announcement.hurdle(attachment, exitClosingChance);
    }

    /**
     * A region's outlook today. Raids: raidProb x intensity x (1 + incidentResponse x recent incidents), at most 1,
     * while the draft runs. Epstein's P = 1 - exp(-k floor(C / A)) with C and A counted in the region: police on duty
     * (policePer1000 x population x policeOnDuty) and 1 + yesterday's protesters in persons (agents x scale / menShare).
     * Per region, not per community: at coarse scales one agent is hundreds of protesters, more than a community's
     * police, which would make P collapse at the first protester (a scale artefact, docs/ODD.md §8).
     */
    public static Outlook of(Scenario scenario, Levers levers, boolean draftRunning, boolean exitListsInUse,
                             boolean protestCalled, long population, double urbanShare, int recentIncidents,
                             int protestersYesterday, int scale) {
        var protest = scenario.protest();
        var enforcement = scenario.enforcement();
        var emigration = scenario.emigration();
        double raid = draftRunning ? Math.min(1, enforcement.raidProb() * levers.intensity()
                * (1 + enforcement.incidentResponse() * recentIncidents)) : 0;
        double police = levers.policePer1000() / 1000 * population * protest.policeOnDuty();
        double arrestP = Grievance.arrestProbability(protest.k(), police, protestersYesterday * scale / protest.menShare());
        return new Outlook(draftRunning, exitListsInUse, levers.exitListCoverage(), enforcement.penalty(),
                levers.intensity(), raid, 1 - Math.pow(1 - raid, 30), levers.misclassification(),
                scenario.hiding().threshold(), scenario.hiding().fearThreshold(), emigration.actProb(),
                emigration.choiceNoise(), arrestP,
                Grievance.thresholdToday(protest.threshold(), protestCalled, protest.callEffect(), urbanShare), protest.arrestProb(), protest.summonFromJail(),
                levers.exitClosingChance());
    }
}
