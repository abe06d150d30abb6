package org.trustinsights.config;

import static org.trustinsights.InsightsException.Category.CONFIGURATION;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.trustinsights.InsightsException;

/** Reads the YAML of a trust configuration and its framework into records. */
final class TrustConfigLoader {

    /** The file as written; {@code framework} is still a path here. */
    record TrustDocument(
            TrustIdentity trust,
            String framework,
            Privacy privacy,
            Calendar calendar,
            Roles roles,
            Mentoring mentoring,
            Diagnostics diagnostics,
            Cycles cycles,
            Review review,
            Cpd cpd,
            Succession succession,
            Quality quality,
            ExtractLimits extract,
            Map<String, List<String>> priorities,
            List<School> schools,
            Storage storage) {}

    record Storage(String root) {}

    private static final Set<String> SECRET_KEYS = Set.of("password", "token", "secret", "api_key");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TrustConfigLoader() {}

    static TrustConfig load(Path file, Path home) {
        TrustDocument document = read(file, TrustDocument.class);
        if (document == null) {
            throw new InsightsException(CONFIGURATION, "Cannot read trust configuration " + file
                    + ": the file is empty; fix: start from config/sample/trust.yaml");
        }
        Path folder = file.toAbsolutePath().getParent();
        TrustConfigValidator validator = new TrustConfigValidator(file);
        validator.checkDocument(document);

        Path frameworkFile = folder.resolve(document.framework());
        Framework framework = read(frameworkFile, Framework.class);
        validator.checkFramework(frameworkFile, framework);

        Map<AcademicYear, List<String>> priorities = validator.checkPriorities(
                document.priorities(), framework);
        return new TrustConfig(
                file.toAbsolutePath().normalize(),
                document.trust(),
                framework,
                orDefault(document.privacy(), Privacy.defaults()),
                orDefault(document.calendar(), Calendar.defaults()),
                orDefault(document.roles(), Roles.defaults()),
                orDefault(document.mentoring(), Mentoring.defaults()),
                orDefault(document.diagnostics(), Diagnostics.defaults()),
                orDefault(document.cycles(), Cycles.defaults()),
                orDefault(document.review(), Review.defaults()),
                orDefault(document.cpd(), Cpd.defaults()),
                validator.checkSuccession(orDefault(document.succession(), Succession.defaults()), framework,
                        orDefault(document.roles(), Roles.defaults())),
                orDefault(document.quality(), Quality.defaults()),
                orDefault(document.extract(), ExtractLimits.defaults()),
                priorities,
                resolveSchools(document.schools(), folder),
                lakeRoot(document.storage(), folder, home));
    }

    private static List<School> resolveSchools(List<School> schools, Path folder) {
        List<School> resolved = new ArrayList<>();
        for (School school : schools) {
            Map<String, SourceConfig> sources = school.sources().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey,
                            entry -> entry.getValue().resolvedAgainst(folder)));
            resolved.add(new School(school.urn(), school.name(), school.phase(), school.region(),
                    school.joinedOn(), sources));
        }
        return List.copyOf(resolved);
    }

    private static String lakeRoot(Storage storage, Path folder, Path home) {
        if (storage == null || storage.root() == null || storage.root().isBlank()) {
            return home.resolve("var").resolve("lake").toString();
        }
        if (storage.root().matches("^[a-z][a-z0-9+]*://.*")) {
            return storage.root();
        }
        return folder.resolve(storage.root()).toAbsolutePath().normalize().toString();
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new InsightsException(CONFIGURATION, "Cannot read " + file
                    + ": no such file; fix: check the path, relative paths start at the trust configuration's folder");
        }
        try {
            return YAML.readValue(file.toFile(), type);
        } catch (UnrecognizedPropertyException e) {
            throw new InsightsException(CONFIGURATION, unknownKey(file, e), e);
        } catch (InvalidFormatException e) {
            throw new InsightsException(CONFIGURATION, file + ": " + keyOf(e) + ": '" + e.getValue()
                    + "' is not " + expected(e.getTargetType()) + " (line " + e.getLocation().getLineNr()
                    + "); fix: write " + example(e.getTargetType()), e);
        } catch (JsonMappingException e) {
            throw new InsightsException(CONFIGURATION, file + ": " + keyOf(e) + ": "
                    + e.getOriginalMessage() + " (line " + lineOf(e) + ")", e);
        } catch (JacksonException e) {
            throw new InsightsException(CONFIGURATION, file + ": not valid YAML (line "
                    + lineOf(e) + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InsightsException(CONFIGURATION, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String unknownKey(Path file, UnrecognizedPropertyException e) {
        String key = keyOf(e);
        String name = e.getPropertyName();
        if (SECRET_KEYS.contains(name)) {
            return file + ": " + key + ": secrets are never written in the configuration; fix: put it "
                    + "in an environment variable and name the variable with " + name.replace("api_key", "token")
                    + "_env";
        }
        return file + ": " + key + ": unknown key '" + name + "' (line " + lineOf(e) + "); fix: use one of "
                + known(e.getKnownPropertyIds());
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "the documented keys"
                : ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        return "a " + type.getSimpleName();
    }

    private static String example(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "dates as yyyy-MM-dd, such as 2021-09-01";
        }
        if (type == Integer.class || type == int.class) {
            return "digits only, such as 5";
        }
        return "a value of the documented form";
    }

    private static int lineOf(JacksonException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    static String keyOf(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                key.append('[').append(reference.getIndex()).append(']');
            }
        }
        return key.isEmpty() ? "(top level)" : key.toString();
    }
}
