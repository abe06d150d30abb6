package org.trustinsights.sample.drop;

import org.trustinsights.config.AcademicYear;

/** One school's drop of one entity for one academic year; year is null for the staff export. */
record DropKey(int urn, Entity entity, AcademicYear year) {}
