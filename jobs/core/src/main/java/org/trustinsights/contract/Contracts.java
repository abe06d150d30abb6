package org.trustinsights.contract;

import static org.trustinsights.InsightsException.Category.CONTRACT;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.trustinsights.InsightsException;

/**
 * Every table contract of the project, read from the {@code schemas/} folder and validated as a
 * whole: a contract that names a missing column, a reference to a table that does not exist, or
 * a person's name outside the restricted layer stops start-up with a message naming the file.
 */
public final class Contracts {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;
    private final Map<String, TableContract> tables;

    private Contracts(Path folder, Map<String, TableContract> tables) {
        this.folder = folder;
        this.tables = tables;
    }

    /** Reads and validates every {@code <layer>/<name>.yaml} below the folder. */
    public static Contracts load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InsightsException(CONTRACT, "Cannot read table contracts: no folder "
                    + folder.toAbsolutePath() + "; fix: run from the project folder or set INSIGHTS_HOME");
        }
        Map<String, TableContract> tables = new LinkedHashMap<>();
        for (Path file : contractFiles(folder)) {
            TableContract contract = read(folder, file);
            ContractValidator.checkOne(folder.relativize(file), contract);
            tables.put(contract.table(), contract);
        }
        Contracts contracts = new Contracts(folder, tables);
        ContractValidator.checkReferences(contracts);
        return contracts;
    }

    public Path folder() {
        return folder;
    }

    public Collection<TableContract> all() {
        return tables.values();
    }

    public Optional<TableContract> find(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    public TableContract get(String table) {
        return find(table).orElseThrow(() -> new InsightsException(CONTRACT,
                "No contract for table " + table + "; fix: add schemas/"
                        + table.replace('.', '/') + ".yaml"));
    }

    public List<TableContract> layer(String layer) {
        return tables.values().stream().filter(table -> table.layer().equals(layer)).toList();
    }

    /** The bronze table that lands one entity of one school system. */
    public TableContract bronze(String system, String entity) {
        return layer("bronze").stream()
                .filter(table -> new SourceEntity(system, entity).equals(table.source()))
                .findFirst()
                .orElseThrow(() -> new InsightsException(CONTRACT, "No bronze contract has source "
                        + system + "/" + entity + "; fix: add one to schemas/bronze/"));
    }

    private static List<Path> contractFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> folder.relativize(file).getNameCount() == 2)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TableContract read(Path folder, Path file) {
        Path shown = folder.relativize(file);
        try {
            TableContract contract = YAML.readValue(file.toFile(), TableContract.class);
            if (contract == null) {
                throw new InsightsException(CONTRACT, "Cannot read contract " + shown + ": the file is empty");
            }
            return contract;
        } catch (JsonMappingException e) {
            throw new InsightsException(CONTRACT, "Cannot read contract " + shown + ": at "
                    + pathOf(e) + ": " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new InsightsException(CONTRACT, "Cannot read contract " + shown + ": "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pathOf(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + reference.getFieldName());
            } else {
                parts.add("[" + reference.getIndex() + "]");
            }
        }
        return parts.isEmpty() ? "the top" : String.join("", parts);
    }
}
