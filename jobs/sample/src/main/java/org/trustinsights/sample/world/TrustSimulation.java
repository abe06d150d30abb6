package org.trustinsights.sample.world;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.config.AcademicYear;

/**
 * Simulates a trust year by year: plans the schools and posts, then each September staffs the
 * posts, and through the year runs each leader's diagnostic and development cycles, the schools'
 * CPD and mentoring across the trust.
 */
public final class TrustSimulation {

    private static final Logger LOG = LoggerFactory.getLogger(TrustSimulation.class);

    private TrustSimulation() {}

    public static SampleTrust run(TrustSettings settings, SampleFramework framework) {
        List<School> schools = new SchoolPlanner(settings).plan();
        Map<School, List<Post>> posts = new PostPlanner(settings).plan(schools);
        Map<AcademicYear, List<String>> priorities = Priorities.plan(settings, framework);
        Cultures cultures = new Cultures(settings.seed(), schools, framework.behaviourCount());

        People people = new People(settings.seed(), framework.behaviourCount());
        StaffDirectory directory = new StaffDirectory(settings.seed());
        Workforce workforce = new Workforce(settings, posts, people, directory);
        Identifiers identifiers = new Identifiers();
        Development development = new Development(settings, framework,
                new Forms(settings.seed(), framework), priorities, identifiers);
        CpdPlanner cpd = new CpdPlanner(settings.seed(), framework, priorities, identifiers);
        MentoringPlanner mentoring = new MentoringPlanner(settings, framework, identifiers);

        for (AcademicYear year : settings.years()) {
            Roster roster = workforce.open(year);
            development.plan(roster);
            cpd.plan(roster, schools, development::focusOf);
            mentoring.plan(roster, development::focusOf);
            LOG.debug("Simulated {}: {} leaders in post", year, roster.appointments().size());
        }

        return new SampleTrust(settings, framework, schools, priorities, cultures,
                new Ratings(settings.seed(), framework, cultures), workforce, people.all(),
                directory.all(), development.sittings(), development.cycles(), cpd.events(),
                cpd.bookings(), mentoring.relationships());
    }
}
