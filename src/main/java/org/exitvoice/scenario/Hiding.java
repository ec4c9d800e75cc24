package org.exitvoice.scenario;

/** When men hide rather than report or leave. */
public record Hiding(
        @Param(doc = "A summoned man who does not leave hides when (1 - legitimacy) - riskAversion x P(caught) exceeds this.", min = -1, max = 1,
                source = "assumed; same form as Epstein's activation rule")
        double threshold,
        @Param(doc = "An unsummoned man who does not leave hides when his fear (risk x fear of war) exceeds this times his attachment.", min = 0, max = 100,
                source = "assumed")
        double fearThreshold) {
}
