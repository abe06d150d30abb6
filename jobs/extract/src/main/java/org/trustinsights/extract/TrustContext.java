package org.trustinsights.extract;

import static org.trustinsights.InsightsException.Category.CONFIGURATION;

import java.nio.file.Path;

import org.trustinsights.InsightsException;
import org.trustinsights.config.InsightsHome;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.contract.Contracts;
import org.trustinsights.extract.landing.LakeLayout;
import org.trustinsights.extract.landing.ManifestStore;
import org.trustinsights.extract.landing.RejectStore;

/** What every extract job needs to know: the trust, the contracts and where the lake is. */
public record TrustContext(TrustConfig trust, Contracts contracts, LakeLayout lake, ManifestStore manifests,
        RejectStore rejects) {

    public static TrustContext load(Path configFile) {
        TrustConfig trust = TrustConfig.load(configFile);
        Contracts contracts = Contracts.load(InsightsHome.schemas());
        if (trust.lakeRoot().contains("://")) {
            throw new InsightsException(CONFIGURATION, "Cannot land into " + trust.lakeRoot()
                    + ": the extract writes to a local or mounted folder; fix: mount the bucket, or set "
                    + "storage.root to a folder");
        }
        LakeLayout lake = new LakeLayout(Path.of(trust.lakeRoot()));
        return new TrustContext(trust, contracts, lake,
                new ManifestStore(contracts.get("bronze.load_manifests"), lake),
                new RejectStore(contracts.get("bronze.rejects"), lake));
    }
}
