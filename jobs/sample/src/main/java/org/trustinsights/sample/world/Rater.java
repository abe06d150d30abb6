package org.trustinsights.sample.world;

import java.time.LocalDateTime;

/**
 * One rater of a sitting: their platform id, how they stand to the leader, how kindly they rate,
 * and when they answered (null when they have not).
 */
public record Rater(String raterId, RaterRole role, double leniency, LocalDateTime answeredAt) {

    public boolean answered() {
        return answeredAt != null;
    }
}
