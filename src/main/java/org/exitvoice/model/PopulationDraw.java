package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.exitvoice.model.engine.People;
import org.exitvoice.scenario.Emigration;
import org.exitvoice.scenario.Population;
import org.exitvoice.scenario.RegionData;

/**
 * Draws the men of a region (docs/ODD.md §7, "Initialisation"): age, prior service, exemption, international passport,
 * whether he meets the draft criteria, whether he opposes the war ({@link Opposition}), and four attributes stored as {@link Levels}: savings and attachment (levels of
 * the region's log-normal laws, see {@link #savingsByLevel} and {@link #attachmentByLevel}), risk aversion R and hardship H.
 */
final class PopulationDraw {
    private PopulationDraw() {
    }

    /** Draws every man of {@code people} from the region's stream; returns how many meet the draft criteria. */
    static int draw(People people, RegionData region, Population p, Emigration e, DraftCriteria criteria,
                    MersenneTwisterFast random) {
        // International passports are commoner in towns: scale the national share by the region's urban share.
        double passport = Urbanity.scaled(p.intlPassportShare(), region.urbanShare());
        double conscript = p.formerConscriptShare(), served = conscript + p.formerContractShare();
        int eligibleCount = 0;
        for (int i = 0; i < people.size; i++) {
            int age = 18 + random.nextInt(42); // uniform 18..59 (simplification, see ODD)
            double u = random.nextDouble();
            MilitaryService service = u < conscript ? MilitaryService.CONSCRIPT
                    : u < served ? MilitaryService.CONTRACT : MilitaryService.NONE;
            boolean exempt = random.nextDouble() < p.exemptShare();
            int flags = (exempt ? People.EXEMPT : 0) | (random.nextDouble() < passport ? People.INTL_PASSPORT : 0);
            if (criteria.eligible(age, service, exempt)) {
                flags |= People.ELIGIBLE;
                eligibleCount++;
            }
            people.age[i] = (byte) age;
            people.service[i] = (byte) service.ordinal();
            people.flags[i] = (byte) flags;
            // one random int gives the four attributes' levels, 8 bits each
            int bits = random.nextInt();
            people.savings[i] = (byte) bits;
            people.attachment[i] = (byte) (bits >>> 8);
            people.riskAversion[i] = (byte) (bits >>> 16);
            people.hardship[i] = (byte) (bits >>> 24);
            if (random.nextDouble() < Opposition.share(age, region.urbanShare(), p.opposedYoung(), p.opposedOld())) {
                people.opposesWar[i] = true;
                people.attachment[i] = Opposition.attachmentLevel(people.attachment[i], e.opposedAttachment(), e.attachmentSigma());
            }
        }
        return eligibleCount;
    }

    /** Savings (RUB) by level: median x the region's income index x exp(sigma z), a log-normal law. */
    static double[] savingsByLevel(Population p, RegionData region) {
        double[] rub = new double[Levels.COUNT];
        for (int q = 0; q < Levels.COUNT; q++) {
            rub[q] = p.savingsMedianRub() * region.incomeIndex() * Math.exp(p.savingsSigma() * Levels.normalQuantile(q));
        }
        return rub;
    }

    /** Attachment to home by level: emigration.attachment x exp(sigma z), a log-normal law. */
    static double[] attachmentByLevel(Emigration e) {
        double[] value = new double[Levels.COUNT];
        for (int q = 0; q < Levels.COUNT; q++) {
            value[q] = e.attachment() * Math.exp(e.attachmentSigma() * Levels.normalQuantile(q));
        }
        return value;
    }
}
