package org.exitvoice.scenario;

/** How hard the state enforces the draft: office capacity, raids on hiding men, penalties. */
public record Enforcement(
        @Param(doc = "Enforcement intensity: scales office capacity, raids and penalties.", min = 0, max = 1, source = "assumed")
        double intensity,
        @Param(doc = "Daily probability that a raid catches a hiding man, at intensity 1.", unit = "1/day", min = 0, max = 1,
                source = "assumed")
        double raidProb,
        @Param(doc = "Relative rise of raids in a region per violent incident there (decays over incidents.memoryDays).", min = 0, max = 10,
                source = "assumed")
        double incidentResponse,
        @Param(doc = "Cost a man weighs for being caught leaving while listed, at intensity 1 (relative to a month's fear of war).", min = 0, max = 100,
                source = "assumed")
        double penalty) {
}
