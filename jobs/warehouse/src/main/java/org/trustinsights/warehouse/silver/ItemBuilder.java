package org.trustinsights.warehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.trustinsights.config.Framework;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;

/**
 * {@code silver.item}: the framework's items with the first and last day each was asked in a
 * completed sitting. Rebuilt whole when sittings, responses or the framework change.
 */
public final class ItemBuilder {

    static final String TABLE = "silver.item";

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final TrustConfig trust;

    public ItemBuilder(Lakehouse lake, DeltaWriter writer, TrustConfig trust) {
        this.lake = lake;
        this.writer = writer;
        this.trust = trust;
    }

    public TableWrite build() {
        String inputs = String.format("%s@%d %s@%d framework=%d", DiagnosticsBuilder.SITTINGS,
                writer.version(DiagnosticsBuilder.SITTINGS), DiagnosticsBuilder.RESPONSES,
                writer.version(DiagnosticsBuilder.RESPONSES), trust.framework().hashCode());
        Dataset<Row> sittings = lake.read(DiagnosticsBuilder.SITTINGS)
                .filter(col("status").equalTo("completed"))
                .select("sitting_key", "sitting_date");
        Dataset<Row> asked = lake.read(DiagnosticsBuilder.RESPONSES)
                .filter(col("is_deleted").equalTo(false))
                .select("sitting_key", "item_id")
                .distinct()
                .join(sittings, "sitting_key")
                .groupBy("item_id")
                .agg(min("sitting_date").as("first_asked_on"), max("sitting_date").as("last_asked_on"));
        return writer.replace(TABLE, items().join(asked, "item_id", "left"), inputs);
    }

    private Dataset<Row> items() {
        List<Row> rows = new ArrayList<>();
        for (Framework.Domain domain : trust.framework().domains()) {
            for (Framework.Behaviour behaviour : domain.behaviours()) {
                behaviour.items().forEach(item -> rows.add(
                        RowFactory.create(item.id(), behaviour.code(), item.text())));
            }
        }
        return lake.spark().createDataFrame(rows, new StructType()
                .add("item_id", DataTypes.StringType, false)
                .add("behaviour_code", DataTypes.StringType, false)
                .add("item_text", DataTypes.StringType, false));
    }
}
