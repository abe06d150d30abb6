package org.trustinsights.warehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;

/** Steps the silver builders share: newest versions, leader keys by staff id, academic years. */
final class SilverFrames {

    private static final Logger log = LoggerFactory.getLogger(SilverFrames.class);

    private SilverFrames() {}

    /** The newest version of each record among new loads, by the record's key. */
    static Dataset<Row> newest(Dataset<Row> rows, String... key) {
        var newestFirst = Window.partitionBy(Arrays.stream(key).map(org.apache.spark.sql.functions::col)
                        .toArray(Column[]::new))
                .orderBy(col("updated_at").desc(), col("load_id").desc(), col("source_position").desc());
        return rows.withColumn("version_rank", row_number().over(newestFirst))
                .filter(col("version_rank").equalTo(1))
                .drop("version_rank");
    }

    /**
     * Adds {@code keyColumn}, the person a (school, staff id) pair was matched to in
     * {@code silver.leader_match}, or null where the MIS has not sent that person.
     */
    static Dataset<Row> withLeaderKey(Lakehouse lake, Dataset<Row> rows, String schoolColumn, String staffColumn,
            String keyColumn) {
        Dataset<Row> pairs = lake.read("silver.leader_match")
                .select(col("school_urn").as(keyColumn + "_school"), col("staff_id").as(keyColumn + "_staff"),
                        col("leader_key").as(keyColumn));
        return rows.join(pairs, col(schoolColumn).equalTo(col(keyColumn + "_school"))
                        .and(col(staffColumn).equalTo(col(keyColumn + "_staff"))), "left")
                .drop(keyColumn + "_school", keyColumn + "_staff");
    }

    /**
     * Rows whose leader keys are all known. The rest are counted per load in {@code landed}, whose
     * loads are then read again on later runs until the MIS sends those leaders.
     */
    static Dataset<Row> withKnownLeaders(Dataset<Row> rows, String table, LandingLoads.NewLoads landed,
            String... keyColumns) {
        Column known = Arrays.stream(keyColumns).map(name -> col(name).isNotNull()).reduce(Column::and).orElseThrow();
        noteUnmatched(rows.filter(org.apache.spark.sql.functions.not(known)), table, landed);
        return rows.filter(known);
    }

    /** Counts, per load, rows left out for a leader silver does not know yet. */
    static void noteUnmatched(Dataset<Row> unmatched, String table, LandingLoads.NewLoads landed) {
        long total = 0;
        for (Row load : unmatched.groupBy("load_id").count().collectAsList()) {
            landed.unmatched().put(load.getString(0), load.getLong(1));
            total += load.getLong(1);
        }
        if (total > 0) {
            log.warn("{} records name a leader the MIS does not know; left out of {} until it does, their loads"
                    + " read again on each run", total, table);
        }
    }

    /**
     * The new versions that {@code table} now holds, after a merge that keeps the newer of two
     * versions: a late-arriving older version is left out, so its lists do not overwrite newer ones.
     */
    static Dataset<Row> versionsKept(Lakehouse lake, String table, Dataset<Row> versions, String keyColumn) {
        Dataset<Row> kept = lake.read(table).select(col(keyColumn).as("kept_key"), col("load_id").as("kept_load_id"));
        return versions.join(kept, versions.col(keyColumn).equalTo(kept.col("kept_key"))
                        .and(versions.col("load_id").equalTo(kept.col("kept_load_id"))), "left_semi");
    }

    /** "2024/25" for a date from 1 September 2024 to 31 August 2025. */
    static Column academicYear(String dateColumn) {
        String startYear = "(year(" + dateColumn + ") - CASE WHEN month(" + dateColumn + ") >= 9 THEN 0 ELSE 1 END)";
        return concat_ws("/", expr("cast(" + startYear + " AS string)"),
                expr("lpad(cast((" + startYear + " + 1) % 100 AS string), 2, '0')"));
    }

    /** One row per code of a "|"-separated list, with its place in the list from 1. */
    static Dataset<Row> explodeCodes(Dataset<Row> rows, String keyColumn, String listColumn, String codeColumn,
            String orderColumn) {
        return rows.selectExpr(keyColumn, "posexplode(split(" + listColumn + ", '[|]')) AS (position, code)")
                .filter("code <> ''")
                .selectExpr(keyColumn, "code AS " + codeColumn, "position + 1 AS " + orderColumn);
    }
}
