package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.util.List;

/** A national professional qualification, such as NPQH, and when it was awarded. */
public record Qualification(String code, LocalDate awardedOn) {

    /** The codes in the order the MIS lists them, from middle to executive leadership. */
    public static final List<String> CODES = List.of("NPQML", "NPQSL", "NPQH", "NPQEL");
}
