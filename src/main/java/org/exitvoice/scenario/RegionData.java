package org.exitvoice.scenario;

import java.util.List;

/** One row of params/data/regions.csv: a federal subject with its census population and the shares the model draws people from. */
public record RegionData(String code, String name, String federalDistrict, String capital, double lat, double lon,
                         long population, double urbanShare, double men1859Share, double incomeIndex,
                         double minorityShare, List<String> borderCountries) {
    public RegionData {
        borderCountries = List.copyOf(borderCountries);
    }
}
