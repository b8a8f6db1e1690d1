package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What a file on disk looked like: its modification time and size. Readers compare stamps to skip files that did
 * not change, editors to tell their own saves from other programs' writes.
 *
 * @param modifiedNanos the modification time in nanoseconds since the epoch (as precise as the file system is)
 * @param size the size in bytes
 * @param exists whether there was a file; {@link #MISSING} when there was none
 */
public record FileStamp(long modifiedNanos, long size, boolean exists) {
    public static final FileStamp MISSING = new FileStamp(0, 0, false);

    /** The file's stamp now; {@link #MISSING} when it does not exist or cannot be read. */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), true);
        } catch (IOException e) {
            return MISSING;
        }
    }
}
