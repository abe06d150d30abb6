package org.trustinsights.extract.source;

import java.nio.file.Path;

/** A file in a school's drop folder, with the SHA-256 of its bytes. */
public record DropFile(Path path, String name, String sha256) {

    /** How the manifest records it: {@code name:sha256}. */
    public String manifestEntry() {
        return name + ":" + sha256;
    }

    public boolean isGzipped() {
        return name.endsWith(".gz");
    }
}
