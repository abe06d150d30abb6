package org.trustinsights.sample;

import static org.trustinsights.InsightsException.Category.CONFIGURATION;
import static org.trustinsights.InsightsException.Category.STORAGE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.InsightsException;
import org.trustinsights.sample.drop.DefectPlan;
import org.trustinsights.sample.drop.SampleWriter;
import org.trustinsights.sample.drop.WrittenSample;
import org.trustinsights.sample.world.SampleFramework;
import org.trustinsights.sample.world.SampleTrust;
import org.trustinsights.sample.world.TrustSimulation;

/**
 * Generates a sample trust: simulates it, plans the defects, writes the drops. The simulation
 * holds the trust's people and events in memory (a few tens of bytes per leader a year); the
 * item responses, nearly all of the data, are drawn and written one at a time.
 */
public final class SampleGenerator {

    /** The files and folders a sample consists of, which --overwrite replaces. */
    static final List<String> WRITTEN = List.of(
            "trust.yaml", "framework.yaml", "defects.json", "sources");

    private static final Logger LOG = LoggerFactory.getLogger(SampleGenerator.class);

    private SampleGenerator() {}

    /** The simulated trust and what was written from it. */
    public record Generated(SampleTrust trust, WrittenSample written, SampleSummary summary) {}

    public static Generated generate(SampleOptions options) {
        long started = System.nanoTime();
        LOG.info("Generating a sample trust into {}: {} schools, {} leaders, {} years to {}, "
                + "seed {}", options.output(), options.schools(), options.leaders(),
                options.years(), options.settings().finalYear(), options.seed());
        prepare(options);

        SampleTrust trust = TrustSimulation.run(options.settings(), SampleFramework.load());
        DefectPlan plan = options.defects() ? DefectPlan.draw(trust) : DefectPlan.none();
        WrittenSample written = new SampleWriter(trust, options.output(), plan).write();

        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        SampleSummary summary = summarise(options, trust, written, elapsed);
        LOG.info("Wrote {} files, {} bytes, {} defects to {} in {} ms", summary.files(),
                summary.bytes(), written.defects().size(), options.output(), elapsed.toMillis());
        return new Generated(trust, written, summary);
    }

    private static void prepare(SampleOptions options) {
        Path output = options.output();
        List<Path> existing = WRITTEN.stream().map(output::resolve).filter(Files::exists).toList();
        if (existing.isEmpty()) {
            return;
        }
        if (!options.overwrite()) {
            throw new InsightsException(CONFIGURATION, "Cannot write a sample trust into " + output
                    + ": it already holds " + existing.get(0).getFileName()
                    + "; fix: pass --overwrite to replace the sample, or choose an empty folder");
        }
        existing.forEach(SampleGenerator::delete);
    }

    private static void delete(Path path) {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path found : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(found);
            }
        } catch (IOException e) {
            throw new InsightsException(STORAGE, "Cannot replace the sample: cannot delete "
                    + path + ": " + e.getMessage(), e);
        }
    }

    private static SampleSummary summarise(SampleOptions options, SampleTrust trust,
            WrittenSample written, Duration elapsed) {
        List<Path> files = files(options.output());
        long bytes = files.stream().mapToLong(SampleGenerator::size).sum();
        return new SampleSummary(options.output().toAbsolutePath().normalize(), options,
                trust.people().size(), files.size(), bytes, written.rows(), written.defectCounts(),
                elapsed);
    }

    private static List<Path> files(Path output) {
        try (Stream<Path> tree = Files.walk(output)) {
            return tree.filter(Files::isRegularFile)
                    .filter(file -> WRITTEN.contains(output.relativize(file).getName(0).toString()))
                    .toList();
        } catch (IOException e) {
            throw new InsightsException(STORAGE, "Cannot list the sample written to " + output, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new InsightsException(STORAGE, "Cannot read the size of " + file, e);
        }
    }
}
