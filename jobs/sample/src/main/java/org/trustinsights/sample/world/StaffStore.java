package org.trustinsights.sample.world;

/** How a school's MIS hands over its staff: as CSV file drops, or as an H2 database file. */
public enum StaffStore {
    FILES,
    DATABASE
}
