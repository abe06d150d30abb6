package org.trustinsights.extract;

import static org.trustinsights.InsightsException.Category.SOURCE;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.trustinsights.InsightsException;
import org.trustinsights.config.School;
import org.trustinsights.config.SourceConfig;
import org.trustinsights.contract.TableContract;
import org.trustinsights.extract.landing.LandingBatch;
import org.trustinsights.extract.landing.LandingChecks;
import org.trustinsights.extract.landing.LandingRecord;
import org.trustinsights.extract.landing.LandingWriter;
import org.trustinsights.extract.landing.ManifestStore;
import org.trustinsights.extract.landing.Load;
import org.trustinsights.extract.landing.RecordTyper;
import org.trustinsights.extract.source.ApiReader;
import org.trustinsights.extract.source.ApiSource;
import org.trustinsights.extract.source.DropFile;
import org.trustinsights.extract.source.DropFolder;
import org.trustinsights.extract.source.DropReaders;
import org.trustinsights.extract.source.DropRecordMapper;
import org.trustinsights.extract.source.JdbcReaders;

/**
 * Makes the landing job of any entity of any school system, in three steps: find what is new
 * at the source, land it chunk by chunk, then commit the load by writing its manifest. The
 * job configuration classes ask it for one job per entity.
 */
@Component
public class LandingJobFactory {

    static final String FILES = "files";
    /** Records a landing step reads, checks and writes as one item. */
    static final int BATCH_SIZE = 1_000;
    static final String WATERMARK_BEFORE = "watermarkBefore";

    private static final Logger log = LoggerFactory.getLogger(LandingJobFactory.class);

    private final TrustContext context;
    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final int chunkSize;
    private final int batchSize;
    private final ExtractSettings settings;

    public LandingJobFactory(TrustContext context, JobRepository jobRepository,
            PlatformTransactionManager transactionManager, ExtractSettings settings) {
        this.context = context;
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.chunkSize = settings.chunkSizeOrDefault();
        this.batchSize = Math.min(BATCH_SIZE, chunkSize);
        this.settings = settings;
    }

    /**
     * The job {@code <entity>ExtractJob}, with steps {@code <entity>ScanStep},
     * {@code <entity>LandingStep} and {@code <entity>ManifestStep}.
     */
    public LandingJob landingJob(String system, String entity) {
        TableContract table = context.contracts().bronze(system, entity);
        LandingWriter writer = new LandingWriter(table, context.contracts().get("bronze.rejects"), context.lake());
        LandingChecks checks = new LandingChecks(table,
                context.trust().schools().stream().map(School::urn).collect(Collectors.toSet()));
        LandingReader reader = new LandingReader(this, entity + "Reader", system, entity, batchSize);
        Job job = new JobBuilder(entity + "ExtractJob", jobRepository)
                .start(scanStep(entity + "ScanStep", system, entity))
                .next(landingStep(entity + "LandingStep", reader, checks, writer))
                .next(manifestStep(entity + "ManifestStep", entity + "LandingStep", system, entity))
                .build();
        return new LandingJob(system, entity, job);
    }

    /** Records in the job's context which files are new, or from which watermark to read. */
    private Step scanStep(String name, String system, String entity) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution step = chunkContext.getStepContext().getStepExecution();
                    int urn = step.getJobParameters().getLong("schoolUrn").intValue();
                    scan(urn, system, entity, step.getJobExecution().getExecutionContext());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    private Step landingStep(String name, LandingReader reader, LandingChecks checks, LandingWriter writer) {
        LandingProgress progress = new LandingProgress(name);
        return new StepBuilder(name, jobRepository)
                .<LandingBatch, LandingBatch>chunk(Math.max(1, chunkSize / batchSize), transactionManager)
                .reader(reader)
                .processor(checks)
                .writer(writer)
                .stream(reader)
                .stream(writer)
                .listener((StepExecutionListener) reader)
                .listener((StepExecutionListener) writer)
                .listener((StepExecutionListener) checks)
                .listener((StepExecutionListener) progress)
                .listener((ChunkListener) progress)
                .build();
    }

    /** Writes the load's manifest, which commits it; a run that found nothing new writes none. */
    private Step manifestStep(String name, String landingStepName, String system, String entity) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution step = chunkContext.getStepContext().getStepExecution();
                    boolean wrote = commit(step.getJobExecution(), landingStepName, system, entity);
                    step.setExitStatus(wrote ? ExitStatus.COMPLETED : new ExitStatus("NOTHING_NEW"));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** The reader for the load: new drop files, or database rows past the watermark. */
    ItemStreamReader<LandingRecord> sourceReader(String name, int urn, String system, String entity,
            ExecutionContext job) {
        SourceConfig source = source(urn, system);
        RecordTyper typer = new RecordTyper(context.contracts().bronze(system, entity));
        String description = entity + " " + (source.kind().equals("files") ? "drop" : "source")
                + " of school " + urn;
        return switch (source.kind()) {
            case "files" -> DropReaders.reader(name, files(job),
                    new DropRecordMapper(typer, source.format(), description), source.format());
            case "jdbc" -> JdbcReaders.reader(name, dataSource(urn, system, source), entity, source.query(entity),
                    Instant.parse(job.getString(WATERMARK_BEFORE)), typer);
            case "api" -> new ApiReader(name, new ApiSource(source.url(), urn, entity,
                    environment(urn, system, source.tokenEnv()), source.tokenEnv()),
                    Instant.parse(job.getString(WATERMARK_BEFORE)), typer, settings.apiRetry());
            default -> throw new InsightsException(SOURCE, "Cannot read " + description + ": source kind "
                    + source.kind() + " is unknown; fix: use files, jdbc or api");
        };
    }

    private void scan(int urn, String system, String entity, ExecutionContext job) {
        SourceConfig source = source(urn, system);
        ManifestStore.History history = context.manifests().history(urn, system, entity);
        if (source.kind().equals("files")) {
            List<DropFile> files = DropFolder.of(source, entity).newFiles(history.takenChecksums());
            job.putString(FILES, files.stream()
                    .map(file -> file.path() + "\t" + file.sha256())
                    .collect(Collectors.joining("\n")));
            log.debug("School {} {}/{}: {} new files", urn, system, entity, files.size());
        }
        job.putString(WATERMARK_BEFORE, history.watermark().toString());
    }

    private boolean commit(JobExecution job, String landingStepName, String system, String entity) {
        StepExecution landing = job.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(landingStepName))
                .reduce((first, second) -> second)
                .orElseThrow();
        LandingWriter.Counts counts = LandingWriter.Counts.of(landing.getExecutionContext());
        List<DropFile> files = files(job.getExecutionContext());
        if (counts.read() == 0 && files.isEmpty()) {
            return false;
        }
        String watermarkBefore = job.getExecutionContext().getString(WATERMARK_BEFORE);
        Load load = load(job, system, entity);
        boolean tooManyRejects = context.trust().extract().exceeded(counts.rejected(), counts.read());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("load_id", load.loadId());
        manifest.put("job_execution_id", job.getId());
        manifest.put("system", system);
        manifest.put("entity", entity);
        manifest.put("source_kind", source(load.schoolUrn(), system).kind());
        manifest.put("count_read", counts.read());
        manifest.put("count_written", counts.written());
        manifest.put("count_rejected", counts.rejected());
        manifest.put("watermark_before", watermarkBefore);
        manifest.put("watermark_after", counts.newestUpdate() == null ? watermarkBefore
                : counts.newestUpdate().toString());
        manifest.put("file_checksums", files.isEmpty() ? null
                : files.stream().map(DropFile::manifestEntry).collect(Collectors.joining("|")));
        manifest.put("started_at", job.getStartTime().atZone(java.time.ZoneId.systemDefault()).toInstant());
        manifest.put("finished_at", Instant.now());
        manifest.put("status", tooManyRejects ? "failed" : "completed");
        context.manifests().write(load, manifest);
        if (tooManyRejects) {
            throw new InsightsException(SOURCE, tooManyRejectsMessage(load, counts.read(), counts.rejected()));
        }
        SourceConfig source = source(load.schoolUrn(), system);
        if (source.archive() && !files.isEmpty()) {
            DropFolder.of(source, entity).archive(files, load.loadDate());
        }
        log.info("Landed {} rows of {}/{} for school {} ({} rejected), load {}",
                counts.written(), system, entity, load.schoolUrn(), counts.rejected(), load.loadId());
        return true;
    }

    private String tooManyRejectsMessage(Load load, long read, long rejected) {
        List<String> reasons = context.rejects().firstReasons(load, 3);
        return String.format("Cannot land %s/%s for school %d: %d of %d records rejected (%.1f%%, more than the "
                        + "%.1f%% allowed); first reasons: %s; fix: correct the source, or raise "
                        + "extract.max_reject_share in %s", load.system(), load.entity(), load.schoolUrn(), rejected,
                read, 100.0 * rejected / read, 100 * context.trust().extract().maxRejectShare(),
                String.join(" | ", reasons), context.trust().file().getFileName());
    }

    static Load load(JobExecution job, String system, String entity) {
        var parameters = job.getJobParameters();
        return new Load(parameters.getString("loadId"), LocalDate.parse(parameters.getString("loadDate")),
                parameters.getLong("schoolUrn").intValue(), system, entity);
    }

    private static List<DropFile> files(ExecutionContext job) {
        String files = job.getString(FILES, "");
        if (files.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(files.split("\n"))
                .map(line -> line.split("\t"))
                .map(parts -> new DropFile(Path.of(parts[0]), Path.of(parts[0]).getFileName().toString(), parts[1]))
                .toList();
    }

    private SourceConfig source(int urn, String system) {
        School school = context.trust().school(urn);
        SourceConfig source = school.sources().get(system);
        if (source == null) {
            throw new InsightsException(SOURCE, "School " + urn + " has no " + system
                    + " source; fix: add sources." + system + " to the school in " + context.trust().file());
        }
        return source;
    }

    private static DataSource dataSource(int urn, String system, SourceConfig source) {
        String user = source.userEnv() == null ? source.user() : environment(urn, system, source.userEnv());
        String password = source.passwordEnv() == null ? "" : environment(urn, system, source.passwordEnv());
        return new SimpleDriverDataSource(driver(source.url()), source.url(), user, password);
    }

    private static java.sql.Driver driver(String url) {
        try {
            return java.sql.DriverManager.getDriver(url);
        } catch (java.sql.SQLException e) {
            throw new InsightsException(SOURCE, "No JDBC driver accepts " + url.replaceAll("\\?.*", "")
                    + "; fix: use a PostgreSQL or H2 URL, or add the driver to jobs/extract", e);
        }
    }

    private static String environment(int urn, String system, String variable) {
        String value = System.getenv(variable);
        if (value == null) {
            throw new InsightsException(SOURCE, "Cannot connect to the " + system + " source of school " + urn
                    + ": environment variable " + variable + " is not set; fix: export " + variable);
        }
        return value;
    }
}
