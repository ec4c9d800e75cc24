package org.exitvoice.model;

import org.exitvoice.scenario.Draft;

/** The 2022 criteria: reservists with prior service, under the age limit of their rank, not exempt. */
final class DraftCriteria {
    private final int maxAge;
    private final int maxAgeOfficers;

    DraftCriteria(Draft draft) {
        this.maxAge = draft.maxAge();
        this.maxAgeOfficers = draft.maxAgeOfficers();
    }

    /** Whether a man meets the criteria: served, young enough for his rank (Federal Law 53-FZ art. 53), not exempt. */
    boolean eligible(int age, MilitaryService service, boolean exempt) {
        if (exempt || service == MilitaryService.NONE) {
            return false;
        }
        int limit = service == MilitaryService.CONTRACT ? maxAgeOfficers : maxAge;
        return age <= limit;
    }
}
