package org.trustinsights.warehouse.gold.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.trustinsights.config.Mentoring;
import org.trustinsights.warehouse.gold.mentoring.MentorMatching.Existing;
import org.trustinsights.warehouse.gold.mentoring.MentorMatching.Match;
import org.trustinsights.warehouse.gold.mentoring.MentorMatching.Need;
import org.trustinsights.warehouse.gold.mentoring.MentorMatching.Result;
import org.trustinsights.warehouse.gold.mentoring.MentorMatching.Strength;
import org.trustinsights.warehouse.gold.mentoring.MentorMatching.Unmatched;

/**
 * The matching rules on a hand-made trust, scale 1 to 5, default settings (2 places a mentor,
 * 1 a mentee, weights 0.5 strength, 0.3 need, 0.2 phase fit). Schools 100001 and 100002 are
 * primary, 100003 secondary.
 *
 * <pre>
 * Needs                                    Strong mentors
 * m1 S3 focus, 2.5 at 100001, middle        a S3 4.6 at 100002, head (already mentors x in S9)
 * m1 C2 focus, not scored                   b S3 4.4 at 100003, deputy (m2's line manager)
 * m2 S3 low 2.2 at 100002, deputy           c T4 4.5 at 100001, head
 * m3 T4 focus at 100001, middle             d C2 4.8 at 100003, assistant
 * m4 C1 low 2.1 at 100001, middle
 * m5 S3 low 2.0 at 100003, middle
 * x  S9 low 2.3 at 100001, middle
 * </pre>
 *
 * Scores: m1-S3-a 0.45 + 0.1875 + 0.2 = 0.8375; m1-S3-b 0.425 + 0.1875 = 0.6125; m1-C2-d 0.475 +
 * 0.15 = 0.625; m5-S3-a 0.45 + 0.225 = 0.675. a has one place left and m1 one: the best total is
 * m1-C2-d with m5-S3-a, 1.3, ahead of m1-S3-b with m5-S3-a (1.2875) and m1-S3-a alone (0.8375),
 * which a greedy pass would take first.
 */
class MentorMatchingTest {

    private static final MentorMatching.Scale SCALE = new MentorMatching.Scale(1, 5);

    @Test
    void theBestTotalIsChosenAndEveryNeedLeftHasItsReason() {
        List<Need> needs = List.of(
                need("m1", "S3", 100001, "primary", "middle_leader", 1, true, false, 2.5),
                need("m1", "C2", 100001, "primary", "middle_leader", 1, true, false, null),
                need("m2", "S3", 100002, "primary", "deputy_head", 3, false, true, 2.2),
                need("m3", "T4", 100001, "primary", "middle_leader", 1, true, false, null),
                need("m4", "C1", 100001, "primary", "middle_leader", 1, false, true, 2.1),
                need("m5", "S3", 100003, "secondary", "middle_leader", 1, false, true, 2.0),
                need("x", "S9", 100001, "primary", "middle_leader", 1, false, true, 2.3));
        List<Strength> strengths = List.of(
                strength("a", "S3", 100002, "primary", "headteacher", 4, 4.6),
                strength("b", "S3", 100003, "secondary", "deputy_head", 3, 4.4),
                strength("c", "T4", 100001, "primary", "headteacher", 4, 4.5),
                strength("d", "C2", 100003, "secondary", "assistant_head", 2, 4.8));
        List<Existing> existing = List.of(new Existing("x", "S9", "a", LocalDate.of(2025, 1, 10), 100001, 100002,
                "primary", "primary", "middle_leader", "headteacher", 2.3, null));

        Result result = new MentorMatching(Mentoring.defaults(), SCALE)
                .match(needs, strengths, Map.of("m2", Set.of("b")), existing);

        assertThat(result.matches()).extracting(Match::menteeKey, Match::behaviour, Match::mentorKey,
                        Match::needSource, Match::isExisting)
                .containsExactly(
                        tuple("m1", "C2", "d", "focus", false),
                        tuple("m5", "S3", "a", "low_score", false),
                        tuple("x", "S9", "a", "existing_relationship", true));
        Match m1 = result.matches().get(0);
        assertThat(m1.strengthPart()).isCloseTo(0.95, Offset.offset(1e-9));
        assertThat(m1.needPart()).isCloseTo(0.5, Offset.offset(1e-9));
        assertThat(m1.phaseFitPart()).isZero();
        assertThat(m1.matchScore()).isCloseTo(0.625, Offset.offset(1e-9));
        assertThat(m1.reason()).isEqualTo("Mentor rated 4.8 by others in C2, reliably above the trust benchmark"
                + " of 3.7; C2 is the mentee's cycle focus; the schools are primary and secondary");
        assertThat(result.matches().get(1).matchScore()).isCloseTo(0.675, Offset.offset(1e-9));
        assertThat(result.matches().get(2).matchScore()).as("a kept pair without the mentor's score").isNull();

        assertThat(result.unmatched()).extracting(Unmatched::menteeKey, Unmatched::behaviour, Unmatched::reasonCode,
                        Unmatched::countStrong, Unmatched::countEligible)
                .containsExactly(
                        tuple("m1", "S3", "mentee_at_capacity", 2, 2),
                        tuple("m2", "S3", "no_eligible_mentor", 2, 0),
                        tuple("m3", "T4", "no_eligible_mentor", 1, 0),
                        tuple("m4", "C1", "no_strong_mentor", 0, 0));
        assertThat(result.unmatched()).extracting(Unmatched::reason).containsExactly(
                "The mentee already has 1 mentor for other behaviours",
                "2 leaders are reliably strong in S3, but all are at the mentee's school or the mentee's line manager",
                "One leader is reliably strong in T4, but they are at the mentee's school",
                "Nobody in post in the trust is reliably strong in C1");
    }

    @Test
    void aMentorBelowTheMenteeOrInAnotherPhaseIsRuledOutWhenPhaseFitIsRequired() {
        Mentoring phaseFit = new Mentoring(null, null, true, null, null);
        List<Need> needs = List.of(need("n1", "S3", 100003, "secondary", "deputy_head", 3, false, true, 2.4));
        List<Strength> strengths = List.of(
                strength("p", "S3", 100001, "primary", "headteacher", 4, 4.6),
                strength("q", "S3", 100002, "primary", "middle_leader", 1, 4.7));

        Result strict = new MentorMatching(phaseFit, SCALE).match(needs, strengths, Map.of(), List.of());
        Result relaxed = new MentorMatching(Mentoring.defaults(), SCALE).match(needs, strengths, Map.of(), List.of());

        assertThat(strict.matches()).isEmpty();
        assertThat(strict.unmatched()).extracting(Unmatched::reason).containsExactly(
                "2 leaders are reliably strong in S3, but all are below the mentee's role level"
                        + " or in a school of another phase");
        assertThat(relaxed.matches()).extracting(Match::mentorKey).containsExactly("p");
    }

    @Test
    void aMentorsPlacesAreSharedAcrossBehaviours() {
        // e has two places; three mentees at other schools need e in different behaviours.
        List<Need> needs = List.of(
                need("k1", "S1", 100001, "primary", "middle_leader", 1, false, true, 2.0),
                need("k2", "S2", 100001, "primary", "middle_leader", 1, false, true, 2.5),
                need("k3", "S3", 100002, "primary", "middle_leader", 1, false, true, 3.0));
        List<Strength> strengths = List.of(
                strength("e", "S1", 100003, "secondary", "headteacher", 4, 4.5),
                strength("e", "S2", 100003, "secondary", "headteacher", 4, 4.5),
                strength("e", "S3", 100003, "secondary", "headteacher", 4, 4.5));

        Result result = new MentorMatching(Mentoring.defaults(), SCALE).match(needs, strengths, Map.of(), List.of());

        assertThat(result.matches()).extracting(Match::menteeKey).containsExactly("k1", "k2");
        assertThat(result.unmatched()).extracting(Unmatched::menteeKey, Unmatched::reasonCode)
                .containsExactly(tuple("k3", "mentors_at_capacity"));
    }

    private static Need need(String mentee, String behaviour, int urn, String phase, String level, int rank,
            boolean focus, boolean low, Double score) {
        return new Need(mentee, behaviour, urn, phase, level, rank, focus, low, score, 3.7);
    }

    private static Strength strength(String mentor, String behaviour, int urn, String phase, String level, int rank,
            double score) {
        return new Strength(mentor, behaviour, urn, phase, level, rank, score, 3.7);
    }
}
