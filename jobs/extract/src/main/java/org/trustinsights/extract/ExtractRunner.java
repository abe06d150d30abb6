package org.trustinsights.extract;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import org.trustinsights.config.School;
import org.trustinsights.extract.landing.LandingWriter;

/**
 * Runs every landing job for every school (or the chosen ones), one school's failure never
 * stopping another's, and ends with a summary per school and entity.
 */
@Component
class ExtractRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(ExtractRunner.class);
    private static final DateTimeFormatter LOAD_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
            .withZone(java.time.ZoneOffset.UTC);

    private static final List<String> SYSTEM_ORDER = List.of("mis", "diagnostics", "cpd", "mentoring");

    /** What one job execution did, for the summary. */
    record Outcome(int schoolUrn, String entity, String status, long read, long written, long rejected,
            Duration took, String message) {}

    private final TrustContext context;
    private final JobLauncher launcher;
    private final UnfinishedLoads unfinished;
    private final List<LandingJob> jobs;
    private final ExtractSettings settings;
    private final List<Outcome> outcomes = new ArrayList<>();

    ExtractRunner(TrustContext context, JobLauncher launcher, UnfinishedLoads unfinished, List<LandingJob> jobs,
            ExtractSettings settings) {
        this.context = context;
        this.launcher = launcher;
        this.unfinished = unfinished;
        this.jobs = jobs.stream().sorted(java.util.Comparator.comparing(
                (LandingJob job) -> SYSTEM_ORDER.indexOf(job.system()))).toList();
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        try (LakeLock lock = LakeLock.acquire(context.lake().root())) {
            extractAll();
        }
    }

    private void extractAll() {
        Instant started = Instant.now();
        for (School school : context.trust().schools()) {
            if (settings.school() != null && !settings.school().equals(school.urn())) {
                continue;
            }
            for (LandingJob job : jobs) {
                if (school.sources().containsKey(job.system())
                        && (settings.entity() == null || settings.entity().equals(job.entity()))) {
                    outcomes.add(launch(school.urn(), job));
                }
            }
        }
        System.out.println(summary(Duration.between(started, Instant.now())));
    }

    @Override
    public int getExitCode() {
        return outcomes.stream().anyMatch(outcome -> outcome.status().equals("FAILED")) ? 1 : 0;
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    private Outcome launch(int urn, LandingJob job) {
        Instant started = Instant.now();
        JobParameters parameters = unfinished.toRestart(job.job().getName(), urn)
                .orElseGet(() -> freshParameters(urn, job, started));
        try {
            JobExecution execution = launcher.run(job.job(), parameters);
            return outcome(urn, job, execution, Duration.between(started, Instant.now()));
        } catch (Exception e) {
            log.error("Extract of {}/{} for school {} could not start: {}", job.system(), job.entity(), urn,
                    describe(e));
            return new Outcome(urn, job.entity(), "FAILED", 0, 0, 0, Duration.between(started, Instant.now()),
                    describe(e));
        }
    }

    private JobParameters freshParameters(int urn, LandingJob job, Instant started) {
        String loadId = LOAD_TIME.format(started) + "-" + urn + "-" + job.system() + "_" + job.entity();
        return new JobParametersBuilder()
                .addLong("schoolUrn", (long) urn)
                .addString("loadId", loadId)
                .addString("loadDate", settings.loadDateOrToday().toString())
                .toJobParameters();
    }

    private static Outcome outcome(int urn, LandingJob job, JobExecution execution, Duration took) {
        StepExecution landing = execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().endsWith("LandingStep"))
                .findFirst()
                .orElse(null);
        LandingWriter.Counts counts = landing == null ? new LandingWriter.Counts(0, 0, null)
                : LandingWriter.Counts.of(landing.getExecutionContext());
        long read = counts.read();
        String message = execution.getAllFailureExceptions().stream()
                .map(ExtractRunner::describe)
                .findFirst()
                .orElse("");
        String status = execution.getStatus() == BatchStatus.COMPLETED
                ? (read == 0 && counts.written() == 0 ? "NOTHING NEW" : "LANDED")
                : "FAILED";
        if (status.equals("FAILED")) {
            log.error("Extract of {}/{} for school {} failed: {}", job.system(), job.entity(), urn, message);
        }
        return new Outcome(urn, job.entity(), status, read, counts.written(), counts.rejected(), took, message);
    }

    /** The most heap the run has used, summed over the heap's pools. */
    private static long peakHeapMegabytes() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() / (1024 * 1024);
    }

    /** Our own message where one is in the chain of causes, else the first cause's. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.trustinsights.InsightsException) {
                return cause.getMessage();
            }
            root = cause;
        }
        return root.getMessage();
    }

    private String summary(Duration took) {
        StringBuilder out = new StringBuilder("\nExtract summary\n");
        out.append(String.format("%-8s %-14s %-12s %10s %10s %10s %8s%n",
                "school", "entity", "status", "read", "written", "rejected", "seconds"));
        long read = 0;
        long written = 0;
        long rejected = 0;
        for (Outcome outcome : outcomes) {
            out.append(String.format("%-8d %-14s %-12s %10d %10d %10d %8.1f%n", outcome.schoolUrn(),
                    outcome.entity(), outcome.status(), outcome.read(), outcome.written(), outcome.rejected(),
                    outcome.took().toMillis() / 1000.0));
            read += outcome.read();
            written += outcome.written();
            rejected += outcome.rejected();
        }
        out.append(String.format("%-8s %-14s %-12s %10d %10d %10d %8.1f%n", "all", "", "", read, written,
                rejected, took.toMillis() / 1000.0));
        out.append(String.format("%d records a second; peak heap %d MB%n",
                took.toMillis() == 0 ? 0 : Math.round(read * 1000.0 / took.toMillis()), peakHeapMegabytes()));
        outcomes.stream().filter(outcome -> !outcome.message().isEmpty()).forEach(outcome -> out.append(
                String.format("school %d %s: %s%n", outcome.schoolUrn(), outcome.entity(), outcome.message())));
        return out.toString();
    }
}
