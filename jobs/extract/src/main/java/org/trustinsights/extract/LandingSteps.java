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
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
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
import org.trustinsights.extract.landing.LandingRecord;
import org.trustinsights.extract.landing.LandingWriter;
import org.trustinsights.extract.landing.Load;
import org.trustinsights.extract.landing.RecordTyper;
import org.trustinsights.extract.source.DropFile;
import org.trustinsights.extract.source.DropFolder;
import org.trustinsights.extract.source.DropReaders;
import org.trustinsights.extract.source.DropRecordMapper;
import org.trustinsights.extract.source.JdbcReaders;

/**
 * The three steps every landing job is made of, for any entity of any school system: find what
 * is new at the source, land it chunk by chunk, then commit the load by writing its manifest.
 * The job configuration classes put them together, one job per entity.
 */
@Component
public class LandingSteps {

    static final String FILES = "files";
    static final String WATERMARK_BEFORE = "watermarkBefore";
    static final int CHUNK_SIZE = 20_000;

    private static final Logger log = LoggerFactory.getLogger(LandingSteps.class);

    private final TrustContext context;
    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;

    public LandingSteps(TrustContext context, JobRepository jobRepository,
            PlatformTransactionManager transactionManager) {
        this.context = context;
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
    }

    /** Records in the job's context which files are new, or from which watermark to read. */
    public Step scanStep(String name, String system, String entity) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution step = chunkContext.getStepContext().getStepExecution();
                    int urn = step.getJobParameters().getLong("schoolUrn").intValue();
                    scan(urn, system, entity, step.getJobExecution().getExecutionContext());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    public Step landingStep(String name, ItemStreamReader<LandingRecord> reader, LandingWriter writer) {
        return new StepBuilder(name, jobRepository)
                .<LandingRecord, LandingRecord>chunk(CHUNK_SIZE, transactionManager)
                .reader(reader)
                .writer(writer)
                .stream(writer)
                .build();
    }

    /** Writes the load's manifest, which commits it; a run that found nothing new writes none. */
    public Step manifestStep(String name, String landingStepName, String system, String entity) {
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
    public ItemStreamReader<LandingRecord> reader(String name, int urn, String system, String entity,
            ExecutionContext job) {
        SourceConfig source = source(urn, system);
        RecordTyper typer = new RecordTyper(context.contracts().bronze(system, entity));
        String description = entity + " " + (source.kind().equals("files") ? "drop" : "source")
                + " of school " + urn;
        return switch (source.kind()) {
            case "files" -> DropReaders.reader(name, files(job),
                    new DropRecordMapper(typer, source.format(), description), source.format());
            case "jdbc" -> JdbcReaders.reader(name, dataSource(urn, system, source), entity,
                    Instant.parse(job.getString(WATERMARK_BEFORE)), typer);
            default -> throw new InsightsException(SOURCE, "Cannot read " + description + ": source kind "
                    + source.kind() + " is not available yet; fix: use files or jdbc");
        };
    }

    public LandingWriter writer(Load load) {
        TableContract table = context.contracts().bronze(load.system(), load.entity());
        return new LandingWriter(table, context.contracts().get("bronze.rejects"), context.lake(), load);
    }

    private void scan(int urn, String system, String entity, ExecutionContext job) {
        SourceConfig source = source(urn, system);
        if (source.kind().equals("files")) {
            List<DropFile> files = DropFolder.of(source.location(), entity, source.format())
                    .newFiles(context.manifests().takenChecksums(urn, system, entity));
            job.putString(FILES, files.stream()
                    .map(file -> file.path() + "\t" + file.sha256())
                    .collect(Collectors.joining("\n")));
            log.debug("School {} {}/{}: {} new files", urn, system, entity, files.size());
        }
        job.putString(WATERMARK_BEFORE, context.manifests().watermark(urn, system, entity).toString());
    }

    private boolean commit(JobExecution job, String landingStepName, String system, String entity) {
        StepExecution landing = job.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(landingStepName))
                .reduce((first, second) -> second)
                .orElseThrow();
        LandingWriter.Counts counts = LandingWriter.Counts.of(landing.getExecutionContext());
        List<DropFile> files = files(job.getExecutionContext());
        if (landing.getReadCount() == 0 && files.isEmpty()) {
            return false;
        }
        String watermarkBefore = job.getExecutionContext().getString(WATERMARK_BEFORE);
        Load load = load(job, system, entity);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("load_id", load.loadId());
        manifest.put("job_execution_id", job.getId());
        manifest.put("system", system);
        manifest.put("entity", entity);
        manifest.put("source_kind", source(load.schoolUrn(), system).kind());
        manifest.put("count_read", landing.getReadCount());
        manifest.put("count_written", counts.written());
        manifest.put("count_rejected", counts.rejected());
        manifest.put("watermark_before", watermarkBefore);
        manifest.put("watermark_after", counts.newestUpdate() == null ? watermarkBefore
                : counts.newestUpdate().toString());
        manifest.put("file_checksums", files.isEmpty() ? null
                : files.stream().map(DropFile::manifestEntry).collect(Collectors.joining("|")));
        manifest.put("started_at", job.getStartTime().atZone(java.time.ZoneId.systemDefault()).toInstant());
        manifest.put("finished_at", Instant.now());
        manifest.put("status", "completed");
        context.manifests().write(load, manifest);
        log.info("Landed {} rows of {}/{} for school {} ({} rejected), load {}",
                counts.written(), system, entity, load.schoolUrn(), counts.rejected(), load.loadId());
        return true;
    }

    public static Load load(JobExecution job, String system, String entity) {
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
