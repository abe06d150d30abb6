package org.trustinsights.warehouse.silver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.trustinsights.config.AcademicYear;
import org.trustinsights.config.Framework;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.SparkSchemas;
import org.trustinsights.warehouse.lake.TableWrite;

/**
 * The silver tables the trust configuration describes: {@code silver.school} (the schools and
 * when they joined), {@code silver.behaviour} (behaviours with their domains, in the
 * framework's order) and {@code silver.trust_priorities} (each academic year's priority
 * behaviours, in the order the trust ranked them). Each is merged, so an unchanged
 * configuration changes nothing.
 */
public final class TrustConfigurationBuilder {

    static final String SCHOOL = "silver.school";
    static final String BEHAVIOUR = "silver.behaviour";
    static final String PRIORITIES = "silver.trust_priorities";

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final TrustConfig trust;

    public TrustConfigurationBuilder(Lakehouse lake, DeltaWriter writer, TrustConfig trust) {
        this.lake = lake;
        this.writer = writer;
        this.trust = trust;
    }

    public List<TableWrite> build() {
        return List.of(writer.upsert(SCHOOL, frame(SCHOOL, schools())),
                writer.upsert(BEHAVIOUR, frame(BEHAVIOUR, behaviours())),
                writer.upsert(PRIORITIES, frame(PRIORITIES, priorities())));
    }

    private List<Row> schools() {
        return trust.schools().stream()
                .map(school -> RowFactory.create(school.urn(), school.name(), school.phase(), school.region(),
                        java.sql.Date.valueOf(school.joinedOn()), null))
                .toList();
    }

    private List<Row> behaviours() {
        List<Row> rows = new ArrayList<>();
        for (Framework.Domain domain : trust.framework().domains()) {
            for (Framework.Behaviour behaviour : domain.behaviours()) {
                rows.add(RowFactory.create(behaviour.code(), behaviour.name(), domain.code(), domain.name(),
                        rows.size() + 1));
            }
        }
        return rows;
    }

    private List<Row> priorities() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<AcademicYear, List<String>> year : trust.priorities().entrySet()) {
            for (int rank = 0; rank < year.getValue().size(); rank++) {
                rows.add(RowFactory.create(year.getKey().toString(), year.getValue().get(rank), rank + 1));
            }
        }
        return rows;
    }

    private org.apache.spark.sql.Dataset<Row> frame(String table, List<Row> rows) {
        return lake.spark().createDataFrame(rows, SparkSchemas.of(lake.contracts().get(table)));
    }
}
