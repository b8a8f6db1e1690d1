package org.reasonlab.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a file on disk looked like (modification time and size), to tell our own saves from other programs' writes. */
record DiskStamp(long modifiedNanos, long size, boolean exists) {

    static DiskStamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new DiskStamp(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size(), true);
        } catch (IOException e) {
            return new DiskStamp(0, 0, false);
        }
    }
}
