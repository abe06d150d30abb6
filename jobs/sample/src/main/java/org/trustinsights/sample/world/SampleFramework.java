package org.trustinsights.sample.world;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.trustinsights.config.Framework;

/**
 * The leadership framework the sample trust uses, read from the resource that {@code sample}
 * copies to {@code framework.yaml}. Behaviours are numbered from 0 in framework order, so a
 * leader's levels fit in an array.
 */
public final class SampleFramework {

    public static final String RESOURCE = "/org/trustinsights/sample/framework.yaml";

    /** One behaviour with the domain it belongs to. */
    public record Behaviour(
            int index,
            String code,
            String name,
            String domainCode,
            String domainName,
            List<Framework.Item> items) {

        public Behaviour {
            items = List.copyOf(items);
        }
    }

    private final byte[] yaml;
    private final Framework framework;
    private final List<Behaviour> behaviours;
    private final Map<String, Behaviour> behavioursByCode;

    private SampleFramework(byte[] yaml, Framework framework) {
        this.yaml = yaml;
        this.framework = framework;
        this.behaviours = List.copyOf(numbered(framework));
        this.behavioursByCode = new HashMap<>();
        behaviours.forEach(behaviour -> behavioursByCode.put(behaviour.code(), behaviour));
    }

    public static SampleFramework load() {
        try (InputStream in = SampleFramework.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Cannot read framework: resource " + RESOURCE
                        + " missing");
            }
            byte[] yaml = in.readAllBytes();
            return new SampleFramework(yaml, new ObjectMapper(new YAMLFactory())
                    .readValue(yaml, Framework.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read framework resource " + RESOURCE, e);
        }
    }

    private static List<Behaviour> numbered(Framework framework) {
        List<Behaviour> numbered = new ArrayList<>();
        for (Framework.Domain domain : framework.domains()) {
            for (Framework.Behaviour behaviour : domain.behaviours()) {
                numbered.add(new Behaviour(numbered.size(), behaviour.code(), behaviour.name(),
                        domain.code(), domain.name(), behaviour.items()));
            }
        }
        return numbered;
    }

    /** The framework file exactly as shipped. */
    public byte[] yaml() {
        return yaml.clone();
    }

    public int scaleMin() {
        return framework.scale().min();
    }

    public int scaleMax() {
        return framework.scale().max();
    }

    public List<Behaviour> behaviours() {
        return behaviours;
    }

    public int behaviourCount() {
        return behaviours.size();
    }

    public Behaviour behaviour(int index) {
        return behaviours.get(index);
    }

    public Behaviour behaviour(String code) {
        Behaviour behaviour = behavioursByCode.get(code);
        if (behaviour == null) {
            throw new IllegalArgumentException("Cannot find behaviour in framework: " + code);
        }
        return behaviour;
    }
}
