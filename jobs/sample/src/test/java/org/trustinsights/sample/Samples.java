package org.trustinsights.sample;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Samples generated once per test run and shared by the test classes, under
 * {@code target/test-samples/}.
 */
final class Samples {

    private static final Map<String, SampleGenerator.Generated> GENERATED = new HashMap<>();

    private Samples() {}

    /** The default scale: 8 schools, 120 leaders, 3 years, seed 42. */
    static synchronized SampleGenerator.Generated defaultScale() {
        return GENERATED.computeIfAbsent("default", name ->
                SampleGenerator.generate(withOverwrite(SampleOptions.defaults(folder(name)))));
    }

    /** The default scale without seeded defects, for checks of the trust's structure. */
    static synchronized SampleGenerator.Generated cleanDefaultScale() {
        return GENERATED.computeIfAbsent("clean", name -> {
            SampleOptions options = SampleOptions.defaults(folder(name));
            return SampleGenerator.generate(new SampleOptions(options.output(), options.schools(),
                    options.leaders(), options.years(), options.seed(), options.lastYear(),
                    false, true));
        });
    }

    static Path folder(String name) {
        return Path.of("target", "test-samples", name).toAbsolutePath();
    }

    static SampleOptions small(Path output, long seed) {
        return new SampleOptions(output, 4, 30, 2, seed, SampleOptions.DEFAULT_LAST_YEAR, true,
                false);
    }

    private static SampleOptions withOverwrite(SampleOptions options) {
        return new SampleOptions(options.output(), options.schools(), options.leaders(),
                options.years(), options.seed(), options.lastYear(), options.defects(), true);
    }
}
