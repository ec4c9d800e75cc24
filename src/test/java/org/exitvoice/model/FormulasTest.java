package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The formulas the rules are made of, each against numbers worked out by hand. */
class FormulasTest {

    @Test
    void riskIsCertainOnceSummonedGoneWhenTheDraftIsOverAndGrowsWithWhatTheCommunitySees() {
        assertEquals(1, Decisions.perceivedRisk(true, false, 1, 0.5, 0.1, 0, 1, 0.1, 20, 0, 0));
        assertEquals(0, Decisions.perceivedRisk(false, true, 0, 0.5, 0.1, 0.5, 1, 0.1, 20, 0, 0.3));
        // eligible, base 0.3, no uncertainty, 10 % of his community summoned (the half share): 0.3 + 0.7 x 1/2 = 0.65
        assertEquals(0.65, Decisions.perceivedRisk(false, true, 1, 0.3, 0.1, 0.1, 1, 0.1, 20, 0, 0), 1e-12);
        // it saturates: 90 % summoned gives 0.3 + 0.7 x 0.9 = 0.93, never above 1
        assertEquals(0.93, Decisions.perceivedRisk(false, true, 1, 0.3, 0.1, 0.9, 1, 0.1, 20, 0, 0), 1e-12);
        // the announcement's uncertainty 0.2 first: 0.5, then half the rest at the half share: 0.75
        assertEquals(0.75, Decisions.perceivedRisk(false, true, 1, 0.3, 0.1, 0.1, 1, 0.1, 20, 0, 0.2), 1e-12);
        // outside the criteria: 0.5 x misclassification 0.1 + 2 x 5 % misdrafted = 0.15, + uncertainty 0.2 = 0.35
        assertEquals(0.15, Decisions.perceivedRisk(false, false, 1, 0.3, 0.1, 0.5, 0.5, 0.1, 2, 0.05, 0), 1e-12);
        assertEquals(0.35, Decisions.perceivedRisk(false, false, 1, 0.3, 0.1, 0.5, 0.5, 0.1, 2, 0.05, 0.2), 1e-12);
        // with 40 % of the draft left, each fear is 0.4 of what it was (0.65 -> 0.26, 0.35 -> 0.14); the summoned man's stays 1
        assertEquals(0.26, Decisions.perceivedRisk(false, true, 0.4, 0.3, 0.1, 0.1, 1, 0.1, 20, 0, 0), 1e-12);
        assertEquals(0.14, Decisions.perceivedRisk(false, false, 0.4, 0.3, 0.1, 0.5, 0.5, 0.1, 2, 0.05, 0.2), 1e-12);
        assertEquals(1, Decisions.perceivedRisk(true, true, 0.4, 0.3, 0.1, 0.1, 1, 0.1, 20, 0, 0));
    }

    @Test
    void menFearWhatIsLeftOfTheDraftAsItsCountIsAnnounced() {
        assertEquals(1, Decisions.draftRemaining(true, 0, 300_000, 1), 1e-15);
        assertEquals(0.26, Decisions.draftRemaining(true, 222_000, 300_000, 1), 1e-12); // Putin's count of 14 Oct
        assertEquals(0.63, Decisions.draftRemaining(true, 222_000, 300_000, 0.5), 1e-12); // half weight: 1 - 0.37
        assertEquals(1, Decisions.draftRemaining(true, 222_000, 300_000, 0), 1e-15);     // the count ignored
        assertEquals(0, Decisions.draftRemaining(true, 310_000, 300_000, 1), 1e-15);     // never below 0
        assertEquals(0, Decisions.draftRemaining(false, 0, 300_000, 0), 1e-15);          // over: nobody fears it
    }

    @Test
    void theAnnouncementsUncertaintyHalvesEachHalfLifeAndClarificationsCutIt() {
        assertEquals(0.3, Announcement.uncertainty(0.3, 7, 0, 1), 1e-15);
        assertEquals(0.15, Announcement.uncertainty(0.3, 7, 7, 1), 1e-15);
        // two clarifications of 0.2 leave 0.8 x 0.8 = 0.64 of it: 0.3 x 0.5 x 0.64 = 0.096 on day 7
        assertEquals(0.096, Announcement.uncertainty(0.3, 7, 7, 0.8 * 0.8), 1e-15);
    }

    @Test
    void aCallToProtestLowersTheThresholdWhereItIsHeard() {
        assertEquals(0.1, Grievance.thresholdToday(0.1, false, 0.05, 0.8), 1e-15);
        assertEquals(0.06, Grievance.thresholdToday(0.1, true, 0.05, 0.8), 1e-15); // 0.1 - 0.05 x 0.8
        assertEquals(0, Grievance.thresholdToday(0.1, true, 0.5, 1), 1e-15);       // never below 0
    }

    @Test
    void oppositionToTheWarIsCommonerAmongTheYoungAndInTowns() {
        // at the national urban share 0.748 the survey shares hold as polled: 0.25 at 18, 0.13 at 59
        assertEquals(0.25, Opposition.share(18, 0.748, 0.25, 0.13), 1e-12);
        assertEquals(0.13, Opposition.share(59, 0.748, 0.25, 0.13), 1e-12);
        // half way in age (38.5 is not an age; 18 + 41/2): at 59 - 20.5 ... at 39: 0.25 - 0.12 x 21/41
        assertEquals(0.25 - 0.12 * 21 / 41, Opposition.share(39, 0.748, 0.25, 0.13), 1e-12);
        // a town of urban share 0.374 has half the national share; one of 1.0 has 1/0.748 of it, never above 1
        assertEquals(0.125, Opposition.share(18, 0.374, 0.25, 0.13), 1e-12);
        assertEquals(0.25 / 0.748, Opposition.share(18, 1.0, 0.25, 0.13), 1e-12);
        assertEquals(1, Opposition.share(18, 1.0, 0.9, 0.9), 1e-12);
        // ages outside 18-59 take the nearest end
        assertEquals(0.13, Opposition.share(70, 0.748, 0.25, 0.13), 1e-12);
    }

    @Test
    void aManWhoOpposesTheWarHasHisAttachmentCutByTheLoyaltyFactor() {
        // level 127 stands for z = Phi^-1(127.5/256); x 0.5 at sigma 1 moves z by ln 0.5 = -0.693:
        // Phi(-0.0049 - 0.693) = 0.2427, in the band of level floor(0.2427 x 256) = 62
        double z = Levels.normalQuantile(127) + Math.log(0.5);
        assertEquals(62, (int) Math.floor(Levels.normalCumulative(z) * 256));
        assertEquals(62, Levels.of(Opposition.attachmentLevel((byte) 127, 0.5, 1.0)));
        // in values: the new level's attachment is within one band of half the old one
        double old = Math.exp(Levels.normalQuantile(127)), cut = Math.exp(Levels.normalQuantile(62));
        assertTrue(cut > 0.45 * old && cut < 0.55 * old, cut + " vs half of " + old);
        // no cut at loyalty 1, nor where every man has the median (sigma 0)
        assertEquals(200, Levels.of(Opposition.attachmentLevel((byte) 200, 1.0, 1.0)));
        assertEquals(200, Levels.of(Opposition.attachmentLevel((byte) 200, 0.5, 0.0)));
        // the least attached stay at the bottom level
        assertEquals(0, Levels.of(Opposition.attachmentLevel((byte) 0, 0.5, 1.0)));
    }

    @Test
    void aRumourThatExitClosesLowersTheHurdleOfAttachment() {
        assertEquals(2.0, Announcement.hurdle(2.0, 0), 1e-15);
        assertEquals(1.2, Announcement.hurdle(2.0, 0.4), 1e-15);
    }

    @Test
    void fareClimbsAGeometricLadderToTheTopOnceThePlacesAreSold() {
        assertEquals(1, FareLadder.index(0, 100, 8), 1e-15);
        assertEquals(Math.sqrt(8), FareLadder.index(50, 100, 8), 1e-12); // half sold: half way up the ladder in ratio
        assertEquals(8, FareLadder.index(100, 100, 8), 1e-12);
        assertEquals(8, FareLadder.index(350, 100, 8), 1e-12); // a waitlist: the top class only
        assertEquals(8, FareLadder.index(0, 0, 8), 1e-12);     // no seat beyond the usual load
    }

    @Test
    void stayingCostsRiskTimesFearRaisedByTheCommunityGone() {
        // 0.5 x 2 x (1 + 1 x 0.2) = 1.2
        assertEquals(1.2, Decisions.costOfStaying(0.5, 2, 1, 0.2), 1e-12);
    }

    @Test
    void onlyAListedManFearsTheBorder() {
        // coverage 0.5 x penalty 2 x intensity 0.5 x R 0.4 = 0.2
        assertEquals(0.2, Decisions.exitListRisk(true, 0.5, 2, 0.5, 0.4), 1e-12);
        assertEquals(0, Decisions.exitListRisk(false, 0.5, 2, 0.5, 0.4));
    }

    @Test
    void epsteinsArrestProbabilityCountsPoliceAgainstProtesters() {
        // C = 100, A = 1 + 9: floor(10) = 10, P = 1 - exp(-2.3 x 10)
        assertEquals(1 - Math.exp(-23), Grievance.arrestProbability(2.3, 100, 9), 1e-15);
        // C = 5 against A = 10: floor(0.5) = 0, P = 0 (the police are overwhelmed)
        assertEquals(0, Grievance.arrestProbability(2.3, 5, 9));
        assertEquals(0.3, Grievance.grievance(0.6, 0.5), 1e-15);
        assertTrue(Grievance.active(0.3, 0.1, 1.0, 0.1)); // 0.3 - 0.1 > 0.1
        assertFalse(Grievance.active(0.3, 0.2, 1.0, 0.1)); // 0.3 - 0.2 = 0.1, not above
    }

    @Test
    void theCriteriaAreServiceAgeByRankAndNoExemption() {
        DraftCriteria criteria = new DraftCriteria(Worlds.scenario("draft.maxAge=35", "draft.maxAgeOfficers=50").draft());
        assertTrue(criteria.eligible(35, MilitaryService.CONSCRIPT, false));
        assertFalse(criteria.eligible(36, MilitaryService.CONSCRIPT, false));
        assertTrue(criteria.eligible(50, MilitaryService.CONTRACT, false));
        assertFalse(criteria.eligible(25, MilitaryService.CONSCRIPT, true));
        assertFalse(criteria.eligible(25, MilitaryService.NONE, false));
    }

    @Test
    void theOutlookRaidsMoreAfterIncidentsAndWeighsPoliceAgainstYesterdaysProtesters() {
        Scenario s = Worlds.scenario("enforcement.raidProb=0.02", "enforcement.intensity=0.5",
                "enforcement.incidentResponse=0.25", "protest.policePer1000=2", "protest.policeOnDuty=0.5",
                "protest.k=2.3", "protest.menShare=0.5", "scale=10");
        Levers levers = new Levers(s, 0);
        // raid = 0.02 x 0.5 x (1 + 0.25 x 4) = 0.02; police = 2 / 1000 x 1,000,000 x 0.5 = 1,000;
        // protesters yesterday 4 agents x 10 / 0.5 = 80 persons: floor(1000 / 81) = 12, P = 1 - exp(-27.6)
        Outlook o = Outlook.of(s, levers, true, false, false, 1_000_000, 0.7, 4, 4, 10);
        assertEquals(0.02, o.raid(), 1e-15);
        assertEquals(1 - Math.pow(0.98, 30), o.monthlyCatch(), 1e-12);
        assertEquals(1 - Math.exp(-2.3 * 12), o.arrestP(), 1e-15);
        assertEquals(0, Outlook.of(s, levers, false, false, false, 1_000_000, 0.7, 4, 4, 10).raid(), "no raids once the draft is over");
    }

    @Test
    void incidentsGrowWithGrievanceAndMisdrafts() {
        Scenario s = Worlds.scenario("incidents.baseRate=0.1", "incidents.grievanceWeight=10", "incidents.misdraftWeight=50");
        // 0.1 x 2 million men x (1 + 10 x 0.1) x (1 + 50 x 0.01) = 0.6 a day
        assertEquals(0.6, RegionMemory.incidentRate(s.incidents(), 2, 0, 0.1, 0.01), 1e-12);
    }

    @Test
    void theNewsOfAMobilizationMultipliesTheIncidentRateAndFadesWithTheAnnouncementsUncertainty() {
        Scenario s = Worlds.scenario("incidents.baseRate=0.1", "incidents.announcementWeight=6",
                "incidents.grievanceWeight=10", "incidents.misdraftWeight=50");
        // on the day of the announcement, before any grievance or misdraft: 0.1 x 2 million men x (1 + 6 x 1) = 1.4
        assertEquals(1.4, RegionMemory.incidentRate(s.incidents(), 2, 1, 0, 0), 1e-12);
        // a week on (half-life 7 days), half of it is still news: 0.1 x 2 x (1 + 6 x 0.5) = 0.8
        double weekOn = Announcement.fresh(7, 7, 1);
        assertEquals(0.5, weekOn, 1e-15);
        assertEquals(0.8, RegionMemory.incidentRate(s.incidents(), 2, weekOn, 0, 0), 1e-12);
        // and it multiplies grievance and misdrafts: 0.8 x (1 + 10 x 0.1) x (1 + 50 x 0.01) = 2.4
        assertEquals(2.4, RegionMemory.incidentRate(s.incidents(), 2, weekOn, 0.1, 0.01), 1e-12);
        // two clarifications of 0.2 leave 0.64 of it; the uncertainty men fear is the shock times what is fresh
        assertEquals(0.32, Announcement.fresh(7, 7, 0.8 * 0.8), 1e-15);
        assertEquals(0.3 * 0.32, Announcement.uncertainty(0.3, 7, 7, 0.8 * 0.8), 1e-15);
    }

    @Test
    void legitimacyFallsWithMinoritiesIncidentsAndTheCrackdown() {
        Scenario s = Worlds.scenario("protest.legitimacy=0.9", "protest.minorityGap=0.2", "protest.crackdownLoss=10",
                "incidents.legitimacyLoss=0.01", "incidents.memoryDays=3");
        RegionMemory memory = new RegionMemory(3);
        var region = Worlds.region("RU-X", 1_000_000, 50, 40); // minority share 0.1
        // 0.9 - 0.2 x 0.1 = 0.88 with nothing remembered
        assertEquals(0.88, memory.legitimacy(s.protest(), s.incidents(), region, 1000), 1e-12);
        // a day with 20 arrests among 1,000 men and no incident drawn (rate 0): 0.88 - 10 x 0.02 = 0.68
        memory.sawGrievance(0.1);
        memory.endOfDay(0, 20, 0, Worlds.scenario("incidents.baseRate=0").incidents(), 1000, 0.1, 1, new MersenneTwisterFast(1));
        assertEquals(0.68, memory.legitimacy(s.protest(), s.incidents(), region, 1000), 1e-12);
        // three days on, the day is forgotten
        memory.forgetOldestDay(3);
        assertEquals(0.88, memory.legitimacy(s.protest(), s.incidents(), region, 1000), 1e-12);
    }

    @Test
    void theWarsTollAtHomeLowersLegitimacy() {
        Scenario s = Worlds.scenario("protest.legitimacy=0.9", "protest.minorityGap=0.2", "protest.warDeathsLoss=0.002");
        var bereaved = new org.exitvoice.scenario.RegionData("RU-Y", "Y", "Test", "Y", 50, 40, 1_000_000, 0.75, 0.29, 1,
                0.1, 10, java.util.List.of());
        // 0.9 - 0.2 x 0.1 minority - 0.002 x 10 war dead per 10,000 men = 0.86
        assertEquals(0.86, new RegionMemory(3).legitimacy(s.protest(), s.incidents(), bereaved, 1000), 1e-12);
    }

    @Test
    void aManWhoFindsAQueueLongerThanHeWouldWaitDoesNotJoinIt() {
        assertFalse(Balking.balks(6_000, 1_000, 6));  // six days: he waits
        assertTrue(Balking.balks(6_001, 1_000, 6));
        assertFalse(Balking.balks(1_000_000, 0, 6));  // no places: the route is not usable, nobody arrives to balk
    }

    @Test
    void aSummonedManIsOnTheListOnceTheDelayHasPassed() {
        assertTrue(ExitListCheck.listed(true, true, 3, 5, 2));
        assertFalse(ExitListCheck.listed(true, true, 3, 5, 3));
        assertFalse(ExitListCheck.listed(false, true, 3, 5, 0));
        assertFalse(ExitListCheck.listed(true, false, NEVER_SUMMONED, 5, 0));
    }

    private static final int NEVER_SUMMONED = -1;

    @Test
    void roadsTakeADayPer500KmOfRoadAndFarAirportsADomesticFlight() {
        var e = Worlds.scenario("emigration.kmPerDay=500", "emigration.roadCircuity=1.25", "emigration.domesticFlightKm=1500").emigration();
        assertEquals(2.75, RouteCost.travelTime(1100, RouteData.Mode.LAND, e), 1e-12); // 1,375 km of road
        assertEquals(3, RouteCost.arrivalDays(2.75));
        assertEquals(1, RouteCost.travelTime(3000, RouteData.Mode.AIR, e));
        assertEquals(2.75, RouteCost.travelTime(1100, RouteData.Mode.AIR, e), 1e-12); // near enough to drive
        assertEquals(0, RouteCost.arrivalDays(RouteCost.travelTime(100, RouteData.Mode.AIR, e))); // flies the same day
        // 1,000 RUB against 10,000 saved, 2 days' travel and half a day's queue at 0.2 a day: 0.1 + 0.5 = 0.6
        assertEquals(0.6, RouteCost.cost(1000, RouteCost.money(10_000), RouteCost.daysCost(0.2, 2, 0.5)), 1e-12);
        assertEquals(Math.exp(-1), RouteCost.logitWeight(0.6, 0.4, 0.2), 1e-15);
    }
}
