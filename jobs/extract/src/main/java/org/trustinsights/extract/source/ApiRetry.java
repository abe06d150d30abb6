package org.trustinsights.extract.source;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

/**
 * Retries for API calls: a rate limit (429), a server error (5xx) or a broken connection is
 * tried again, up to {@code maxAttempts} in all. The wait is what the server asked for in
 * {@code Retry-After} when it said, else doubles from {@code firstWait}.
 */
public final class ApiRetry {

    private static final Logger log = LoggerFactory.getLogger(ApiRetry.class);

    private ApiRetry() {}

    /** A failure worth trying again, with the server's Retry-After header if it sent one. */
    public static final class RetryableFailure extends RuntimeException {

        private final String retryAfter;

        public RetryableFailure(String message, String retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        Duration requestedWait() {
            if (retryAfter == null) {
                return null;
            }
            try {
                return Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    public static RetryTemplate template(int maxAttempts, Duration firstWait, Duration longestWait) {
        RetryTemplate template = new RetryTemplate();
        template.setRetryPolicy(new SimpleRetryPolicy(maxAttempts, Map.of(RetryableFailure.class, true)));
        template.setBackOffPolicy(new RetryAfterBackOff(firstWait, longestWait));
        template.setThrowLastExceptionOnExhausted(true);
        return template;
    }

    /** Waits as the server asked, or exponentially, never longer than the longest wait. */
    private static final class RetryAfterBackOff implements BackOffPolicy {

        private final Duration firstWait;
        private final Duration longestWait;

        RetryAfterBackOff(Duration firstWait, Duration longestWait) {
            this.firstWait = firstWait;
            this.longestWait = longestWait;
        }

        private record Context(RetryContext retry) implements BackOffContext {}

        @Override
        public BackOffContext start(RetryContext context) {
            return new Context(context);
        }

        @Override
        public void backOff(BackOffContext backOffContext) {
            RetryContext retry = ((Context) backOffContext).retry();
            Duration wait = firstWait.multipliedBy(1L << Math.min(20, Math.max(0, retry.getRetryCount() - 1)));
            if (retry.getLastThrowable() instanceof RetryableFailure failure && failure.requestedWait() != null) {
                wait = failure.requestedWait();
            }
            if (wait.compareTo(longestWait) > 0) {
                wait = longestWait;
            }
            log.warn("{}; trying again in {} ms (attempt {})", retry.getLastThrowable().getMessage(), wait.toMillis(),
                    retry.getRetryCount() + 1);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackOffInterruptedException("Interrupted while waiting to retry", e);
            }
        }
    }
}
