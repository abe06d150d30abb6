package org.trustinsights.config;

import java.util.List;
import java.util.stream.Stream;

/**
 * The leadership framework: domains of behaviours, each measured by diagnostic items, rated on
 * one scale.
 */
public record Framework(String name, Scale scale, List<Domain> domains) {

    public record Scale(Integer min, Integer max) {}

    public record Domain(String code, String name, List<Behaviour> behaviours) {

        public Domain {
            behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        }
    }

    public record Behaviour(String code, String name, List<Item> items) {

        public Behaviour {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record Item(String id, String text) {}

    public Framework {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    public Stream<Behaviour> behaviours() {
        return domains.stream().flatMap(domain -> domain.behaviours().stream());
    }
}
