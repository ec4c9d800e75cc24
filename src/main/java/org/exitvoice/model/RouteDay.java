package org.exitvoice.model;

/**
 * One route's day: capacity (persons/day), queue at the end of the day (persons), wait = queue/capacity x 24 h
 * (NaN when capacity is 0), persons crossed because of the mobilization, men turned back, and price / base price.
 */
public record RouteDay(String route, String destination, String mode, long capacity, long queue, double waitHours,
                       long crossed, long turnedBack, double priceIndex) {
}
