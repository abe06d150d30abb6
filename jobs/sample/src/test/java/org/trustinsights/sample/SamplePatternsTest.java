package org.trustinsights.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustinsights.sample.world.Person;
import org.trustinsights.sample.world.SampleTrust;
import org.trustinsights.sample.world.School;
import org.trustinsights.sample.world.SelfView;

/**
 * The patterns the analytics must find, computed from the written files alone. The simulation
 * says only who is meant to show them: its self views and school cultures.
 */
class SamplePatternsTest {

    private static final double AGREEMENT_MARGIN = 0.5;

    /** Scores of one sitting for one behaviour, and the item asked. */
    private record Scores(List<Integer> self, List<Integer> others, String itemId) {}

    private static SampleTrust trust;
    private static final Map<String, JsonNode> SITTINGS = new HashMap<>();
    private static final Map<String, String> SCHOOL_OF_SITTING = new HashMap<>();
    private static final Map<String, Map<String, Scores>> SCORES = new HashMap<>();

    @BeforeAll
    static void readSample() {
        SampleGenerator.Generated sample = Samples.defaultScale();
        trust = sample.trust();
        Path root = sample.summary().output();
        for (Path file : DropReader.find(root, "sources/*/diagnostics/sittings/*.jsonl")) {
            String urn = root.relativize(file).getName(1).toString();
            for (JsonNode sitting : DropReader.jsonLines(file)) {
                SITTINGS.put(sitting.get("sitting_id").asText(), sitting);
                SCHOOL_OF_SITTING.put(sitting.get("sitting_id").asText(), urn);
            }
        }
        for (Path file : DropReader.find(root, "sources/*/diagnostics/responses/*.jsonl.gz")) {
            DropReader.jsonLines(file).forEach(SamplePatternsTest::add);
        }
    }

    @Test
    void overEstimatorsRateThemselvesWellAboveWhatOthersSee() {
        Map<String, Double> gaps = gapsByParticipant();
        Map<SelfView, List<Double>> gapsByView = new HashMap<>();

        for (Person person : trust.people()) {
            if (gaps.containsKey(person.participantId())) {
                gapsByView.computeIfAbsent(person.selfView(), view -> new ArrayList<>())
                        .add(gaps.get(person.participantId()));
            }
        }

        assertThat(gapsByView.get(SelfView.OVER_ESTIMATOR)).hasSizeGreaterThan(5);
        assertThat(mean(gapsByView.get(SelfView.OVER_ESTIMATOR))).isGreaterThan(0.7);
        assertThat(share(gapsByView.get(SelfView.OVER_ESTIMATOR), gap -> gap > AGREEMENT_MARGIN))
                .isGreaterThan(0.9);
        assertThat(mean(gapsByView.get(SelfView.IN_LINE))).isBetween(-0.2, 0.3);
        assertThat(share(gapsByView.get(SelfView.IN_LINE), gap -> Math.abs(gap) < AGREEMENT_MARGIN))
                .isGreaterThan(0.9);
        assertThat(mean(gapsByView.get(SelfView.UNDER_ESTIMATOR))).isLessThan(-0.6);
    }

    @Test
    void schoolBlindSpotsShowAsMostOfTheSchoolsLeadersOverRatingThem() {
        Map<String, Double> shares = overEstimatingShares();
        double usual = median(new ArrayList<>(shares.values()));

        List<String> blindSpots = new ArrayList<>();
        for (School school : trust.schools()) {
            trust.cultures().blindSpots(school).forEach(behaviour ->
                    blindSpots.add(school.urn() + " "
                            + trust.framework().behaviour(behaviour).code()));
        }

        assertThat(blindSpots).hasSizeGreaterThanOrEqualTo(2);
        assertThat(usual).isLessThan(0.35);
        for (String blindSpot : blindSpots) {
            assertThat(shares.get(blindSpot)).as(blindSpot)
                    .isGreaterThan(0.6)
                    .isGreaterThan(2 * usual);
        }
    }

    @Test
    void completedCyclesLiftTheirFocusBehavioursAtTheNextSitting() {
        List<Double> focusChanges = new ArrayList<>();
        List<Double> otherChanges = new ArrayList<>();
        Map<String, List<JsonNode>> completed = completedCycles();

        for (List<JsonNode> sittings : sittingsByParticipant().values()) {
            for (int index = 1; index < sittings.size(); index++) {
                JsonNode before = sittings.get(index - 1);
                JsonNode after = sittings.get(index);
                Set<String> grown = grownBetween(completed.getOrDefault(
                        before.get("participant_id").asText(), List.of()), before, after);
                if (!grown.isEmpty() && yearsApart(before, after) == 1) {
                    compare(before, after, grown, focusChanges, otherChanges);
                }
            }
        }

        assertThat(focusChanges).hasSizeGreaterThan(100);
        assertThat(mean(focusChanges)).isBetween(0.25, 0.6);
        assertThat(mean(otherChanges)).isBetween(-0.1, 0.1);
    }

    private static void add(JsonNode response) {
        if (response.get("sitting_id").isNull()) {
            return;
        }
        int score = response.get("score").asInt();
        if (score < 1 || score > 5) {
            return;
        }
        String itemId = response.get("item_id").asText();
        Scores scores = SCORES
                .computeIfAbsent(response.get("sitting_id").asText(), key -> new HashMap<>())
                .computeIfAbsent(behaviour(itemId),
                        key -> new Scores(new ArrayList<>(), new ArrayList<>(), itemId));
        boolean self = response.get("rater_role").asText().equals("self");
        (self ? scores.self() : scores.others()).add(score);
    }

    /** By leader: the mean over their sittings and behaviours of self minus others. */
    private static Map<String, Double> gapsByParticipant() {
        Map<String, List<Double>> gaps = new HashMap<>();
        SCORES.forEach((sittingId, behaviours) -> behaviours.values().stream()
                .filter(scores -> !scores.self().isEmpty() && !scores.others().isEmpty())
                .forEach(scores -> gaps
                        .computeIfAbsent(participant(sittingId), key -> new ArrayList<>())
                        .add(meanOf(scores.self()) - meanOf(scores.others()))));
        Map<String, Double> means = new HashMap<>();
        gaps.forEach((participant, values) -> means.put(participant, mean(values)));
        return means;
    }

    /** By "urn behaviour": the share of the school's leaders whose gap passes the margin. */
    private static Map<String, Double> overEstimatingShares() {
        Map<String, List<Double>> selfScores = new HashMap<>();
        Map<String, List<Double>> otherScores = new HashMap<>();
        SCORES.forEach((sittingId, behaviours) -> behaviours.forEach((behaviour, scores) -> {
            String leader = school(sittingId) + " " + behaviour + " " + participant(sittingId);
            List<Double> self = selfScores.computeIfAbsent(leader, key -> new ArrayList<>());
            List<Double> others = otherScores.computeIfAbsent(leader, key -> new ArrayList<>());
            scores.self().forEach(score -> self.add(score * 1.0));
            scores.others().forEach(score -> others.add(score * 1.0));
        }));

        Map<String, List<Double>> overEstimating = new HashMap<>();
        selfScores.forEach((leader, self) -> {
            if (!self.isEmpty() && !otherScores.get(leader).isEmpty()) {
                String cell = leader.substring(0, leader.lastIndexOf(' '));
                double over = mean(self) - mean(otherScores.get(leader)) > AGREEMENT_MARGIN ? 1 : 0;
                overEstimating.computeIfAbsent(cell, key -> new ArrayList<>()).add(over);
            }
        });
        Map<String, Double> shares = new HashMap<>();
        overEstimating.forEach((cell, flags) -> shares.put(cell, mean(flags)));
        return shares;
    }

    private static Map<String, List<JsonNode>> sittingsByParticipant() {
        Map<String, List<JsonNode>> byParticipant = new HashMap<>();
        SITTINGS.values().forEach(sitting -> byParticipant
                .computeIfAbsent(sitting.get("participant_id").asText(), key -> new ArrayList<>())
                .add(sitting));
        byParticipant.values().forEach(sittings ->
                sittings.sort(Comparator.comparing(
                        sitting -> sitting.get("sitting_date").asText())));
        return byParticipant;
    }

    private static Map<String, List<JsonNode>> completedCycles() {
        Map<String, List<JsonNode>> completed = new HashMap<>();
        Path root = Samples.defaultScale().summary().output();
        for (Path file : DropReader.find(root, "sources/*/diagnostics/cycles/*.jsonl")) {
            DropReader.jsonLines(file).stream()
                    .filter(cycle -> cycle.get("status").asText().equals("completed"))
                    .forEach(cycle -> completed
                            .computeIfAbsent(cycle.get("participant_id").asText(),
                                    key -> new ArrayList<>())
                            .add(cycle));
        }
        return completed;
    }

    private static Set<String> grownBetween(List<JsonNode> cycles, JsonNode before,
            JsonNode after) {
        Set<String> grown = new HashSet<>();
        for (JsonNode cycle : cycles) {
            String completedOn = cycle.get("completed_date").asText();
            if (completedOn.compareTo(before.get("sitting_date").asText()) > 0
                    && completedOn.compareTo(after.get("sitting_date").asText()) < 0) {
                grown.addAll(Arrays.asList(cycle.get("focus_behaviours").asText().split("\\|")));
            }
        }
        return grown;
    }

    /** Change in the others score of each behaviour asked with the same item both times. */
    private static void compare(JsonNode before, JsonNode after, Set<String> grown,
            List<Double> focusChanges, List<Double> otherChanges) {
        Map<String, Scores> first = scoresOf(before);
        Map<String, Scores> second = scoresOf(after);
        first.forEach((behaviour, earlier) -> {
            Scores later = second.get(behaviour);
            if (later != null && later.itemId().equals(earlier.itemId())
                    && !earlier.others().isEmpty() && !later.others().isEmpty()) {
                double change = meanOf(later.others()) - meanOf(earlier.others());
                (grown.contains(behaviour) ? focusChanges : otherChanges).add(change);
            }
        });
    }

    private static Map<String, Scores> scoresOf(JsonNode sitting) {
        return SCORES.getOrDefault(sitting.get("sitting_id").asText(), Map.of());
    }

    private static int yearsApart(JsonNode before, JsonNode after) {
        return year(after) - year(before);
    }

    private static int year(JsonNode sitting) {
        return Integer.parseInt(sitting.get("sitting_date").asText().substring(0, 4));
    }

    private static String participant(String sittingId) {
        return SITTINGS.get(sittingId).get("participant_id").asText();
    }

    private static String school(String sittingId) {
        return SCHOOL_OF_SITTING.get(sittingId);
    }

    private static String behaviour(String itemId) {
        return itemId.substring(0, itemId.indexOf('-'));
    }

    private static double meanOf(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double share(List<Double> values, DoublePredicate test) {
        return values.stream().filter(test::test).count() / (double) values.size();
    }
}
