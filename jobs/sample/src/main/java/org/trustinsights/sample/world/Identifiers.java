package org.trustinsights.sample.world;

/** Platform and system ids, numbered in the order the simulation creates things. */
final class Identifiers {

    private int sittings;
    private int cycles;
    private int checkins;
    private int events;
    private int relationships;

    int nextSittingNumber() {
        return ++sittings;
    }

    static String sittingId(int number) {
        return String.format("SIT%07d", number);
    }

    String nextCycleId() {
        return String.format("CYC%07d", ++cycles);
    }

    String nextCheckinId() {
        return String.format("CHK%08d", ++checkins);
    }

    String nextEventId() {
        return String.format("EV%06d", ++events);
    }

    String nextRelationshipId() {
        return String.format("MR%06d", ++relationships);
    }
}
