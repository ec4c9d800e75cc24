package org.exitvoice.model;

/** One region's day: its ISO code, its modelled men (persons) and its tally. */
public record RegionDay(String region, long population, Tally tally) {
}
