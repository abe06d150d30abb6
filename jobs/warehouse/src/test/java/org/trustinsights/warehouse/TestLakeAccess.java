package org.trustinsights.warehouse;

import java.nio.file.Path;

import org.trustinsights.warehouse.lake.Lakehouse;

/** Lets tests in other packages use the shared test session. */
public final class TestLakeAccess {

    private TestLakeAccess() {}

    public static Lakehouse lakehouse(Path root) {
        return new Lakehouse(TestLake.spark(), TestLake.CONTRACTS, root.toString());
    }
}
