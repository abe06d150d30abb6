package org.trustinsights.sample.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares the leadership posts among the schools, by phase, and gives each school its shape: one
 * headteacher, one to three deputies, a few assistant heads and middle leaders for the rest. An
 * executive head for each cluster of ten schools sits at the cluster's first school that was in
 * the trust from the start.
 */
final class PostPlanner {

    private final TrustSettings settings;
    private final Dice dice;
    private final List<Post> posts = new ArrayList<>();

    PostPlanner(TrustSettings settings) {
        this.settings = settings;
        this.dice = Dice.of(settings.seed(), "posts");
    }

    Map<School, List<Post>> plan(List<School> schools) {
        int[] postsPerSchool = share(schools);

        Map<School, List<Post>> bySchool = new LinkedHashMap<>();
        for (School school : schools) {
            Post executive = isClusterHome(school, schools)
                    ? add(school, RoleLevel.EXECUTIVE_HEAD, "Executive Headteacher", null) : null;
            bySchool.put(school, schoolPosts(school, postsPerSchool[school.index()], executive));
        }
        return bySchool;
    }

    private int[] share(List<School> schools) {
        int[] shares = new int[schools.size()];
        double[] weights = new double[schools.size()];
        double total = 0;
        for (School school : schools) {
            weights[school.index()] = school.phase().size() * dice.between(0.8, 1.2);
            total += weights[school.index()];
        }
        int spare = settings.leaderCount() - TrustSettings.fewestLeaders(schools.size());
        int given = 0;
        for (School school : schools) {
            int extra = (int) Math.floor(spare * weights[school.index()] / total);
            shares[school.index()] = TrustSettings.FEWEST_POSTS_PER_SCHOOL + extra;
            given += extra;
        }
        for (int index = 0; given < spare; index = (index + 1) % shares.length, given++) {
            shares[index]++;
        }
        return shares;
    }

    /** The cluster's first school that was in the trust from the first year, else its first. */
    private boolean isClusterHome(School school, List<School> schools) {
        List<School> cluster = schools.stream()
                .filter(candidate -> candidate.cluster() == school.cluster())
                .toList();
        School home = cluster.stream()
                .filter(candidate -> candidate.inTrustDuring(settings.firstYear()))
                .findFirst()
                .orElse(cluster.get(0));
        return home == school;
    }

    private List<Post> schoolPosts(School school, int count, Post executive) {
        int deputies = count <= 8 ? 1 : count <= 25 ? 2 : 3;
        int assistants = Math.max(1, Math.min(6, (int) Math.round(count * 0.12)));
        int middleLeaders = count - 1 - deputies - assistants;

        List<Post> schoolPosts = new ArrayList<>();
        if (executive != null) {
            schoolPosts.add(executive);
        }
        Post head = add(school, RoleLevel.HEADTEACHER, headTitle(school), executive);
        schoolPosts.add(head);
        List<Post> seniors = new ArrayList<>();
        for (int number = 0; number < assistants; number++) {
            String title = cycle(Vocabulary.ASSISTANT_TITLES, number);
            seniors.add(add(school, RoleLevel.ASSISTANT_HEAD, title, head));
        }
        for (int number = 0; number < deputies; number++) {
            String title = cycle(Vocabulary.DEPUTY_TITLES, number);
            seniors.add(add(school, RoleLevel.DEPUTY_HEAD, title, head));
        }
        schoolPosts.addAll(seniors.subList(assistants, seniors.size()));
        schoolPosts.addAll(seniors.subList(0, assistants));
        schoolPosts.addAll(middleLeaders(school, middleLeaders, seniors));
        return List.copyOf(schoolPosts);
    }

    /** Each middle leader reports to an assistant or deputy head, in turn. */
    private List<Post> middleLeaders(School school, int count, List<Post> seniors) {
        List<String> titles = middleTitles(school.phase());
        int offset = dice.between(0, titles.size() - 1);
        List<Post> middle = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            middle.add(add(school, RoleLevel.MIDDLE_LEADER, cycle(titles, offset + number),
                    seniors.get(number % seniors.size())));
        }
        return middle;
    }

    private Post add(School school, RoleLevel level, String title, Post manager) {
        Post post = new Post(posts.size() + 1, school, level, title, manager);
        posts.add(post);
        return post;
    }

    static String headTitle(School school) {
        return school.phase() == Phase.SECONDARY || school.phase() == Phase.ALL_THROUGH
                ? "Principal" : "Headteacher";
    }

    static List<String> middleTitles(Phase phase) {
        return switch (phase) {
            case PRIMARY -> Vocabulary.PRIMARY_MIDDLE_TITLES;
            case SECONDARY, ALL_THROUGH -> Vocabulary.SECONDARY_MIDDLE_TITLES;
            default -> Vocabulary.SPECIALIST_MIDDLE_TITLES;
        };
    }

    private static String cycle(List<String> values, int number) {
        return values.get(number % values.size());
    }
}
