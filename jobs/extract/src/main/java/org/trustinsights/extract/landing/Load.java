package org.trustinsights.extract.landing;

import java.time.LocalDate;

/** One load: one entity of one school system, landed under one id on one date. */
public record Load(String loadId, LocalDate loadDate, int schoolUrn, String system, String entity) {

    /** The landing table name this load writes, such as {@code mis_staff}. */
    public String tableName() {
        return system + "_" + entity;
    }
}
