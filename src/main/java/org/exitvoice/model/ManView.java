package org.exitvoice.model;

import org.exitvoice.model.engine.People;

/**
 * One man as he is at the end of a day, copied out of the engine's arrays: for tests and inspectors, which read the
 * model through {@link Region#man} rather than its storage.
 *
 * @param state        a {@link PersonState}
 * @param attachment   his attachment to home, in units of the cost of staying
 * @param riskAversion R in (0, 1)
 * @param hardship     H in (0, 1)
 * @param savingsLevel his savings' level (0-255) of the region's log-normal law, worth {@code savingsRub}
 * @param decidesTomorrow summoned after he had had his day today: he leaves, hides or reports tomorrow
 * @param opposesWar   opposes the war ({@link Opposition})
 */
public record ManView(byte state, MilitaryService service, int age, boolean eligible, boolean summoned,
                      boolean reporting, boolean misdrafted, boolean intlPassport, double attachment,
                      double riskAversion, double hardship, int savingsLevel, double savingsRub,
                      boolean decidesTomorrow, boolean opposesWar) {

    /** Man i of {@code people}, his attachment and savings read from the region's tables by level. */
    static ManView of(People people, int i, double[] attachmentByLevel, double[] savingsByLevel, boolean decidesTomorrow) {
        return new ManView(people.state[i], MilitaryService.of(people.service[i]), people.age[i],
                people.has(i, People.ELIGIBLE), people.has(i, People.SUMMONED), people.has(i, People.REPORTING),
                people.has(i, People.MISDRAFTED), people.has(i, People.INTL_PASSPORT),
                attachmentByLevel[Levels.of(people.attachment[i])], Levels.unit(people.riskAversion[i]),
                Levels.unit(people.hardship[i]), Levels.of(people.savings[i]), savingsByLevel[Levels.of(people.savings[i])],
                decidesTomorrow, people.opposesWar[i]);
    }
}
