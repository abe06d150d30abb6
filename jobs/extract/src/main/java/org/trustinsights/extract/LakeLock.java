package org.trustinsights.extract;

import static org.trustinsights.InsightsException.Category.STORAGE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.trustinsights.InsightsException;

/** One extract at a time per lake: the second is refused rather than interleaved. */
final class LakeLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private LakeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static LakeLock acquire(Path lakeRoot) throws IOException {
        Path file = lakeRoot.resolve("bronze").resolve(".extract.lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new InsightsException(STORAGE, "Cannot extract into " + lakeRoot
                    + ": another extract is running on this lake; fix: wait for it to finish");
        }
        return new LakeLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
