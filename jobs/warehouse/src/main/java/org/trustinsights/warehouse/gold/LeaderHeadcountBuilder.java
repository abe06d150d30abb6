package org.trustinsights.warehouse.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.trustinsights.config.AcademicYear;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.SparkSchemas;
import org.trustinsights.warehouse.lake.TableWrite;
import org.trustinsights.warehouse.privacy.SmallCellSuppression;
import org.trustinsights.warehouse.privacy.SmallCellSuppression.Cell;

/**
 * {@code gold.leader_headcount}: leaders in post at each role level on each academic year's
 * census date, per school, with small counts suppressed (see the table's contract).
 */
public final class LeaderHeadcountBuilder {

    static final String TABLE = "gold.leader_headcount";
    static final String ALL_LEVELS = "all";

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final TrustConfig trust;
    private final LocalDate asOf;

    public LeaderHeadcountBuilder(Lakehouse lake, DeltaWriter writer, TrustConfig trust, LocalDate asOf) {
        this.lake = lake;
        this.writer = writer;
        this.trust = trust;
        this.asOf = asOf;
    }

    public TableWrite build() {
        List<AcademicYear> years = trust.academicYears(asOf);
        String inputs = String.format("silver.leader@%d silver.school@%d years=%s..%s census=%s min_group_size=%d",
                writer.version("silver.leader"), writer.version("silver.school"), years.get(0),
                years.get(years.size() - 1), trust.calendar().censusDate(), trust.privacy().minGroupSize());
        return writer.replace(TABLE, headcounts(years), inputs);
    }

    private Dataset<Row> headcounts(List<AcademicYear> years) {
        Dataset<Row> censuses = lake.spark().createDataFrame(years.stream()
                .map(year -> RowFactory.create(year.toString(), Date.valueOf(trust.calendar().censusDay(year))))
                .toList(), new StructType()
                .add("academic_year", DataTypes.StringType, false)
                .add("census_date", DataTypes.DateType, false));
        Dataset<Row> schoolYears = censuses.crossJoin(lake.read("silver.school"))
                .filter(col("joined_on").leq(col("census_date")))
                .select("academic_year", "census_date", "school_urn", "school_name", "phase");
        Dataset<Row> leaders = lake.read("silver.leader");
        Dataset<Row> inPost = schoolYears.join(leaders, schoolYears.col("school_urn").equalTo(leaders.col("school_urn"))
                        .and(leaders.col("valid_from").leq(col("census_date")))
                        .and(leaders.col("valid_to").isNull().or(leaders.col("valid_to").geq(col("census_date")))))
                .groupBy(col("academic_year"), schoolYears.col("school_urn"), col("role_level"))
                .agg(countDistinct("leader_key").as("count_leaders"));

        Map<String, Integer> counts = new HashMap<>();
        for (Row row : inPost.collectAsList()) {
            counts.put(row.getString(0) + "|" + row.getInt(1) + "|" + row.getString(2), (int) row.getLong(3));
        }
        List<Row> rows = new ArrayList<>();
        for (Row schoolYear : schoolYears.orderBy("academic_year", "school_urn").collectAsList()) {
            rows.addAll(suppressedRows(schoolYear, counts));
        }
        return lake.spark().createDataFrame(rows, SparkSchemas.of(lake.contracts().get(TABLE)));
    }

    /** The rows of one school and year: each level and the total, suppressed as the contract says. */
    private List<Row> suppressedRows(Row schoolYear, Map<String, Integer> counts) {
        String year = schoolYear.getString(0);
        int urn = schoolYear.getInt(2);
        List<Cell> cells = trust.roles().levels().stream()
                .map(level -> new Cell(level, counts.getOrDefault(year + "|" + urn + "|" + level, 0)))
                .toList();
        int total = cells.stream().mapToInt(Cell::count).sum();
        Map<String, String> hidden = SmallCellSuppression.suppress(cells, ALL_LEVELS, total,
                trust.privacy().minGroupSize());

        List<Row> rows = new ArrayList<>();
        rows.add(row(schoolYear, ALL_LEVELS, total, hidden.get(ALL_LEVELS)));
        for (Cell cell : cells) {
            rows.add(row(schoolYear, cell.label(), cell.count(), hidden.get(cell.label())));
        }
        return rows;
    }

    private static Row row(Row schoolYear, String level, int count, String reason) {
        return RowFactory.create(schoolYear.getString(0), schoolYear.getInt(2), schoolYear.getString(3),
                schoolYear.getString(4), level, reason == null ? count : null, reason != null, reason);
    }
}
