package org.trustinsights.sample.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.config.AcademicYear;
import org.trustinsights.sample.world.Booking;
import org.trustinsights.sample.world.Checkin;
import org.trustinsights.sample.world.CpdEvent;
import org.trustinsights.sample.world.Cycle;
import org.trustinsights.sample.world.Mentoring;
import org.trustinsights.sample.world.Ratings;
import org.trustinsights.sample.world.SampleFramework;
import org.trustinsights.sample.world.SampleTrust;
import org.trustinsights.sample.world.School;
import org.trustinsights.sample.world.Sitting;
import org.trustinsights.sample.world.StaffStore;

/**
 * Writes the sample trust to a folder: the framework, the trust configuration, each school's
 * drops under {@code sources/<urn>/<system>/<entity>/}, one file per academic year (the staff
 * export and the items are one file each), and {@code defects.json} for the defects seeded on
 * the way.
 */
public final class SampleWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SampleWriter.class);
    private static final LocalDateTime FRAMEWORK_PUBLISHED = LocalDateTime.of(2015, 7, 1, 9, 0);

    private final SampleTrust trust;
    private final Path root;
    private final DefectPlan plan;
    private final DefectLedger ledger = new DefectLedger();
    private final Map<Entity, Long> rows = new EnumMap<>(Entity.class);

    public SampleWriter(SampleTrust trust, Path root, DefectPlan plan) {
        this.trust = trust;
        this.root = root;
        this.plan = plan;
    }

    public WrittenSample write() {
        writeText("framework.yaml", trust.framework().yaml());
        writeText("trust.yaml", TrustYaml.of(trust).getBytes(StandardCharsets.UTF_8));
        for (School school : trust.schools()) {
            writeSchool(school);
            LOG.debug("Wrote drops of school {}", school.urn());
        }
        ledger.write(root.resolve("defects.json"));
        return new WrittenSample(rows, ledger.counts(), ledger.defects());
    }

    private void writeSchool(School school) {
        writeItems(school);
        writeStaff(school);
        for (AcademicYear year : trust.years(school)) {
            writeSittings(school, year);
            writeResponses(school, year);
            writeCycles(school, year);
            writeCheckins(school, year);
            writeCsv(school, Entity.CPD_EVENTS, year, eventRows(school, year));
            writeCsv(school, Entity.CPD_ATTENDANCE, year, attendanceRows(school, year));
            writeCsv(school, Entity.MENTORING_RELATIONSHIPS, year, mentoringRows(school, year));
        }
    }

    private void writeItems(School school) {
        SampleFramework framework = trust.framework();
        LocalDateTime published = FRAMEWORK_PUBLISHED.isAfter(school.joinedOn().atTime(9, 0))
                ? FRAMEWORK_PUBLISHED : school.joinedOn().atTime(9, 0);
        writeJsonLines(school, Entity.DIAGNOSTICS_ITEMS, "items.jsonl", drop -> {
            for (SampleFramework.Behaviour behaviour : framework.behaviours()) {
                behaviour.items().forEach(item -> drop.begin()
                        .text("item_id", item.id())
                        .text("behaviour_code", behaviour.code())
                        .text("behaviour_name", behaviour.name())
                        .text("domain_code", behaviour.domainCode())
                        .text("domain_name", behaviour.domainName())
                        .text("item_text", item.text())
                        .number("scale_min", framework.scaleMin())
                        .number("scale_max", framework.scaleMax())
                        .text("updated_at", Formats.timestamp(published))
                        .end());
            }
        });
    }

    private void writeStaff(School school) {
        DropKey drop = new DropKey(school.urn(), Entity.MIS_STAFF, null);
        List<Row> staff = Spoiler.spoil(Entity.MIS_STAFF, StaffRows.of(trust, school),
                plan.targets(drop));
        if (school.staffStore() == StaffStore.FILES) {
            String location = location(school, Entity.MIS_STAFF, "staff.csv");
            CsvDrop.write(root.resolve(location), Entity.MIS_STAFF, staff);
            recordDefects(school, Entity.MIS_STAFF, location, staff, 2, "");
        } else {
            StaffTable.write(root.resolve("sources/" + school.urn() + "/mis/mis"), staff);
            recordDefects(school, Entity.MIS_STAFF, StaffTable.LOCATION, staff, 1, null);
        }
        count(Entity.MIS_STAFF, staff.size());
    }

    private void writeSittings(School school, AcademicYear year) {
        writeJsonLines(school, Entity.DIAGNOSTICS_SITTINGS, year,
                drop -> trust.sittings(school, year).forEach(sitting -> drop.begin()
                        .text("sitting_id", sitting.sittingId())
                        .text("participant_id", sitting.person().participantId())
                        .text("staff_id", sitting.member().staffId())
                        .text("trn", sitting.person().trn())
                        .text("email", sitting.member().email())
                        .text("sitting_date", Formats.date(sitting.date()))
                        .text("form_code", sitting.form().code())
                        .text("status", sitting.status())
                        .text("updated_at", Formats.timestamp(sitting.updatedAt()))
                        .end()));
    }

    private void writeResponses(School school, AcademicYear year) {
        DropKey drop = new DropKey(school.urn(), Entity.DIAGNOSTICS_RESPONSES, year);
        String location = location(school, Entity.DIAGNOSTICS_RESPONSES,
                yearFile(Entity.DIAGNOSTICS_RESPONSES, year, "jsonl.gz"));
        try (JsonLinesDrop lines = JsonLinesDrop.open(root.resolve(location))) {
            ResponseLines writer = new ResponseLines(school, location, lines, plan.targets(drop));
            for (Sitting sitting : trust.sittings(school, year)) {
                trust.ratings().forEach(sitting, writer);
            }
            count(Entity.DIAGNOSTICS_RESPONSES, lines.lines());
        }
    }

    private void writeCycles(School school, AcademicYear year) {
        writeJsonLines(school, Entity.DIAGNOSTICS_CYCLES, year,
                drop -> trust.cycles(school, year).forEach(cycle -> drop.begin()
                        .text("cycle_id", cycle.cycleId())
                        .text("participant_id", cycle.member().person().participantId())
                        .text("staff_id", cycle.member().staffId())
                        .text("start_date", Formats.date(cycle.start()))
                        .text("due_date", Formats.date(cycle.due()))
                        .text("completed_date", Formats.date(cycle.completed()))
                        .text("status", cycle.status().code())
                        .text("focus_behaviours", String.join("|", cycle.focus()))
                        .text("updated_at", Formats.timestamp(cycle.updatedAt()))
                        .end()));
    }

    private void writeCheckins(School school, AcademicYear year) {
        writeJsonLines(school, Entity.DIAGNOSTICS_CHECKINS, year,
                drop -> {
                    for (Cycle cycle : trust.cycles(school, year)) {
                        for (Checkin checkin : cycle.checkins()) {
                            drop.begin()
                                    .text("checkin_id", checkin.checkinId())
                                    .text("cycle_id", cycle.cycleId())
                                    .text("checkin_date", Formats.date(checkin.date()))
                                    .text("note", checkin.note())
                                    .text("updated_at", Formats.timestamp(checkin.updatedAt()))
                                    .end();
                        }
                    }
                });
    }

    private List<String[]> eventRows(School school, AcademicYear year) {
        List<String[]> events = new ArrayList<>();
        for (CpdEvent event : trust.events(school, year)) {
            events.add(new String[] {event.eventId(), event.title(), Formats.date(event.date()),
                event.provider(), String.join("|", event.behaviours()),
                String.valueOf(event.hours()), Formats.timestamp(event.updatedAt())});
        }
        return events;
    }

    private List<String[]> attendanceRows(School school, AcademicYear year) {
        List<String[]> attendance = new ArrayList<>();
        for (Booking booking : trust.bookings(school, year)) {
            attendance.add(new String[] {booking.event().eventId(), booking.member().staffId(),
                String.valueOf(booking.attended()), Formats.timestamp(booking.updatedAt())});
        }
        return attendance;
    }

    private List<String[]> mentoringRows(School school, AcademicYear year) {
        List<String[]> relationships = new ArrayList<>();
        for (Mentoring relationship : trust.mentoring(school, year)) {
            relationships.add(new String[] {relationship.relationshipId(),
                String.valueOf(relationship.mentor().school().urn()),
                relationship.mentor().staffId(), relationship.mentee().staffId(),
                relationship.behaviourCode(),
                Formats.date(relationship.start()), Formats.date(relationship.end()),
                relationship.status(), Formats.timestamp(relationship.updatedAt())});
        }
        return relationships;
    }

    private void writeCsv(School school, Entity entity, AcademicYear year, List<String[]> clean) {
        DropKey drop = new DropKey(school.urn(), entity, year);
        List<Row> written = Spoiler.spoil(entity, clean, plan.targets(drop));
        String location = location(school, entity, yearFile(entity, year, "csv"));
        CsvDrop.write(root.resolve(location), entity, written);
        recordDefects(school, entity, location, written, 2, "");
        count(entity, written.size());
    }

    private void writeJsonLines(School school, Entity entity, AcademicYear year,
            Consumer<JsonLinesDrop> body) {
        writeJsonLines(school, entity, yearFile(entity, year, "jsonl"), body);
    }

    private void writeJsonLines(School school, Entity entity, String fileName,
            Consumer<JsonLinesDrop> body) {
        Path file = root.resolve(location(school, entity, fileName));
        try (JsonLinesDrop drop = JsonLinesDrop.open(file)) {
            body.accept(drop);
            count(entity, drop.lines());
        }
    }

    /** Positions start at {@code firstPosition}; an empty value is recorded as {@code empty}. */
    private void recordDefects(School school, Entity entity, String location, List<Row> written,
            int firstPosition, String empty) {
        for (int index = 0; index < written.size(); index++) {
            Row row = written.get(index);
            if (row.defect() == null) {
                continue;
            }
            int original = written.indexOf(row.original()) + firstPosition;
            String reason = row.original() == null
                    ? row.reason() : "exact duplicate of line " + original;
            Map<String, Object> key = new LinkedHashMap<>();
            for (String column : entity.keyColumns()) {
                String value = row.value(entity.column(column));
                key.put(column, value == null ? empty : value);
            }
            ledger.record(new SeededDefect(row.defect(), entity, school.urn(), location,
                    index + firstPosition, key, reason));
        }
    }

    private void writeText(String name, byte[] content) {
        try {
            Files.createDirectories(root);
            Files.write(root.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + root.resolve(name), e);
        }
    }

    private void count(Entity entity, long written) {
        rows.merge(entity, written, Long::sum);
    }

    private static String location(School school, Entity entity, String fileName) {
        return "sources/" + school.urn() + "/" + entity.system() + "/" + entity.entity() + "/"
                + fileName;
    }

    /** Such as {@code responses-2024-25.jsonl.gz}. */
    private static String yearFile(Entity entity, AcademicYear year, String extension) {
        int start = year.startYear();
        return String.format("%s-%d-%02d.%s", entity.entity(), start, (start + 1) % 100, extension);
    }

    /** Writes one school-year's responses, spoiling the planned lines on the way. */
    private final class ResponseLines implements Consumer<Ratings.Response> {

        private final School school;
        private final String location;
        private final JsonLinesDrop lines;
        private final List<DefectPlan.Target> targets;
        private int nextTarget;
        private int ordinal;

        ResponseLines(School school, String location, JsonLinesDrop lines,
                List<DefectPlan.Target> targets) {
            this.school = school;
            this.location = location;
            this.lines = lines;
            this.targets = targets;
        }

        @Override
        public void accept(Ratings.Response response) {
            String sittingId = response.sitting().sittingId();
            int score = response.score();
            if (nextTarget < targets.size() && targets.get(nextTarget).ordinal() == ordinal) {
                DefectPlan.Target target = targets.get(nextTarget++);
                if (target.kind() == DefectKind.MISSING_KEY) {
                    sittingId = null;
                } else {
                    score = outOfScale(target);
                }
                record(target.kind(), sittingId, score, response);
            }
            lines.begin()
                    .text("sitting_id", sittingId)
                    .text("rater_id", response.rater().raterId())
                    .text("rater_role", response.rater().role().code())
                    .text("item_id", response.itemId())
                    .number("score", score)
                    .text("answered_at", Formats.timestamp(response.answeredAt()))
                    .text("updated_at", Formats.timestamp(response.updatedAt()))
                    .end();
            ordinal++;
        }

        /** Zero or seven on a one-to-five scale. */
        private int outOfScale(DefectPlan.Target target) {
            SampleFramework framework = trust.framework();
            return target.salt() % 2 == 0 ? framework.scaleMin() - 1 : framework.scaleMax() + 2;
        }

        private void record(DefectKind kind, String sittingId, int score,
                Ratings.Response response) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("sitting_id", sittingId);
            key.put("rater_id", response.rater().raterId());
            key.put("item_id", response.itemId());
            String reason = kind == DefectKind.MISSING_KEY ? "sitting_id missing"
                    : "score " + score + " outside scale " + trust.framework().scaleMin() + " to "
                            + trust.framework().scaleMax();
            ledger.record(new SeededDefect(kind, Entity.DIAGNOSTICS_RESPONSES, school.urn(),
                    location, ordinal + 1L, key, reason));
        }
    }
}
