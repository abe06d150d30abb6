package org.trustinsights.config;

/** The trust's name, and a short code used in folder and role names. */
public record TrustIdentity(String name, String code) {}
