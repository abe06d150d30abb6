package org.trustinsights.warehouse.gold.mentoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * The optimal assignment of mentors to needs, as a minimum-cost flow: one unit of flow per pair
 * made, from a source through the mentee (as many units as the mentee may still take mentors),
 * the need (one unit) and the mentor (as many as the mentor has places) to a sink, each pair's
 * arc costing minus its score. An arc from source to sink carries the flow of needs left
 * unmet, so the least-cost flow is the assignment of greatest total score.
 *
 * <p>Scores are whole numbers (millionths of a point), so totals are compared exactly. The
 * graph is built in the order the candidates are given, and the solver is deterministic, so the
 * same candidates in the same order give the same pairs.
 */
public final class MentorAssignment {

    /** A pair that may be made: need and mentor by their index, and its score in millionths. */
    public record Candidate(int need, int mentor, long score) {}

    private MentorAssignment() {}

    /**
     * Chooses candidates: each need at most once, each mentee (by {@code needMentee[need]}) at
     * most {@code menteePlaces[mentee]} times, each mentor at most {@code mentorPlaces[mentor]}
     * times, with the greatest total score. Returns the chosen candidates' positions in
     * {@code candidates}, ascending.
     */
    public static List<Integer> solve(int[] needMentee, int[] menteePlaces, int[] mentorPlaces,
            List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Graph<Integer, DefaultWeightedEdge> graph = GraphTypeBuilder.<Integer, DefaultWeightedEdge>directed()
                .allowingMultipleEdges(false).allowingSelfLoops(false).weighted(true)
                .edgeClass(DefaultWeightedEdge.class).buildGraph();
        int source = 0;
        int sink = 1;
        int menteeBase = 2;
        int needBase = menteeBase + menteePlaces.length;
        int mentorBase = needBase + needMentee.length;
        graph.addVertex(source);
        graph.addVertex(sink);

        Map<DefaultWeightedEdge, Integer> capacity = new java.util.HashMap<>();
        boolean[] needUsed = new boolean[needMentee.length];
        boolean[] menteeUsed = new boolean[menteePlaces.length];
        boolean[] mentorUsed = new boolean[mentorPlaces.length];
        for (Candidate candidate : candidates) {
            needUsed[candidate.need()] = true;
            menteeUsed[needMentee[candidate.need()]] = true;
            mentorUsed[candidate.mentor()] = true;
        }
        int supply = 0;
        for (int mentee = 0; mentee < menteePlaces.length; mentee++) {
            if (menteeUsed[mentee] && menteePlaces[mentee] > 0) {
                graph.addVertex(menteeBase + mentee);
                capacity.put(free(graph, source, menteeBase + mentee), menteePlaces[mentee]);
                supply += menteePlaces[mentee];
            }
        }
        for (int need = 0; need < needMentee.length; need++) {
            int mentee = menteeBase + needMentee[need];
            if (needUsed[need] && graph.containsVertex(mentee)) {
                graph.addVertex(needBase + need);
                capacity.put(free(graph, mentee, needBase + need), 1);
            }
        }
        for (int mentor = 0; mentor < mentorPlaces.length; mentor++) {
            if (mentorUsed[mentor] && mentorPlaces[mentor] > 0) {
                graph.addVertex(mentorBase + mentor);
                capacity.put(free(graph, mentorBase + mentor, sink), mentorPlaces[mentor]);
            }
        }
        List<DefaultWeightedEdge> pairs = new ArrayList<>();
        for (Candidate candidate : candidates) {
            int need = needBase + candidate.need();
            int mentor = mentorBase + candidate.mentor();
            if (!graph.containsVertex(need) || !graph.containsVertex(mentor) || candidate.score() <= 0) {
                pairs.add(null);
                continue;
            }
            DefaultWeightedEdge pair = graph.addEdge(need, mentor);
            graph.setEdgeWeight(pair, -candidate.score());
            capacity.put(pair, 1);
            pairs.add(pair);
        }
        capacity.put(free(graph, source, sink), supply);

        int total = supply;
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(graph,
                        vertex -> vertex == source ? total : vertex == sink ? -total : 0,
                        capacity::get);
        Map<DefaultWeightedEdge, Double> flow = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
                .getMinimumCostFlow(problem).getFlowMap();

        List<Integer> chosen = new ArrayList<>();
        for (int position = 0; position < pairs.size(); position++) {
            DefaultWeightedEdge pair = pairs.get(position);
            if (pair != null && flow.getOrDefault(pair, 0.0) > 0.5) {
                chosen.add(position);
            }
        }
        return chosen;
    }

    /** An arc that costs nothing (a weighted graph's edges weigh 1 unless told otherwise). */
    private static DefaultWeightedEdge free(Graph<Integer, DefaultWeightedEdge> graph, int from, int to) {
        DefaultWeightedEdge edge = graph.addEdge(from, to);
        graph.setEdgeWeight(edge, 0);
        return edge;
    }
}
