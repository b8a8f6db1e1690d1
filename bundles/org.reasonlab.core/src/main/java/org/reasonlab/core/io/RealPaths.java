package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a path really leads, so that two names of one file (a symbolic link, {@code dir/../}, a hard link) are
 * not taken for two files: writing "the other file" would replace the one being read.
 */
public final class RealPaths {
    private RealPaths() {
    }

    /** The real path of an existing file; for a file yet to be written, the real path of its folder and its name. */
    public static Path of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException notThere) {
            Path folder = absolute.getParent();
            try {
                return folder == null ? absolute : folder.toRealPath().resolve(absolute.getFileName());
            } catch (IOException noFolder) {
                return absolute;
            }
        }
    }

    /** Whether both paths name one file. */
    public static boolean same(Path a, Path b) {
        if (of(a).equals(of(b))) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
