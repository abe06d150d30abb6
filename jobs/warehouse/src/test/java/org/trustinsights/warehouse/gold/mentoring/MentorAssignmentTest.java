package org.trustinsights.warehouse.gold.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.trustinsights.warehouse.gold.mentoring.MentorAssignment.Candidate;

/** The min-cost-flow assignment against exhaustive search on small random instances. */
class MentorAssignmentTest {

    @Test
    void findsTheSameOptimumAsExhaustiveSearch() {
        Random random = new Random(20261204);
        for (int instance = 0; instance < 300; instance++) {
            Problem problem = Problem.random(random);
            List<Integer> chosen = MentorAssignment.solve(problem.needMentee, problem.menteePlaces,
                    problem.mentorPlaces, problem.candidates);

            assertThat(problem.isFeasible(chosen)).as("instance %d: %s", instance, problem).isTrue();
            assertThat(problem.total(chosen)).as("instance %d: %s", instance, problem).isEqualTo(problem.bestTotal());
        }
    }

    @Test
    void pricingFromAShortlistOfOneReachesTheSameOptimum() {
        Random random = new Random(41);
        int priced = 0;
        for (int instance = 0; instance < 300; instance++) {
            Problem problem = Problem.random(random);
            MentorAssignment.Solution solution = MentorAssignment.solve(problem.needMentee, problem.menteePlaces,
                    problem.mentorPlaces, (need, sink) -> problem.candidates.stream()
                            .filter(candidate -> candidate.need() == need)
                            .forEach(candidate -> sink.accept(candidate.mentor(), candidate.score())), 1);
            List<Integer> chosen = solution.chosen().stream().map(problem.candidates::indexOf).toList();

            assertThat(problem.isFeasible(chosen)).as("instance %d: %s", instance, problem).isTrue();
            assertThat(problem.total(chosen)).as("instance %d: %s", instance, problem).isEqualTo(problem.bestTotal());
            priced += solution.rounds() > 1 ? 1 : 0;
        }
        assertThat(priced).as("instances that needed a second round").isPositive();
    }

    @Test
    void theSameCandidatesGiveTheSamePairs() {
        Random random = new Random(7);
        for (int instance = 0; instance < 50; instance++) {
            Problem problem = Problem.random(random);
            assertThat(MentorAssignment.solve(problem.needMentee, problem.menteePlaces, problem.mentorPlaces,
                    problem.candidates))
                    .isEqualTo(MentorAssignment.solve(problem.needMentee, problem.menteePlaces, problem.mentorPlaces,
                            problem.candidates));
        }
    }

    @Test
    void aMentorWithOnePlaceGoesWhereTheTotalIsGreatest() {
        // Mentor 0 scores 9 with need 0 and 8 with need 1; mentor 1 only serves need 0, scoring 5.
        // Greedy would give mentor 0 to need 0 (9) and leave need 1 (total 9); the optimum is 8 + 5.
        List<Candidate> candidates = List.of(new Candidate(0, 0, 9), new Candidate(1, 0, 8), new Candidate(0, 1, 5));

        List<Integer> chosen = MentorAssignment.solve(new int[] {0, 1}, new int[] {1, 1}, new int[] {1, 1}, candidates);

        assertThat(chosen).containsExactly(1, 2);
    }

    @Test
    void aMenteeAtCapacityGetsNoMoreMentors() {
        // One mentee with two needs and one place: only the better need is met.
        List<Candidate> candidates = List.of(new Candidate(0, 0, 3), new Candidate(1, 1, 7));

        assertThat(MentorAssignment.solve(new int[] {0, 0}, new int[] {1}, new int[] {2, 2}, candidates))
                .containsExactly(1);
        assertThat(MentorAssignment.solve(new int[] {0, 0}, new int[] {0}, new int[] {2, 2}, candidates)).isEmpty();
    }

    /** A random instance: up to 5 mentees with up to 3 needs each, up to 4 mentors. */
    private record Problem(int[] needMentee, int[] menteePlaces, int[] mentorPlaces, List<Candidate> candidates) {

        static Problem random(Random random) {
            int mentees = 1 + random.nextInt(4);
            int mentors = 1 + random.nextInt(4);
            List<Integer> needs = new ArrayList<>();
            for (int mentee = 0; mentee < mentees; mentee++) {
                int count = 1 + random.nextInt(3);
                for (int need = 0; need < count; need++) {
                    needs.add(mentee);
                }
            }
            int[] menteePlaces = new int[mentees];
            for (int mentee = 0; mentee < mentees; mentee++) {
                menteePlaces[mentee] = random.nextInt(3);
            }
            int[] mentorPlaces = new int[mentors];
            for (int mentor = 0; mentor < mentors; mentor++) {
                mentorPlaces[mentor] = random.nextInt(3);
            }
            List<Candidate> candidates = new ArrayList<>();
            for (int need = 0; need < needs.size() && candidates.size() < 14; need++) {
                for (int mentor = 0; mentor < mentors && candidates.size() < 14; mentor++) {
                    if (random.nextInt(3) > 0) {
                        // Few distinct scores, so ties are common.
                        candidates.add(new Candidate(need, mentor, 1 + random.nextInt(5)));
                    }
                }
            }
            return new Problem(needs.stream().mapToInt(Integer::intValue).toArray(), menteePlaces, mentorPlaces,
                    candidates);
        }

        boolean isFeasible(List<Integer> chosen) {
            int[] needUses = new int[needMentee.length];
            int[] menteeUses = new int[menteePlaces.length];
            int[] mentorUses = new int[mentorPlaces.length];
            for (int position : chosen) {
                Candidate candidate = candidates.get(position);
                if (++needUses[candidate.need()] > 1 || ++menteeUses[needMentee[candidate.need()]]
                        > menteePlaces[needMentee[candidate.need()]] || ++mentorUses[candidate.mentor()]
                        > mentorPlaces[candidate.mentor()]) {
                    return false;
                }
            }
            return true;
        }

        long total(List<Integer> chosen) {
            return chosen.stream().mapToLong(position -> candidates.get(position).score()).sum();
        }

        /** The greatest total over every feasible subset of candidates. */
        long bestTotal() {
            long best = 0;
            for (int subset = 0; subset < 1 << candidates.size(); subset++) {
                List<Integer> chosen = new ArrayList<>();
                for (int position = 0; position < candidates.size(); position++) {
                    if ((subset & 1 << position) != 0) {
                        chosen.add(position);
                    }
                }
                if (isFeasible(chosen)) {
                    best = Math.max(best, total(chosen));
                }
            }
            return best;
        }

        @Override
        public String toString() {
            return "needs of mentees " + java.util.Arrays.toString(needMentee) + ", mentee places "
                    + java.util.Arrays.toString(menteePlaces) + ", mentor places "
                    + java.util.Arrays.toString(mentorPlaces) + ", candidates " + candidates;
        }
    }
}
