package org.trustinsights.warehouse.silver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which person each school staff record is. A (school, staff id) pair seen before keeps
 * its person. A new pair is matched on the national teacher reference number, then on e-mail
 * address, against every person known so far (including those matched earlier in the same
 * batch); a pair that matches neither is a new person, keyed by a pseudonym of the pair.
 */
public final class LeaderMatcher {

    /** A staff record's identity as the school sent it. */
    public record StaffIdentity(int schoolUrn, String staffId, String trn, String email) {

        String pair() {
            return schoolUrn + ":" + staffId;
        }
    }

    /** The person a pair belongs to, and on what it was matched: trn, email, staff_id or new. */
    public record Decision(StaffIdentity identity, String leaderKey, String matchedOn) {}

    private final PseudonymKeys keys;
    private final Map<String, String> byPair = new HashMap<>();
    private final Map<String, String> byTrn = new HashMap<>();
    private final Map<String, String> byEmail = new HashMap<>();

    public LeaderMatcher(PseudonymKeys keys) {
        this.keys = keys;
    }

    /** Teaches the matcher a person it already knows. */
    public void know(StaffIdentity identity, String leaderKey) {
        byPair.put(identity.pair(), leaderKey);
        remember(identity, leaderKey);
    }

    /** Decides every identity in order; the order makes the decisions repeatable. */
    public List<Decision> match(List<StaffIdentity> identities) {
        List<Decision> decisions = new ArrayList<>();
        for (StaffIdentity identity : identities) {
            Decision decision = decide(identity);
            byPair.put(identity.pair(), decision.leaderKey());
            remember(identity, decision.leaderKey());
            decisions.add(decision);
        }
        return decisions;
    }

    private Decision decide(StaffIdentity identity) {
        String known = byPair.get(identity.pair());
        if (known != null) {
            return new Decision(identity, known, "staff_id");
        }
        if (identity.trn() != null && byTrn.containsKey(identity.trn())) {
            return new Decision(identity, byTrn.get(identity.trn()), "trn");
        }
        String email = normalised(identity.email());
        if (email != null && byEmail.containsKey(email)) {
            return new Decision(identity, byEmail.get(email), "email");
        }
        return new Decision(identity, keys.key("L", identity.pair()), "new");
    }

    private void remember(StaffIdentity identity, String leaderKey) {
        if (identity.trn() != null) {
            byTrn.putIfAbsent(identity.trn(), leaderKey);
        }
        String email = normalised(identity.email());
        if (email != null) {
            byEmail.putIfAbsent(email, leaderKey);
        }
    }

    private static String normalised(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
