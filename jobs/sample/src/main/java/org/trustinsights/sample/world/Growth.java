package org.trustinsights.sample.world;

import java.time.LocalDate;

/** A rise in a leader's strength in one behaviour, which others can see from the given date. */
public record Growth(int behaviour, double amount, LocalDate from) {}
