package org.trustinsights.warehouse.gold.mentoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.trustinsights.config.Mentoring;

/**
 * Cross-school mentor matching as {@code gold.mentor_matches} defines it: which pairs the rules
 * allow, what each scores, the optimal assignment ({@link MentorAssignment}), and for every need
 * left without a mentor the first reason that holds. Plain Java over what the builder collected,
 * so the rules can be checked without Spark.
 */
public final class MentorMatching {

    /** A leader in post with a development need in a behaviour. */
    public record Need(String menteeKey, String behaviour, int schoolUrn, String phase, String roleLevel,
            int levelRank, boolean isFocus, boolean isLow, Double othersScore, Double benchmark) {

        String source() {
            return isFocus && isLow ? "focus_and_low_score" : isFocus ? "focus" : "low_score";
        }
    }

    /** A leader in post reliably strong in a behaviour. */
    public record Strength(String mentorKey, String behaviour, int schoolUrn, String phase, String roleLevel,
            int levelRank, double othersScore, Double benchmark) {}

    /** An active relationship from the mentoring source, kept as it is. */
    public record Existing(String menteeKey, String behaviour, String mentorKey, LocalDate startDate,
            int menteeSchoolUrn, int mentorSchoolUrn, String menteePhase, String mentorPhase,
            String menteeRoleLevel, String mentorRoleLevel, Double menteeScore, Double mentorScore) {}

    /** A row of gold.mentor_matches. */
    public record Match(String menteeKey, String behaviour, String mentorKey, int menteeSchoolUrn,
            int mentorSchoolUrn, String menteeRoleLevel, String mentorRoleLevel, String needSource,
            boolean isExisting, Double menteeScore, Double mentorScore, Double strengthPart, Double needPart,
            Double phaseFitPart, Double matchScore, String reason) {}

    /** A row of gold.mentor_unmatched. */
    public record Unmatched(String menteeKey, String behaviour, int schoolUrn, String roleLevel, String needSource,
            Double menteeScore, int countStrong, int countEligible, String reasonCode, String reason) {}

    /** What the assignment made and left. */
    public record Result(List<Match> matches, List<Unmatched> unmatched, int countNeeds, int countMentors,
            int countCandidates) {}

    /** The rating scale's ends, for the score parts. */
    public record Scale(double min, double max) {}

    /** How many of each need's best pairs the first flow is solved over, before pricing adds more. */
    static final int SHORTLIST = 4;

    private final Mentoring settings;
    private final Scale scale;
    private int rounds;
    private int pairsInGraph;

    public MentorMatching(Mentoring settings, Scale scale) {
        this.settings = settings;
        this.scale = scale;
    }

    /**
     * Matches the needs to the strong mentors. {@code lineManagers} gives each mentee's line
     * managers' keys.
     */
    public Result match(List<Need> needs, List<Strength> strengths, Map<String, Set<String>> lineManagers,
            List<Existing> existing) {
        List<Need> sortedNeeds = needs.stream()
                .sorted(Comparator.comparing(Need::menteeKey).thenComparing(Need::behaviour)).toList();
        Map<String, List<Strength>> strongIn = new HashMap<>();
        strengths.stream().sorted(Comparator.comparing(Strength::mentorKey))
                .forEach(strength -> strongIn.computeIfAbsent(strength.behaviour(), key -> new ArrayList<>())
                        .add(strength));

        Map<String, Integer> menteeTaken = new HashMap<>();
        Map<String, Integer> mentorTaken = new HashMap<>();
        Set<String> met = new TreeSet<>();
        List<Match> matches = new ArrayList<>();
        for (Existing relation : existing) {
            menteeTaken.merge(relation.menteeKey(), 1, Integer::sum);
            mentorTaken.merge(relation.mentorKey(), 1, Integer::sum);
            met.add(relation.menteeKey() + "|" + relation.behaviour());
            matches.add(kept(relation));
        }

        List<Need> open = sortedNeeds.stream().filter(need -> !met.contains(need.menteeKey() + "|" + need.behaviour()))
                .toList();
        Map<String, Integer> menteeIndex = new LinkedHashMap<>();
        Map<String, Integer> mentorIndex = new LinkedHashMap<>();
        Map<Need, Judgement> judgements = new HashMap<>();
        int[] needMentee = new int[open.size()];
        for (int index = 0; index < open.size(); index++) {
            Need need = open.get(index);
            needMentee[index] = menteeIndex.computeIfAbsent(need.menteeKey(), key -> menteeIndex.size());
            Judgement judgement = new Judgement();
            for (Strength mentor : strongIn.getOrDefault(need.behaviour(), List.of())) {
                if (mentor.mentorKey().equals(need.menteeKey())) {
                    continue;
                }
                judgement.strong++;
                String ruledOut = ruledOut(need, mentor, lineManagers.getOrDefault(need.menteeKey(), Set.of()));
                if (ruledOut != null) {
                    judgement.ruledOut.add(ruledOut);
                    continue;
                }
                judgement.eligible++;
                mentorIndex.computeIfAbsent(mentor.mentorKey(), key -> mentorIndex.size());
            }
            judgements.put(need, judgement);
        }

        int[] menteePlaces = new int[menteeIndex.size()];
        menteeIndex.forEach((mentee, at) ->
                menteePlaces[at] = Math.max(0, settings.menteeCapacity() - menteeTaken.getOrDefault(mentee, 0)));
        int[] mentorPlaces = new int[mentorIndex.size()];
        List<String> mentorKeys = new ArrayList<>(mentorIndex.keySet());
        mentorIndex.forEach((mentor, at) ->
                mentorPlaces[at] = Math.max(0, settings.capacity() - mentorTaken.getOrDefault(mentor, 0)));

        // The allowed pairs of a need, made again whenever the solver asks, so that no list of
        // every pair is ever held.
        MentorAssignment.Pairs allowed = (index, sink) -> {
            Need need = open.get(index);
            Set<String> managers = lineManagers.getOrDefault(need.menteeKey(), Set.of());
            for (Strength mentor : strongIn.getOrDefault(need.behaviour(), List.of())) {
                if (!mentor.mentorKey().equals(need.menteeKey()) && ruledOut(need, mentor, managers) == null) {
                    sink.accept(mentorIndex.get(mentor.mentorKey()), Math.round(score(need, mentor).score * 1_000_000));
                }
            }
        };
        MentorAssignment.Solution solution = MentorAssignment.solve(needMentee, menteePlaces, mentorPlaces, allowed,
                SHORTLIST);
        this.rounds = solution.rounds();
        this.pairsInGraph = solution.pairsInGraph();

        Set<Need> matched = new java.util.HashSet<>();
        int countPairs = judgements.values().stream().mapToInt(judgement -> judgement.eligible).sum();
        for (MentorAssignment.Candidate chosen : solution.chosen()) {
            Need need = open.get(chosen.need());
            String mentorKey = mentorKeys.get(chosen.mentor());
            Strength mentor = strongIn.get(need.behaviour()).stream()
                    .filter(strength -> strength.mentorKey().equals(mentorKey)).findFirst().orElseThrow();
            matched.add(need);
            menteeTaken.merge(need.menteeKey(), 1, Integer::sum);
            matches.add(proposed(score(need, mentor)));
        }

        List<Unmatched> unmatched = new ArrayList<>();
        for (Need need : open) {
            if (!matched.contains(need)) {
                unmatched.add(unmatched(need, judgements.get(need),
                        menteeTaken.getOrDefault(need.menteeKey(), 0) >= settings.menteeCapacity()));
            }
        }
        matches.sort(Comparator.comparing(Match::menteeKey).thenComparing(Match::behaviour));
        return new Result(matches, unmatched, open.size(), mentorIndex.size(), countPairs);
    }

    /** Rounds of pricing the last match took, and the pairs its final flow held. */
    public String solverSummary() {
        return rounds + " rounds, " + pairsInGraph + " pairs in the final graph";
    }

    /** Why the rules rule a mentor out for a need, or null when they allow the pair. */
    private String ruledOut(Need need, Strength mentor, Set<String> managers) {
        if (mentor.schoolUrn() == need.schoolUrn()) {
            return "at the mentee's school";
        }
        if (managers.contains(mentor.mentorKey())) {
            return "the mentee's line manager";
        }
        if (mentor.levelRank() < need.levelRank()) {
            return "below the mentee's role level";
        }
        if (settings.requirePhaseFit() && !mentor.phase().equals(need.phase())) {
            return "in a school of another phase";
        }
        return null;
    }

    private Pair score(Need need, Strength mentor) {
        double range = scale.max() - scale.min();
        double strength = clamp((mentor.othersScore() - scale.min()) / range);
        double needPart = need.othersScore() == null ? settings.unscoredNeed()
                : clamp((scale.max() - need.othersScore()) / range);
        double phaseFit = mentor.phase().equals(need.phase()) ? 1 : 0;
        Mentoring.Weights weights = settings.weights();
        double score = weights.strength() * strength + weights.need() * needPart + weights.phaseFit() * phaseFit;
        return new Pair(need, mentor, strength, needPart, phaseFit, score);
    }

    private Match proposed(Pair pair) {
        Need need = pair.need;
        Strength mentor = pair.mentor;
        StringBuilder reason = new StringBuilder(String.format(Locale.ROOT,
                "Mentor rated %.1f by others in %s, reliably above the trust benchmark of %.1f; ",
                mentor.othersScore(), need.behaviour(), mentor.benchmark()));
        reason.append(switch (need.source()) {
            case "focus" -> need.behaviour() + " is the mentee's cycle focus";
            case "low_score" -> String.format(Locale.ROOT, "the mentee is rated %.1f, reliably below the benchmark of %.1f",
                    need.othersScore(), need.benchmark());
            default -> String.format(Locale.ROOT, "%s is the mentee's cycle focus and the mentee is rated %.1f,"
                    + " reliably below the benchmark", need.behaviour(), need.othersScore());
        });
        reason.append(mentor.phase().equals(need.phase())
                ? "; both schools are " + words(need.phase())
                : "; the schools are " + words(need.phase()) + " and " + words(mentor.phase()));
        return new Match(need.menteeKey(), need.behaviour(), mentor.mentorKey(), need.schoolUrn(), mentor.schoolUrn(),
                need.roleLevel(), mentor.roleLevel(), need.source(), false, need.othersScore(), mentor.othersScore(),
                pair.strength, pair.needPart, pair.phaseFit, pair.score, reason.toString());
    }

    private Match kept(Existing relation) {
        double range = scale.max() - scale.min();
        Double strength = relation.mentorScore() == null ? null : clamp((relation.mentorScore() - scale.min()) / range);
        Double need = relation.menteeScore() == null ? null : clamp((scale.max() - relation.menteeScore()) / range);
        double phaseFit = relation.menteePhase().equals(relation.mentorPhase()) ? 1 : 0;
        Mentoring.Weights weights = settings.weights();
        Double score = strength == null || need == null ? null
                : weights.strength() * strength + weights.need() * need + weights.phaseFit() * phaseFit;
        return new Match(relation.menteeKey(), relation.behaviour(), relation.mentorKey(), relation.menteeSchoolUrn(),
                relation.mentorSchoolUrn(), relation.menteeRoleLevel(), relation.mentorRoleLevel(),
                "existing_relationship", true, relation.menteeScore(), relation.mentorScore(), strength, need, phaseFit,
                score, "An active mentoring relationship in " + relation.behaviour() + " since "
                        + relation.startDate() + ", kept as it is");
    }

    private Unmatched unmatched(Need need, Judgement judgement, boolean menteeFull) {
        String code;
        String reason;
        if (judgement.strong == 0) {
            code = "no_strong_mentor";
            reason = "Nobody in post in the trust is reliably strong in " + need.behaviour();
        } else if (judgement.eligible == 0) {
            code = "no_eligible_mentor";
            reason = String.format(Locale.ROOT, "%s reliably strong in %s, but %s %s", leaders(judgement.strong),
                    need.behaviour(), judgement.strong == 1 ? "they are" : "all are",
                    String.join(" or ", judgement.ruledOut));
        } else if (menteeFull) {
            code = "mentee_at_capacity";
            reason = String.format(Locale.ROOT, "The mentee already has %d %s for other behaviours",
                    settings.menteeCapacity(), settings.menteeCapacity() == 1 ? "mentor" : "mentors");
        } else {
            code = "mentors_at_capacity";
            reason = String.format(Locale.ROOT, "%s could mentor in %s, but the best assignment gave %s to other mentees",
                    leaders(judgement.eligible), need.behaviour(), judgement.eligible == 1 ? "their places" : "all their places");
        }
        return new Unmatched(need.menteeKey(), need.behaviour(), need.schoolUrn(), need.roleLevel(), need.source(),
                need.othersScore(), judgement.strong, judgement.eligible, code, reason);
    }

    private static String leaders(int count) {
        return count == 1 ? "One leader is" : count + " leaders are";
    }

    private static String words(String code) {
        return code.replace('_', ' ');
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private record Pair(Need need, Strength mentor, double strength, double needPart, double phaseFit, double score) {}

    /** What the rules made of the strong mentors for one need. */
    private static final class Judgement {
        int strong;
        int eligible;
        final Set<String> ruledOut = new TreeSet<>(Comparator.comparingInt(MentorMatching::ruleOrder));
    }

    private static int ruleOrder(String rule) {
        return List.of("at the mentee's school", "the mentee's line manager", "below the mentee's role level",
                "in a school of another phase").indexOf(rule);
    }
}
