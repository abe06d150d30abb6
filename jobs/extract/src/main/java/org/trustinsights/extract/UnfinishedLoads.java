package org.trustinsights.extract;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Finds a school's load that did not finish, so the next run carries it on from its last
 * committed chunk instead of starting again. A load left "started" by a process that was
 * killed is marked failed first; the lake lock guarantees no other process is running it.
 * A load that failed only because it had too many rejects is not carried on: the next run
 * starts afresh, and takes a corrected file if the school sent one.
 */
@Component
class UnfinishedLoads {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedLoads.class);
    private static final int INSTANCES_SEARCHED = 500;

    private final JobExplorer explorer;
    private final JobRepository repository;

    UnfinishedLoads(JobExplorer explorer, JobRepository repository) {
        this.explorer = explorer;
        this.repository = repository;
    }

    /** The parameters to restart the school's unfinished load with, if it has one. */
    Optional<JobParameters> toRestart(String jobName, int schoolUrn) {
        List<JobInstance> instances = explorer.getJobInstances(jobName, 0, INSTANCES_SEARCHED);
        for (JobInstance instance : instances) {
            JobExecution last = explorer.getLastJobExecution(instance);
            if (last == null || last.getJobParameters().getLong("schoolUrn") != schoolUrn) {
                continue;
            }
            return restartable(last) ? Optional.of(last.getJobParameters()) : Optional.empty();
        }
        return Optional.empty();
    }

    private boolean restartable(JobExecution execution) {
        if (execution.getStatus().isRunning()) {
            markFailed(execution);
            return true;
        }
        boolean landed = execution.getStepExecutions().stream()
                .anyMatch(step -> step.getStepName().endsWith("LandingStep")
                        && step.getStatus() == BatchStatus.COMPLETED);
        boolean unfinished = execution.getStatus() == BatchStatus.FAILED
                || execution.getStatus() == BatchStatus.STOPPED;
        return unfinished && !landed;
    }

    private void markFailed(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        ExitStatus abandoned = ExitStatus.FAILED.addExitDescription("the process ended before the load finished");
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(abandoned);
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(abandoned);
        execution.setEndTime(now);
        repository.update(execution);
        log.warn("Load {} of {} was left unfinished by a process that ended; carrying it on",
                execution.getJobParameters().getString("loadId"), execution.getJobInstance().getJobName());
    }
}
