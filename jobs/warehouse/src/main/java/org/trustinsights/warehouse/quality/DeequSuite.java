package org.trustinsights.warehouse.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.amazon.deequ.AnomalyCheckConfig;
import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationRunBuilder;
import com.amazon.deequ.VerificationRunBuilderWithRepository;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Completeness;
import com.amazon.deequ.analyzers.Mean;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.anomalydetection.AbsoluteChangeStrategy;
import com.amazon.deequ.anomalydetection.AnomalyDetectionStrategy;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.comparison.ComparisonFailed;
import com.amazon.deequ.comparison.ComparisonResult;
import com.amazon.deequ.comparison.ReferentialIntegrity;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.constraints.ConstraintStatus;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.MetricsRepository;
import com.amazon.deequ.repository.ResultKey;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import scala.Function1;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * The one place that speaks Deequ's Scala API. Runs our checks on one frame in one verification
 * suite, following anomalies against a metrics repository, and hands back per check whether it
 * held, the metric measured and Deequ's message. Metrics are saved to the repository only when
 * asked, once the run has proved good, so a bad run never becomes the baseline of the next.
 */
final class DeequSuite {

    /** What Deequ measured for one check. */
    record Measured(boolean passed, Double metric, String message) {}

    private static final Function1<Object, Object> ALL = value -> ((Number) value).doubleValue() == 1.0;

    private final MetricsRepository repository;
    private final Map<String, String> tags;
    private VerificationResult last;

    DeequSuite(MetricsRepository repository, String table) {
        this.repository = repository;
        this.tags = Map.of("table", table);
    }

    /**
     * Runs every check that Deequ's suite can express (all but references and rejects). An
     * anomaly check whose measure has no earlier good run to compare with passes, and its
     * measure is taken so that the next run has one; on a table with no rows only the row count
     * is measured, and every other check holds.
     */
    Map<String, Measured> run(Dataset<Row> frame, List<QualityCheck> checks) {
        boolean empty = frame.isEmpty();
        Set<Analyzer<?, ?>> known = knownAnalyzers();
        Map<String, Measured> measured = new HashMap<>();
        Map<String, Analyzer<?, ?>> firstMeasures = new HashMap<>();
        List<Check> plain = new ArrayList<>();
        List<QualityCheck> anomalies = new ArrayList<>();
        for (QualityCheck check : checks) {
            if (check.rule() instanceof QualityCheck.Anomaly anomaly) {
                Analyzer<?, ?> analyzer = analyzer(anomaly);
                if (empty && anomaly.measure() != QualityCheck.Measure.SIZE) {
                    measured.put(check.name(), new Measured(true, null, null));
                } else if (known.contains(analyzer)) {
                    anomalies.add(check);
                } else {
                    firstMeasures.put(check.name(), analyzer);
                }
            } else if (empty && runsInSuite(check)) {
                measured.put(check.name(), new Measured(true, null, null));
            } else if (runsInSuite(check)) {
                plain.add(constraint(check));
            }
        }

        VerificationRunBuilder builder = new VerificationSuite().onData(frame).addChecks(seq(plain))
                .addRequiredAnalyzers(analyzers(firstMeasures.values()));
        VerificationRunBuilderWithRepository withHistory = builder.useRepository(repository);
        for (QualityCheck check : anomalies) {
            withHistory = addAnomaly(withHistory, check);
        }
        last = withHistory.run();

        for (Tuple2<Check, CheckResult> entry : JavaConverters.seqAsJavaList(last.checkResults().toSeq())) {
            ConstraintResult result = entry._2().constraintResults().head();
            boolean passed = result.status() == ConstraintStatus.Success();
            measured.put(entry._1().description(), new Measured(passed, metric(result), result.message().isDefined()
                    ? result.message().get() : null));
        }
        firstMeasures.forEach((name, analyzer) -> measured.put(name, new Measured(true, metric(analyzer), null)));
        return measured;
    }

    /** Saves the metrics of the last run under this table, for later runs' anomaly checks. */
    void saveMetrics(long timestamp) {
        if (last != null) {
            repository.save(new ResultKey(timestamp, immutable(tags)), new AnalyzerContext(last.metrics()));
        }
    }

    /**
     * Whether every non-null value of the column is found in the referenced column; a ratio of
     * values found when not.
     */
    static Measured references(Dataset<Row> frame, String column, Dataset<Row> referenced, String referencedColumn) {
        Dataset<Row> present = frame.select(column).filter(frame.col(column).isNotNull());
        if (present.isEmpty()) {
            return new Measured(true, 1.0, null);
        }
        ComparisonResult result = ReferentialIntegrity.subsetCheck(present, seq(List.of(column)), referenced,
                seq(List.of(referencedColumn)), ALL);
        if (result instanceof ComparisonFailed failed) {
            return new Measured(false, failed.ratio(), failed.errorMessage());
        }
        return new Measured(true, 1.0, null);
    }

    /** Whether Deequ's suite measures the check; references and rejects are measured apart. */
    static boolean runsInSuite(QualityCheck check) {
        return !(check.rule() instanceof QualityCheck.References || check.rule() instanceof QualityCheck.Rejected);
    }

    private static Check constraint(QualityCheck check) {
        Check deequ = new Check(check.isError() ? CheckLevel.Error() : CheckLevel.Warning(), check.name(),
                Check.apply$default$3());
        QualityCheck.Rule rule = check.rule();
        if (rule instanceof QualityCheck.Complete complete) {
            return deequ.isComplete(complete.column(), Option.empty(), Option.empty());
        }
        if (rule instanceof QualityCheck.Unique unique) {
            return deequ.hasUniqueness(seq(unique.columns()), ALL, Option.empty());
        }
        if (rule instanceof QualityCheck.Allowed allowed) {
            return deequ.isContainedIn(allowed.column(), allowed.values().toArray(String[]::new));
        }
        QualityCheck.Satisfies satisfies = (QualityCheck.Satisfies) rule;
        return deequ.satisfies(satisfies.condition(), check.name(), ALL, Option.empty(),
                deequ.satisfies$default$5(), Option.empty());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private VerificationRunBuilderWithRepository addAnomaly(VerificationRunBuilderWithRepository builder,
            QualityCheck check) {
        QualityCheck.Anomaly anomaly = (QualityCheck.Anomaly) check.rule();
        AnomalyDetectionStrategy strategy = switch (anomaly.measure()) {
            case SIZE -> new RelativeRateOfChangeStrategy(Option.apply((Object) anomaly.bound()), Option.empty(), 1);
            case COMPLETENESS -> new AbsoluteChangeStrategy(Option.apply((Object) (-anomaly.bound())), Option.empty(),
                    1);
            case MEAN -> new AbsoluteChangeStrategy(Option.apply((Object) (-anomaly.bound())),
                    Option.apply((Object) anomaly.bound()), 1);
        };
        AnomalyCheckConfig config = new AnomalyCheckConfig(check.isError() ? CheckLevel.Error() : CheckLevel.Warning(),
                check.name(), immutable(tags), Option.empty(), Option.empty());
        return builder.addAnomalyCheck(strategy, (Analyzer) analyzer(anomaly), Option.apply(config));
    }

    private static Analyzer<?, ?> analyzer(QualityCheck.Anomaly anomaly) {
        return switch (anomaly.measure()) {
            case SIZE -> new Size(Option.empty());
            case COMPLETENESS -> new Completeness(anomaly.column(), Option.empty(), Option.empty());
            case MEAN -> new Mean(anomaly.column(), Option.empty());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static scala.collection.Seq<Analyzer<?, Metric<?>>> analyzers(java.util.Collection<Analyzer<?, ?>> values) {
        return (scala.collection.Seq) seq(List.copyOf(values));
    }

    /** The measures this table has in the repository from earlier good runs. */
    private Set<Analyzer<?, ?>> knownAnalyzers() {
        Set<Analyzer<?, ?>> known = new HashSet<>();
        for (AnalysisResult result : JavaConverters.seqAsJavaList(
                repository.load().withTagValues(immutable(tags)).get())) {
            known.addAll(JavaConverters.setAsJavaSet(result.analyzerContext().metricMap().keySet()));
        }
        return known;
    }

    /** What the last run measured with this analyzer, when it is a number. */
    private Double metric(Analyzer<?, ?> analyzer) {
        Option<Metric<?>> metric = last.metrics().get((Analyzer) analyzer);
        if (metric.isEmpty() || !metric.get().value().isSuccess()) {
            return null;
        }
        return metric.get().value().get() instanceof Number number ? number.doubleValue() : null;
    }

    private static Double metric(ConstraintResult result) {
        if (result.metric().isEmpty()) {
            return null;
        }
        Metric<?> metric = result.metric().get();
        return metric.value().isSuccess() && metric.value().get() instanceof Number number
                ? number.doubleValue() : null;
    }

    private static <T> scala.collection.Seq<T> seq(List<T> values) {
        return JavaConverters.asScalaBuffer(new ArrayList<>(values)).toSeq();
    }

    private static scala.collection.immutable.Map<String, String> immutable(Map<String, String> values) {
        scala.collection.immutable.Map<String, String> map = scala.collection.immutable.Map$.MODULE$.empty();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            map = map.$plus(new Tuple2<>(entry.getKey(), entry.getValue()));
        }
        return map;
    }
}
