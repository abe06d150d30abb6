package org.trustinsights.contract;

/** Where a bronze table's rows come from: a school system and one of its entities. */
public record SourceEntity(String system, String entity) {}
