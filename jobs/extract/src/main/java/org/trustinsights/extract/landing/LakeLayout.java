package org.trustinsights.extract.landing;

import java.nio.file.Path;
import java.time.LocalDate;

import org.trustinsights.contract.TableContract;

/** Where landing tables live under the lake root: {@code <root>/<layer>/<table>/school_urn=…/load_date=…}. */
public record LakeLayout(Path root) {

    public Path table(TableContract contract) {
        return root.resolve(contract.layer()).resolve(contract.name());
    }

    public Path partition(TableContract contract, int schoolUrn, LocalDate loadDate) {
        return table(contract).resolve("school_urn=" + schoolUrn).resolve("load_date=" + loadDate);
    }
}
