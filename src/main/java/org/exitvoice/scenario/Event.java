package org.exitvoice.scenario;

import java.time.LocalDate;

/** A dated change, effective from the start of its date: route closure or opening, a mobilization point, an exit ban, the end of the draft. */
public record Event(LocalDate date, EventType type, String route) {
}
