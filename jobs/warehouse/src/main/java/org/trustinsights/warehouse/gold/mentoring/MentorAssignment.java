package org.trustinsights.warehouse.gold.mentoring;

import java.util.ArrayList;
import java.util.HashMap;
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
 * <p>Large trusts allow far more pairs than a graph can hold, so the pairs are priced: the flow
 * is first solved over each need's best few pairs, then every other pair is tested against the
 * solution's node potentials (its dual), and those that could lower the cost join the graph
 * and the flow is solved again, until no pair can. The result is optimal over all the pairs.
 *
 * <p>Scores are whole numbers (millionths of a point), so totals are compared exactly. The
 * graph is built in the order the pairs are given, and the solver is deterministic, so the
 * same pairs in the same order give the same assignment.
 */
public final class MentorAssignment {

    /** A pair that may be made: need and mentor by their index, and its score in millionths. */
    public record Candidate(int need, int mentor, long score) {}

    /** Receives the pairs of one need: a mentor's index and the pair's score. */
    public interface PairSink {
        void accept(int mentor, long score);
    }

    /** Gives the pairs of a need, in a fixed order, as often as asked. */
    public interface Pairs {
        void forEach(int need, PairSink sink);
    }

    /** The chosen pairs and how many rounds of pricing it took. */
    public record Solution(List<Candidate> chosen, int rounds, int pairsInGraph) {}

    private MentorAssignment() {}

    /**
     * Chooses candidates from an explicit list: each need at most once, each mentee (by
     * {@code needMentee[need]}) at most {@code menteePlaces[mentee]} times, each mentor at most
     * {@code mentorPlaces[mentor]} times, with the greatest total score. Returns the chosen
     * candidates' positions in {@code candidates}, ascending.
     */
    public static List<Integer> solve(int[] needMentee, int[] menteePlaces, int[] mentorPlaces,
            List<Candidate> candidates) {
        Map<Candidate, Integer> positions = new HashMap<>();
        List<List<Candidate>> byNeed = new ArrayList<>();
        for (int need = 0; need < needMentee.length; need++) {
            byNeed.add(new ArrayList<>());
        }
        for (int position = 0; position < candidates.size(); position++) {
            positions.putIfAbsent(candidates.get(position), position);
            byNeed.get(candidates.get(position).need()).add(candidates.get(position));
        }
        List<Integer> chosen = new ArrayList<>();
        for (Candidate candidate : solve(needMentee, menteePlaces, mentorPlaces,
                (need, sink) -> byNeed.get(need).forEach(pair -> sink.accept(pair.mentor(), pair.score())),
                Integer.MAX_VALUE).chosen()) {
            chosen.add(positions.get(candidate));
        }
        chosen.sort(null);
        return chosen;
    }

    /** As above over pairs given need by need, starting from each need's best {@code shortlist}. */
    public static Solution solve(int[] needMentee, int[] menteePlaces, int[] mentorPlaces, Pairs pairs,
            int shortlist) {
        List<Candidate> inGraph = new ArrayList<>();
        java.util.Set<Long> known = new java.util.HashSet<>();
        for (int need = 0; need < needMentee.length; need++) {
            if (menteePlaces[needMentee[need]] <= 0) {
                continue;
            }
            List<Candidate> best = new ArrayList<>();
            int current = need;
            pairs.forEach(need, (mentor, score) -> {
                if (score > 0 && mentorPlaces[mentor] > 0) {
                    best.add(new Candidate(current, mentor, score));
                }
            });
            // Stable: among equal scores the earlier pair stays first.
            best.sort((left, right) -> Long.compare(right.score(), left.score()));
            for (Candidate candidate : best.subList(0, Math.min(shortlist, best.size()))) {
                inGraph.add(candidate);
                known.add(key(candidate, mentorPlaces.length));
            }
        }

        int rounds = 0;
        while (true) {
            rounds++;
            Flow flow = flow(needMentee, menteePlaces, mentorPlaces, inGraph);
            List<Candidate> better = new ArrayList<>();
            for (int need = 0; need < needMentee.length; need++) {
                if (!flow.hasNeed(need)) {
                    continue;
                }
                int current = need;
                double needPotential = flow.needPotential(need);
                pairs.forEach(need, (mentor, score) -> {
                    if (score <= 0 || !flow.hasMentor(mentor)) {
                        return;
                    }
                    Candidate candidate = new Candidate(current, mentor, score);
                    // Reduced cost of the arc need -> mentor: cost + potential(head) - potential(tail).
                    if (-score + flow.mentorPotential(mentor) - needPotential < -1e-6
                            && known.add(key(candidate, mentorPlaces.length))) {
                        better.add(candidate);
                    }
                });
            }
            if (better.isEmpty()) {
                return new Solution(flow.chosen(), rounds, inGraph.size());
            }
            inGraph.addAll(better);
        }
    }

    private static long key(Candidate candidate, int mentors) {
        return (long) candidate.need() * mentors + candidate.mentor();
    }

    /** One solved flow over the pairs in the graph, with its node potentials. */
    private record Flow(List<Candidate> chosen, Map<Integer, Double> potentials, int needBase, int mentorBase) {

        boolean hasNeed(int need) {
            return potentials.containsKey(needBase + need);
        }

        boolean hasMentor(int mentor) {
            return potentials.containsKey(mentorBase + mentor);
        }

        double needPotential(int need) {
            return potentials.get(needBase + need);
        }

        double mentorPotential(int mentor) {
            return potentials.get(mentorBase + mentor);
        }
    }

    private static Flow flow(int[] needMentee, int[] menteePlaces, int[] mentorPlaces, List<Candidate> candidates) {
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

        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        int supply = 0;
        for (int mentee = 0; mentee < menteePlaces.length; mentee++) {
            if (menteePlaces[mentee] > 0) {
                graph.addVertex(menteeBase + mentee);
                capacity.put(free(graph, source, menteeBase + mentee), menteePlaces[mentee]);
                supply += menteePlaces[mentee];
            }
        }
        for (int need = 0; need < needMentee.length; need++) {
            int mentee = menteeBase + needMentee[need];
            if (graph.containsVertex(mentee)) {
                graph.addVertex(needBase + need);
                capacity.put(free(graph, mentee, needBase + need), 1);
            }
        }
        for (int mentor = 0; mentor < mentorPlaces.length; mentor++) {
            if (mentorPlaces[mentor] > 0) {
                graph.addVertex(mentorBase + mentor);
                capacity.put(free(graph, mentorBase + mentor, sink), mentorPlaces[mentor]);
            }
        }
        List<DefaultWeightedEdge> arcs = new ArrayList<>();
        for (Candidate candidate : candidates) {
            DefaultWeightedEdge pair = graph.addEdge(needBase + candidate.need(), mentorBase + candidate.mentor());
            graph.setEdgeWeight(pair, -candidate.score());
            capacity.put(pair, 1);
            arcs.add(pair);
        }
        capacity.put(free(graph, source, sink), supply);

        int total = supply;
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(graph,
                        vertex -> vertex == source ? total : vertex == sink ? -total : 0,
                        capacity::get);
        CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge> solver = new CapacityScalingMinimumCostFlow<>();
        Map<DefaultWeightedEdge, Double> flow = solver.getMinimumCostFlow(problem).getFlowMap();

        List<Candidate> chosen = new ArrayList<>();
        for (int position = 0; position < arcs.size(); position++) {
            if (flow.getOrDefault(arcs.get(position), 0.0) > 0.5) {
                chosen.add(candidates.get(position));
            }
        }
        return new Flow(chosen, solver.getDualSolution(), needBase, mentorBase);
    }

    /** An arc that costs nothing (a weighted graph's edges weigh 1 unless told otherwise). */
    private static DefaultWeightedEdge free(Graph<Integer, DefaultWeightedEdge> graph, int from, int to) {
        DefaultWeightedEdge edge = graph.addEdge(from, to);
        graph.setEdgeWeight(edge, 0);
        return edge;
    }
}
