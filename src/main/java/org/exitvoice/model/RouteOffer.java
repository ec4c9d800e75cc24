package org.exitvoice.model;

/** A route a man picked today: its index in the route table, the days to reach it, and its cost to him (without noise). */
public record RouteOffer(int route, int travelDays, double cost) {
}
