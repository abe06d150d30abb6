package org.trustinsights.warehouse;

import java.io.IOException;
import java.nio.file.Path;

import org.trustinsights.warehouse.lake.Lakehouse;

/** Lets tests in other packages use the shared test session. */
public final class TestLakeAccess {

    private TestLakeAccess() {}

    public static org.apache.spark.sql.SparkSession spark() {
        return TestLake.spark();
    }

    public static Lakehouse lakehouse(Path config) {
        return TestLake.lakehouse(config);
    }

    public static Lakehouse lakehouseAt(Path root) {
        return new Lakehouse(TestLake.spark(), TestLake.CONTRACTS, root.toString());
    }

    /** The tiny trust copied into {@code work/trust}, its lake at {@code work/lake}; returns its configuration. */
    public static Path copyTinyTrust(Path work) throws IOException {
        return TestLake.copyTrust(TestLake.TINY_TRUST, work);
    }

    /** Lands the trust's drops with the real extract job. */
    public static String extract(Path config, Path work, String loadDate) {
        return TestLake.extract(config, work, loadDate);
    }
}
