package org.exitvoice.scenario;

import java.util.List;

/**
 * One row of params/data/regions.csv: a federal subject with its census population and the shares the model draws
 * people from.
 *
 * @param warDeathsPer10kMen the region's war dead confirmed before 21 Sep 2022 per 10,000 men aged 18-59
 */
public record RegionData(String code, String name, String federalDistrict, String capital, double lat, double lon,
                         long population, double urbanShare, double men1859Share, double incomeIndex,
                         double minorityShare, double warDeathsPer10kMen, List<String> borderCountries) {
    public RegionData {
        borderCountries = List.copyOf(borderCountries);
    }

    /** A region that had lost no men to the war (for tests and tools). */
    public RegionData(String code, String name, String federalDistrict, String capital, double lat, double lon,
                      long population, double urbanShare, double men1859Share, double incomeIndex,
                      double minorityShare, List<String> borderCountries) {
        this(code, name, federalDistrict, capital, lat, lon, population, urbanShare, men1859Share, incomeIndex,
                minorityShare, 0, borderCountries);
    }
}
