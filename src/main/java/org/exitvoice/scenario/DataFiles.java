package org.exitvoice.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where the region and route tables are; relative paths resolve against the scenario file that names them. */
public record DataFiles(
        @Param(doc = "Region table (85 federal subjects): census population, capitals, shares, sources.")
        String regions,
        @Param(doc = "Route table: land crossings and flights with capacity, documents, price, sources.")
        String routes) {

    /** A table's name as the absolute path the scenario stores: resolved against {@code dir}, the naming file's directory (the working directory for {@code --set}). */
    static String resolve(Path dir, String name, String at) throws ScenarioException {
        try {
            return dir.resolve(name).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw new ScenarioException(at, "not a file name '" + name + "'");
        }
    }
}
