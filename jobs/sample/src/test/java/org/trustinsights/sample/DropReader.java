package org.trustinsights.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a written sample back the way a stranger would: from the files alone. */
final class DropReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DropReader() {}

    /** The raw lines of a drop, gunzipped when need be; CSV line ends are CRLF. */
    static List<String> lines(Path file) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> jsonLines(Path file) {
        return lines(file).stream().map(DropReader::json).toList();
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + line, e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV records by column name; the header is not a record. */
    static List<Map<String, String>> csv(Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            List<Map<String, String>> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record.toMap());
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> csvLine(String header, String line) {
        List<Map<String, String>> records = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(header + "\r\n" + line + "\r\n", format)) {
            parser.forEach(record -> records.add(record.toMap()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records.get(0);
    }

    /** The STAFF table of a school's MIS database, in insertion order, values as text. */
    static List<Map<String, String>> staffTable(Path misFolder) {
        String url = "jdbc:h2:file:" + misFolder.resolve("mis").toAbsolutePath()
                + ";ACCESS_MODE_DATA=r";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM STAFF ORDER BY _ROWID_")) {
            List<Map<String, String>> table = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int column = 1; column <= columns; column++) {
                    String name = rows.getMetaData().getColumnName(column).toLowerCase();
                    row.put(name, rows.getString(column));
                }
                table.add(row);
            }
            return table;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read staff table in " + misFolder, e);
        }
    }

    /** Files below the folder whose path relative to it matches the glob. */
    static List<Path> find(Path root, String glob) {
        var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> matcher.matches(root.relativize(file)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
