package org.trustinsights.sample.drop;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.trustinsights.sample.world.Dice;
import org.trustinsights.sample.world.SampleTrust;
import org.trustinsights.sample.world.School;
import org.trustinsights.sample.world.Spell;
import org.trustinsights.sample.world.StaffMember;

/**
 * A school's staff export: one row per role spell, by staff id. The MIS shows the line manager
 * and qualifications as they stood when the spell ended, or today for a spell that lasts.
 */
final class StaffRows {

    private StaffRows() {}

    static List<String[]> of(SampleTrust trust, School school) {
        List<String[]> rows = new ArrayList<>();
        for (StaffMember member : trust.staff(school)) {
            member.spells().forEach(spell -> rows.add(row(trust, spell)));
        }
        return rows;
    }

    private static String[] row(SampleTrust trust, Spell spell) {
        StaffMember member = spell.member();
        LocalDate asAt = spell.end() != null ? spell.end() : trust.settings().asOf();
        return new String[] {
            member.staffId(),
            member.person().trn(),
            member.email(),
            member.person().givenName(),
            member.person().familyName(),
            spell.title(),
            spell.level().code(),
            lineManager(trust, spell, asAt),
            Formats.date(spell.start()),
            Formats.date(spell.end()),
            empty(member.person().qualificationsOn(asAt)),
            Formats.timestamp(updatedAt(trust, spell, asAt))
        };
    }

    private static String lineManager(SampleTrust trust, Spell spell, LocalDate asAt) {
        StaffMember manager = trust.holderOn(spell.managerPost(), asAt);
        if (manager == null || manager.person() == spell.member().person()) {
            return null;
        }
        return manager.staffId();
    }

    /** The last change: the start, the end, or a qualification awarded during the spell. */
    private static LocalDateTime updatedAt(SampleTrust trust, Spell spell, LocalDate asAt) {
        LocalDate changed = spell.end() != null ? spell.end() : spell.start();
        LocalDate awarded = spell.member().person().lastAwardOn(asAt);
        if (awarded != null && awarded.isAfter(changed)) {
            changed = awarded;
        }
        Dice dice = Dice.of(trust.settings().seed(), "staff-updated",
                spell.member().person().index(), spell.start().toEpochDay());
        return changed.atTime(dice.between(7, 18), dice.between(0, 59), dice.between(0, 59));
    }

    private static String empty(String text) {
        return text.isEmpty() ? null : text;
    }
}
