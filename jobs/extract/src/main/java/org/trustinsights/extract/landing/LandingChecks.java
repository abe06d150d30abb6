package org.trustinsights.extract.landing;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.ItemProcessor;
import org.trustinsights.contract.Column;
import org.trustinsights.contract.TableContract;

/**
 * Checks a typed record against the rest of its load and the trust: a second record with the
 * same key in one load is a duplicate, and a school URN the trust does not know is a bad
 * reference. Either turns the record into a reject with the reason. The keys seen are kept as
 * 64-bit hashes, eight bytes a record, for the length of one load.
 */
public final class LandingChecks implements ItemProcessor<LandingBatch, LandingBatch>, StepExecutionListener {

    private static final String SCHOOL_REFERENCE = "silver.school.school_urn";

    private final List<Column> columns;
    private final int[] keyIndexes;
    private final List<String> keyNames;
    private final int[] schoolIndexes;
    private final Set<Integer> schools;
    private final LongOpenHashSet seenKeys = new LongOpenHashSet();

    public LandingChecks(TableContract contract, Set<Integer> schools) {
        this.columns = contract.sourceColumns();
        this.keyNames = contract.primaryKey().stream()
                .filter(name -> columns.stream().anyMatch(column -> column.name().equals(name)))
                .toList();
        this.keyIndexes = keyNames.stream().mapToInt(this::indexOf).toArray();
        this.schoolIndexes = IntStream.range(0, columns.size())
                .filter(index -> SCHOOL_REFERENCE.equals(columns.get(index).rules().references()))
                .toArray();
        this.schools = Set.copyOf(schools);
    }

    /** Forgets the keys of the previous load. */
    @Override
    public void beforeStep(StepExecution step) {
        seenKeys.clear();
    }

    @Override
    public LandingBatch process(LandingBatch batch) {
        return new LandingBatch(batch.records().stream().map(this::check).toList());
    }

    private LandingRecord check(LandingRecord record) {
        if (record.isRejected()) {
            return record;
        }
        for (int index : schoolIndexes) {
            Object urn = record.values()[index];
            if (urn != null && !schools.contains(((Number) urn).intValue())) {
                return reject(record, columns.get(index).name() + " " + urn + " is not a school of the trust");
            }
        }
        if (keyIndexes.length > 0 && !seenKeys.add(keyHash(record))) {
            return reject(record, "duplicate of an earlier record in this load with the same "
                    + String.join(", ", keyNames));
        }
        return record;
    }

    private static LandingRecord reject(LandingRecord record, String reason) {
        return LandingRecord.rejected(reason, record.raw(), record.location(), record.position())
                .withUpdatedAt(record.updatedAt());
    }

    private long keyHash(LandingRecord record) {
        long hash = 0xcbf29ce484222325L;
        for (int index : keyIndexes) {
            String value = String.valueOf(record.values()[index]);
            for (int position = 0; position < value.length(); position++) {
                hash = (hash ^ value.charAt(position)) * 0x100000001b3L;
            }
            hash = (hash ^ 0x1f) * 0x100000001b3L;
        }
        return hash;
    }

    private int indexOf(String name) {
        return IntStream.range(0, columns.size())
                .filter(index -> columns.get(index).name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
