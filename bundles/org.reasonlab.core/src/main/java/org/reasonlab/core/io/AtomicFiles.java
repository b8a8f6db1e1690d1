package org.reasonlab.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file all at once: the content goes to a temporary file in the same folder, is
 * forced to disk and then moved over the target, so a crash or a failing writer never leaves a
 * half-written file behind. A temporary file that a killed process left behind is removed by the
 * next save of the same file ({@link SaveTemps}).
 */
public final class AtomicFiles {
    /** Temporary files are owner-only; a new dataset gets the usual rw-r--r-- instead. */
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    public interface IOWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target}, or the file it links to when it is a symbolic link (the link stays a link).
     *
     * @throws IOException naming {@code target}, never the temporary file, with the problem in words (see
     *         {@link FileErrors}), e.g. {@code "out.jsonl: no space left on device"}
     */
    public static void write(Path target, IOWriter writer) throws IOException {
        Path file = linkedFile(target);
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new FileSystemException(target.toString(), null, "is a folder, not a file");
        }
        SaveTemps.removeAbandoned(file);
        Path temp = createTemp(target, file);
        try {
            // the lock, held until the temporary file is renamed, tells any other process's cleanup that this save
            // is alive, whatever its process number means there (another container, another host)
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    FileLock lock = SaveTemps.lock(channel)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                writer.writeTo(new NonClosing(out));
                out.flush();
                channel.force(true);
                copyPermissions(file, temp);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            delete(temp, e);
            throw toldAboutTarget(e, target, file, temp);
        } catch (RuntimeException | Error e) {
            delete(temp, e);
            throw e;
        } finally {
            SaveTemps.finished(temp);
        }
        syncDirectory(dir);
    }

    /** The absolute target, or the file at the end of its symbolic links (which need not exist yet). */
    private static Path linkedFile(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        try {
            for (int links = 0; Files.isSymbolicLink(file); links++) {
                if (links == 40) {
                    throw new FileSystemException(file.toString(), null, "Too many levels of symbolic links");
                }
                file = file.resolveSibling(Files.readSymbolicLink(file));
            }
        } catch (IOException e) {
            throw FileErrors.about(target, e);
        }
        return file;
    }

    private static Path createTemp(Path target, Path file) throws IOException {
        try {
            return SaveTemps.create(file);
        } catch (IOException e) {
            Path dir = file.getParent();
            boolean linked = !file.equals(target.toAbsolutePath());
            String folder = target.getParent() != null && !linked ? target.getParent().toString() : dir.toString();
            IOException told;
            if (!Files.isDirectory(dir)) {
                told = new NoSuchFileException(target.toString(), null,
                        Files.exists(dir) ? folder + " is not a folder" : "the folder " + folder + " does not exist");
            } else if (e instanceof AccessDeniedException) {
                told = new AccessDeniedException(target.toString(), null, "permission denied to create files in " + folder);
            } else {
                throw FileErrors.about(target, e);
            }
            told.initCause(e);
            throw told;
        }
    }

    /**
     * A failure of the temporary file, of the file replaced, or of no file in particular (a write that ran out of
     * space) is told about the target as the caller named it; other kinds of exception (a writer's own) pass as
     * they are.
     */
    private static IOException toldAboutTarget(IOException e, Path target, Path file, Path temp) {
        if (e instanceof FileSystemException f) {
            String named = f.getFile();
            boolean ours = named == null || named.equals(temp.toString()) || named.equals(file.toString());
            return ours ? FileErrors.about(target, e) : e;
        }
        return e.getClass() == IOException.class ? FileErrors.about(target, e) : e;
    }

    private static void delete(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    private static void copyPermissions(Path target, Path temp) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : NEW_FILE_PERMISSIONS;
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the ACLs of the folder apply
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // best effort only
        }
    }

    /** Keeps a writer that closes its stream from closing the channel before it is forced. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
