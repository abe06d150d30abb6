package org.trustinsights.extract.source;

import static org.trustinsights.InsightsException.Category.SOURCE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.file.LineCallbackHandler;
import org.springframework.batch.item.file.LineMapper;
import org.springframework.batch.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.item.file.transform.FieldSet;
import org.springframework.batch.item.file.transform.IncorrectTokenCountException;
import org.trustinsights.InsightsException;
import org.trustinsights.contract.Column;
import org.trustinsights.extract.landing.LandingRecord;
import org.trustinsights.extract.landing.RecordTyper;

/**
 * Maps the lines of drop files to landing records: CSV lines against the header the file
 * starts with, JSON lines by field name. A line that cannot be read or typed becomes a rejected
 * record with its raw text and the reason; a header without a contract column stops the file.
 */
public final class DropRecordMapper implements LineMapper<LandingRecord>, LineCallbackHandler {

    private static final Logger log = LoggerFactory.getLogger(DropRecordMapper.class);
    private static final JsonFactory JSON = new JsonFactory();
    /** What the UTF-8 decoder puts in place of bytes that are not UTF-8. */
    private static final char NOT_UTF_8 = '\uFFFD';

    private final RecordTyper typer;
    private final String format;
    private final String description;
    private final Map<String, Integer> columnIndexes = new HashMap<>();
    private final DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
    private int[] headerPositions;
    private String currentFile = "";

    /** {@code description} names the source in messages, such as "staff drop of school 140101". */
    public DropRecordMapper(RecordTyper typer, String format, String description) {
        this.typer = typer;
        this.format = format;
        this.description = description;
        tokenizer.setStrict(true);
        for (int index = 0; index < typer.columns().size(); index++) {
            columnIndexes.put(typer.columns().get(index).name(), index);
        }
    }

    /** Called as the reader moves to the next file. */
    void startFile(String name) {
        currentFile = name;
    }

    /** The header line of a CSV file, checked against the contract. */
    @Override
    public void handleLine(String header) {
        DelimitedLineTokenizer headerTokenizer = new DelimitedLineTokenizer();
        List<String> names = List.of(headerTokenizer.tokenize(stripByteOrderMark(header)).getValues());
        for (Column column : typer.columns()) {
            if (!names.contains(column.name())) {
                throw new InsightsException(SOURCE, "Cannot read " + description + " file " + currentFile
                        + ": column " + column.name() + " missing (line 1); fix: add the column to the export, "
                        + "empty where unknown");
            }
        }
        Set<String> known = typer.columns().stream().map(Column::name).collect(Collectors.toSet());
        List<String> extra = names.stream().filter(name -> !known.contains(name)).toList();
        if (!extra.isEmpty()) {
            log.warn("{} file {} has columns the contract lacks, not landed: {}", description, currentFile, extra);
        }
        tokenizer.setNames(names.toArray(String[]::new));
        headerPositions = typer.columns().stream().mapToInt(column -> names.indexOf(column.name())).toArray();
    }

    @Override
    public LandingRecord mapLine(String line, int lineNumber) {
        if (line.indexOf(NOT_UTF_8) >= 0) {
            return LandingRecord.rejected("line has bytes that are not UTF-8; fix: export the file as UTF-8",
                    line, currentFile, lineNumber);
        }
        return "jsonl".equals(format) ? mapJson(line, lineNumber) : mapCsv(line, lineNumber);
    }

    private LandingRecord mapCsv(String line, int lineNumber) {
        FieldSet fields;
        try {
            fields = tokenizer.tokenize(line);
        } catch (IncorrectTokenCountException e) {
            return LandingRecord.rejected("line has " + e.getActualCount() + " fields but the header has "
                    + e.getExpectedCount(), line, currentFile, lineNumber);
        } catch (RuntimeException e) {
            return LandingRecord.rejected("not a CSV line: " + e.getMessage(), line, currentFile, lineNumber);
        }
        String[] raw = fields.getValues();
        String[] values = new String[headerPositions.length];
        for (int index = 0; index < headerPositions.length; index++) {
            values[index] = raw[headerPositions[index]];
        }
        return typer.typeText(values, line, currentFile, lineNumber);
    }

    /** Reads a JSON object's fields as they stream past, keeping the contract's and skipping others. */
    private LandingRecord mapJson(String line, int lineNumber) {
        String[] values = new String[columnIndexes.size()];
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return LandingRecord.rejected("not a JSON object", line, currentFile, lineNumber);
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                Integer index = columnIndexes.get(parser.currentName());
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else if (index != null && value != JsonToken.VALUE_NULL) {
                    values[index] = parser.getText();
                }
            }
        } catch (IOException e) {
            String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            return LandingRecord.rejected("not a JSON object: " + problem, line, currentFile, lineNumber);
        }
        return typer.typeText(values, line, currentFile, lineNumber);
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
