package org.exitvoice.scenario;

import java.time.LocalDate;

/** Lists of summoned men barred from leaving, handed to border and airport officials. */
public record ExitList(
        @Param(doc = "Date the lists are in use at borders (absent = no exit lists).",
                source = "reports of lists at borders 24-25 Sep 2022 (see observed-2022.csv)")
        LocalDate from,
        @Param(doc = "Days between a summons and the man appearing on the list.", unit = "days", min = 0, max = 365, source = "assumed")
        int delayDays,
        @Param(doc = "Probability a listed man is caught at a border or airport.", min = 0, max = 1, source = "assumed")
        double coverage) {
}
