package org.trustinsights.sample.world;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A leader of the sample trust, who may hold several posts in several schools over the years.
 * The leader's true strength in each behaviour is hidden from the data: raters see it through
 * noise, and the leader sees it through their self bias.
 */
public final class Person {

    private static final double STRONGEST = 4.8;

    private final int index;
    private final String participantId;
    private final String raterId;
    private final String givenName;
    private final String familyName;
    private final String trn;
    private final SelfView selfView;
    private final double[] selfBias;
    private final double[] strengths;
    private final List<Qualification> qualifications = new ArrayList<>();
    private final List<Growth> pendingGrowth = new ArrayList<>();

    Person(int index, String participantId, String raterId, String givenName, String familyName,
            String trn, SelfView selfView, double[] selfBias, double[] strengths) {
        this.index = index;
        this.participantId = requireNonNull(participantId, "participantId is null");
        this.raterId = requireNonNull(raterId, "raterId is null");
        this.givenName = requireNonNull(givenName, "givenName is null");
        this.familyName = requireNonNull(familyName, "familyName is null");
        this.trn = trn;
        this.selfView = requireNonNull(selfView, "selfView is null");
        this.selfBias = selfBias.clone();
        this.strengths = strengths.clone();
    }

    public int index() {
        return index;
    }

    public String participantId() {
        return participantId;
    }

    public String raterId() {
        return raterId;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    /** The teacher reference number; null when the MIS does not hold it. */
    public String trn() {
        return trn;
    }

    public SelfView selfView() {
        return selfView;
    }

    /** How far above their true strength the leader rates themselves in a behaviour. */
    public double selfBias(int behaviour) {
        return selfBias[behaviour];
    }

    public double strength(int behaviour) {
        return strengths[behaviour];
    }

    public double meanStrength() {
        double sum = 0;
        for (double strength : strengths) {
            sum += strength;
        }
        return sum / strengths.length;
    }

    /** The strengths as raters see them today. */
    public float[] strengthsNow() {
        float[] now = new float[strengths.length];
        for (int behaviour = 0; behaviour < strengths.length; behaviour++) {
            now[behaviour] = (float) strengths[behaviour];
        }
        return now;
    }

    /** A year's small drift in every behaviour, from experience alone. */
    void drift(Dice dice) {
        for (int behaviour = 0; behaviour < strengths.length; behaviour++) {
            double drifted = strengths[behaviour] + dice.gaussian(0.02, 0.04);
            strengths[behaviour] = Math.min(STRONGEST, drifted);
        }
    }

    void expectGrowth(Growth growth) {
        pendingGrowth.add(growth);
    }

    /** Takes in all growth that shows before the date. */
    void growBefore(LocalDate date) {
        Iterator<Growth> pending = pendingGrowth.iterator();
        while (pending.hasNext()) {
            Growth growth = pending.next();
            if (growth.from().isBefore(date)) {
                int behaviour = growth.behaviour();
                strengths[behaviour] = Math.min(STRONGEST, strengths[behaviour] + growth.amount());
                pending.remove();
            }
        }
    }

    void qualify(String code, LocalDate awardedOn) {
        if (!holds(code)) {
            qualifications.add(new Qualification(code, awardedOn));
        }
    }

    public boolean holds(String code) {
        return qualifications.stream().anyMatch(qualification -> qualification.code().equals(code));
    }

    /** The NPQ codes held on the date, separated by "|"; empty when none. */
    public String qualificationsOn(LocalDate date) {
        return Qualification.CODES.stream()
                .filter(code -> qualifications.stream().anyMatch(qualification ->
                        qualification.code().equals(code)
                                && !qualification.awardedOn().isAfter(date)))
                .collect(Collectors.joining("|"));
    }

    /** The latest award on or before the date, or null. */
    public LocalDate lastAwardOn(LocalDate date) {
        return qualifications.stream()
                .map(Qualification::awardedOn)
                .filter(awarded -> !awarded.isAfter(date))
                .max(LocalDate::compareTo)
                .orElse(null);
    }

    @Override
    public String toString() {
        return "leader " + participantId;
    }
}
