package org.trustinsights.warehouse.silver;

import java.sql.Date;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.trustinsights.config.School;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.SparkSchemas;
import org.trustinsights.warehouse.lake.TableWrite;

/** {@code silver.school} from the trust configuration: the schools and when they joined. */
public final class SchoolBuilder {

    static final String TABLE = "silver.school";

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final TrustConfig trust;

    public SchoolBuilder(Lakehouse lake, DeltaWriter writer, TrustConfig trust) {
        this.lake = lake;
        this.writer = writer;
        this.trust = trust;
    }

    public TableWrite build() {
        List<Row> rows = trust.schools().stream().map(SchoolBuilder::row).toList();
        Dataset<Row> schools = lake.spark().createDataFrame(rows, SparkSchemas.of(lake.contracts().get(TABLE)));
        return writer.upsert(TABLE, schools);
    }

    private static Row row(School school) {
        return RowFactory.create(school.urn(), school.name(), school.phase(), school.region(),
                Date.valueOf(school.joinedOn()), null);
    }
}
