package org.exitvoice.scenario;

/** Where the region and route tables are; relative paths resolve against the scenario file that names them. */
public record DataFiles(
        @Param(doc = "Region table (85 federal subjects): census population, capitals, shares, sources.")
        String regions,
        @Param(doc = "Route table: land crossings and flights with capacity, documents, price, sources.")
        String routes) {
}
