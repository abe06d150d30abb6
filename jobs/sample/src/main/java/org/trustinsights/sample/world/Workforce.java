package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

import org.trustinsights.config.AcademicYear;

/**
 * Who holds which post, year by year. Each September some leaders leave; their posts are filled
 * from the top down, by promoting the strongest leader of the level below in the same school, by
 * bringing one from another school of the trust, or by hiring from outside. The first year's
 * leaders arrive with the role history they had before it; schools that join later arrive with
 * their leaders starting on the day they joined.
 */
final class Workforce {

    private static final double[] LEAVING = {0.09, 0.07, 0.06, 0.06, 0.05};
    private static final double[] FROM_OWN_SCHOOL = {0, 0.6, 0.55, 0.5, 0};
    private static final double[] FROM_OTHER_SCHOOL = {0.08, 0.1, 0.2, 0.25, 0.8};
    private static final int[] YEARS_IN_POST_BEFORE = {6, 5, 6, 8, 5};
    private static final double EARLIER_SPELL_SHARE = 0.35;
    private static final double QUALIFYING_SHARE = 0.05;

    private final TrustSettings settings;
    private final List<School> schools;
    private final Map<School, List<Post>> posts;
    private final People people;
    private final StaffDirectory directory;
    private final Map<Post, Spell> holders = new HashMap<>();
    private final Map<Post, List<Spell>> history = new HashMap<>();

    Workforce(TrustSettings settings, Map<School, List<Post>> posts, People people,
            StaffDirectory directory) {
        this.settings = settings;
        this.schools = List.copyOf(posts.keySet());
        this.posts = posts;
        this.people = people;
        this.directory = directory;
    }

    /** Staffs every post for the academic year and returns who holds what on its first day. */
    Roster open(AcademicYear year) {
        if (year.equals(settings.firstYear())) {
            staffWithHistory(year);
        } else {
            new Turnover(year).run();
        }
        staffJoiningSchools(year);

        Roster roster = roster(year);
        qualify(roster);
        return roster;
    }

    /** The member who held the post on the date, or null. */
    StaffMember holderOn(Post post, LocalDate date) {
        return history.getOrDefault(post, List.of()).stream()
                .filter(spell -> spell.covers(date))
                .map(Spell::member)
                .findFirst()
                .orElse(null);
    }

    private void staffWithHistory(AcademicYear year) {
        for (School school : schools) {
            if (school.inTrustDuring(year)) {
                posts.get(school).forEach(post -> hireWithHistory(post, year.firstDay()));
            }
        }
    }

    private void staffJoiningSchools(AcademicYear year) {
        AcademicYear previous = new AcademicYear(year.startYear() - 1);
        for (School school : schools) {
            if (!year.equals(settings.firstYear()) && school.inTrustDuring(year)
                    && !school.inTrustDuring(previous)) {
                posts.get(school).forEach(post -> hire(post, school.joinedOn()));
            }
        }
    }

    private Roster roster(AcademicYear year) {
        List<Appointment> appointments = new ArrayList<>();
        for (School school : schools) {
            if (school.inTrustDuring(year)) {
                posts.get(school).forEach(post ->
                        appointments.add(new Appointment(post, holders.get(post).member())));
            }
        }
        return new Roster(year, appointments);
    }

    private void qualify(Roster roster) {
        AcademicYear year = roster.year();
        for (Appointment appointment : roster.appointments()) {
            Person person = appointment.person();
            Dice dice = Dice.of(settings.seed(), "qualify", year.startYear(), person.index());
            if (dice.chance(QUALIFYING_SHARE)) {
                person.qualify(People.qualificationFor(appointment.level()),
                        dice.dateBetween(year.firstDay(), year.lastDay()));
            }
        }
    }

    private void hireWithHistory(Post post, LocalDate firstDay) {
        School school = post.school();
        Dice dice = Dice.of(settings.seed(), "history", post.id());
        int yearsBefore = dice.between(0, YEARS_IN_POST_BEFORE[post.level().ordinal()]);
        LocalDate start = yearsBefore == 0
                ? firstDay : pastStart(firstDay.getYear() - yearsBefore, dice);
        start = later(start, school.joinedOn());

        StaffMember member = directory.join(people.hire(post.level(), start), school);
        if (post.level().isSenior() && dice.chance(EARLIER_SPELL_SHARE)) {
            LocalDate earlierStart = later(start.minusYears(dice.between(1, 4)), school.joinedOn());
            if (earlierStart.isBefore(start)) {
                addEarlierSpell(member, post, earlierStart, start.minusDays(1), dice);
            }
        }
        begin(member, post, start);
    }

    /** A spell one level down, in a post of which nothing else is known. */
    private void addEarlierSpell(StaffMember member, Post post, LocalDate start, LocalDate end,
            Dice dice) {
        RoleLevel level = post.level().below();
        Spell spell = new Spell(member, null, level, title(level, post.school(), dice),
                managerOf(level, post), start);
        member.add(spell);
        spell.close(end);
    }

    private String title(RoleLevel level, School school, Dice dice) {
        return switch (level) {
            case MIDDLE_LEADER -> dice.pick(PostPlanner.middleTitles(school.phase()));
            case ASSISTANT_HEAD -> dice.pick(Vocabulary.ASSISTANT_TITLES);
            case DEPUTY_HEAD -> dice.pick(Vocabulary.DEPUTY_TITLES);
            case HEADTEACHER -> PostPlanner.headTitle(school);
            case EXECUTIVE_HEAD -> "Executive Headteacher";
        };
    }

    /** The post that managed a spell at this level: an assistant or deputy head, or the head. */
    private Post managerOf(RoleLevel level, Post post) {
        List<RoleLevel> managing = switch (level) {
            case MIDDLE_LEADER -> List.of(RoleLevel.ASSISTANT_HEAD, RoleLevel.DEPUTY_HEAD);
            case ASSISTANT_HEAD, DEPUTY_HEAD -> List.of(RoleLevel.HEADTEACHER);
            default -> List.of();
        };
        return posts.get(post.school()).stream()
                .filter(candidate -> managing.contains(candidate.level()) && candidate != post)
                .findFirst()
                .orElse(null);
    }

    private static LocalDate pastStart(int year, Dice dice) {
        return switch (dice.weighted(0.75, 0.15, 0.10)) {
            case 0 -> LocalDate.of(year, 9, 1);
            case 1 -> LocalDate.of(year + 1, 1, 4);
            default -> LocalDate.of(year + 1, 4, 20);
        };
    }

    private static LocalDate later(LocalDate first, LocalDate second) {
        return first.isAfter(second) ? first : second;
    }

    private void hire(Post post, LocalDate start) {
        begin(directory.join(people.hire(post.level(), start), post.school()), post, start);
    }

    private void begin(StaffMember member, Post post, LocalDate start) {
        Spell spell = Spell.in(member, post, start);
        member.add(spell);
        holders.put(post, spell);
        history.computeIfAbsent(post, key -> new ArrayList<>()).add(spell);
    }

    /** One September's leavers and the appointments that fill their posts. */
    private final class Turnover {

        private final AcademicYear year;
        private final AcademicYear previous;
        private final Dice dice;
        private final PriorityQueue<Post> vacancies = new PriorityQueue<>(Comparator
                .comparing((Post post) -> -post.level().ordinal())
                .thenComparing(Post::id));
        private final Set<Integer> changed = new HashSet<>();
        private int moves;

        Turnover(AcademicYear year) {
            this.year = year;
            this.previous = new AcademicYear(year.startYear() - 1);
            this.dice = Dice.of(settings.seed(), "turnover", year.startYear());
        }

        void run() {
            for (Post post : postsOfSchools(school -> school.inTrustDuring(previous))) {
                if (dice.chance(LEAVING[post.level().ordinal()])) {
                    holders.remove(post).close(lastDayBefore());
                    vacancies.add(post);
                }
            }
            while (!vacancies.isEmpty()) {
                fill(vacancies.poll());
            }
        }

        private void fill(Post post) {
            int level = post.level().ordinal();
            double draw = dice.uniform();
            boolean moveWanted = moves == 0 && post.level().isSenior();

            Spell candidate = null;
            if (!moveWanted && draw < FROM_OWN_SCHOOL[level]) {
                candidate = strongest(candidates(post, school -> school.equals(post.school())));
            } else if (moveWanted || draw < FROM_OWN_SCHOOL[level] + FROM_OTHER_SCHOOL[level]) {
                Predicate<School> where = post.level() == RoleLevel.EXECUTIVE_HEAD
                        ? school -> true : school -> !school.equals(post.school());
                candidate = strongest(dice.sample(candidates(post, where), 6));
            }

            if (candidate == null) {
                hire(post, year.firstDay());
            } else {
                appoint(candidate, post);
            }
        }

        private void appoint(Spell candidate, Post post) {
            Person person = candidate.member().person();
            candidate.close(lastDayBefore());
            holders.remove(candidate.post());
            vacancies.add(candidate.post());

            StaffMember member = candidate.member();
            if (!member.school().equals(post.school())) {
                member = directory.join(person, post.school());
                moves++;
            }
            begin(member, post, year.firstDay());
            changed.add(person.index());
            if (dice.chance(0.3)) {
                person.qualify(People.qualificationFor(post.level()),
                        year.firstDay().minusDays(dice.between(30, 300)));
            }
        }

        /**
         * Holders of the level the post is filled from; middle leaders move sideways. Someone hired
         * on the year's first day is not moved on that same day, which would leave a spell that
         * ends before it starts.
         */
        private List<Spell> candidates(Post post, Predicate<School> where) {
            RoleLevel from = post.level() == RoleLevel.MIDDLE_LEADER
                    ? post.level() : post.level().below();
            return postsOfSchools(school -> school.inTrustDuring(previous) && where.test(school))
                    .stream()
                    .filter(candidate -> candidate.level() == from)
                    .map(holders::get)
                    .filter(spell -> spell != null && !changed(spell) && spell.start().isBefore(year.firstDay()))
                    .toList();
        }

        private boolean changed(Spell spell) {
            return changed.contains(spell.member().person().index());
        }

        private Spell strongest(List<Spell> candidates) {
            Spell strongest = null;
            double best = Double.NEGATIVE_INFINITY;
            for (Spell candidate : candidates) {
                double readiness = candidate.member().person().meanStrength()
                        + dice.gaussian(0, 0.15);
                if (readiness > best) {
                    best = readiness;
                    strongest = candidate;
                }
            }
            return strongest;
        }

        private List<Post> postsOfSchools(Predicate<School> which) {
            List<Post> found = new ArrayList<>();
            schools.stream().filter(which).forEach(school -> found.addAll(posts.get(school)));
            return found;
        }

        private LocalDate lastDayBefore() {
            return year.firstDay().minusDays(1);
        }
    }
}
