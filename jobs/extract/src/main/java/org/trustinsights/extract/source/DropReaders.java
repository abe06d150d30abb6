package org.trustinsights.extract.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.springframework.batch.item.file.FlatFileItemReader;
import org.springframework.batch.item.file.MultiResourceItemReader;
import org.springframework.batch.item.file.separator.SimpleRecordSeparatorPolicy;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.trustinsights.extract.landing.LandingRecord;

/**
 * Builds the reader for the new files of a drop folder: one file after another, each read line
 * by line (gzipped files unpacked as they stream), restartable at the last committed line. A
 * record is one line: a field may not hold a line break.
 */
public final class DropReaders {

    private DropReaders() {}

    public static MultiResourceItemReader<LandingRecord> reader(String name, List<DropFile> files,
            DropRecordMapper mapper, String format) {
        FileAwareReader delegate = new FileAwareReader(mapper);
        delegate.setName(name + ".file");
        delegate.setEncoding(StandardCharsets.UTF_8.name());
        delegate.setLineMapper(mapper);
        // One line is one record, so a stray quote spoils its own line only, never the rest of the file
        delegate.setRecordSeparatorPolicy(new SimpleRecordSeparatorPolicy());
        if ("csv".equals(format)) {
            delegate.setLinesToSkip(1);
            delegate.setSkippedLinesCallback(mapper);
        }

        MultiResourceItemReader<LandingRecord> reader = new MultiResourceItemReader<>();
        reader.setName(name);
        reader.setDelegate(delegate);
        reader.setResources(files.stream().map(DropReaders::resource).toArray(Resource[]::new));
        reader.setComparator((left, right) -> left.getFilename().compareTo(right.getFilename()));
        reader.setStrict(false);
        return reader;
    }

    private static Resource resource(DropFile file) {
        return file.isGzipped() ? new GzipFileResource(file) : new FileSystemResource(file.path());
    }

    /** Tells the mapper which file its lines come from. */
    private static final class FileAwareReader extends FlatFileItemReader<LandingRecord> {

        private final DropRecordMapper mapper;

        FileAwareReader(DropRecordMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public void setResource(Resource resource) {
            super.setResource(resource);
            mapper.startFile(resource.getFilename());
        }
    }

    /** A gzipped drop file, read unpacked. */
    private static final class GzipFileResource extends FileSystemResource {

        GzipFileResource(DropFile file) {
            super(file.path());
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new GZIPInputStream(super.getInputStream(), 1 << 16);
        }
    }
}
