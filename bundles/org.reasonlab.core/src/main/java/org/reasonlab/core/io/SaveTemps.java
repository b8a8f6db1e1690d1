package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary files of {@link AtomicFiles}, named after the file they replace and the process saving it, e.g.
 * {@code .data.jsonl.saving-1432-3k9x2f.tmp}: a save cut short with its process (kill -9, a power cut) leaves its
 * temporary file behind, and the next save of the same file removes it, while the temporary file of a save still
 * running in another process is left alone: its process is alive, or it holds the file's lock.
 */
final class SaveTemps {
    private static final String TAG = ".saving-";
    private static final String SUFFIX = ".tmp";
    /** Process start times are known to about a second; the files of a reused process number are much older. */
    private static final Duration PID_REUSE_MARGIN = Duration.ofMinutes(1);
    /** The names of this process's temporary files; another one with its number is from an earlier process. */
    private static final Set<String> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    private SaveTemps() {
    }

    /**
     * A new empty temporary file beside {@code target} (an absolute path), readable by its owner only; call
     * {@link #finished} when it has been moved or deleted.
     */
    static Path create(Path target) throws IOException {
        String prefix = prefix(target) + ProcessHandle.current().pid() + "-";
        while (true) {
            String name = prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + SUFFIX;
            if (!IN_PROGRESS.add(name)) {
                continue;
            }
            try {
                return Files.createFile(target.resolveSibling(name), ownerOnly(target));
            } catch (FileAlreadyExistsException taken) {
                IN_PROGRESS.remove(name); // another name
            } catch (IOException | RuntimeException e) {
                IN_PROGRESS.remove(name);
                throw e;
            }
        }
    }

    static void finished(Path temp) {
        IN_PROGRESS.remove(temp.getFileName().toString());
    }

    /** Deletes the temporary files of {@code target} whose saving process is gone; best effort, never fails. */
    static void removeAbandoned(Path target) {
        String prefix = prefix(target);
        DirectoryStream.Filter<Path> ofTarget = p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(SUFFIX);
        };
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(target.getParent(), ofTarget)) {
            for (Path temp : temps) {
                String name = temp.getFileName().toString();
                Long pid = pid(name.substring(prefix.length(), name.length() - SUFFIX.length()));
                if (pid != null && abandoned(temp, pid) && unlocked(temp)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be listed, a file another save removed first: the save itself goes on
        }
    }

    /** Locks a temporary file while its save runs; null where the file system has no locks. */
    static FileLock lock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Whether no save holds the temporary file's lock: a save in another container or on another host may carry a
     * process number that is gone here, but its lock is seen. The lock dies with its process (kill -9 included).
     */
    private static boolean unlocked(Path temp) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (IOException | UnsupportedOperationException e) {
            return true; // no locks here: the process numbers decide
        }
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + TAG;
    }

    /** The process number in "1432-3k9x2f", null when the name is not one of ours. */
    private static Long pid(String middle) {
        int dash = middle.indexOf('-');
        if (dash <= 0 || dash == middle.length() - 1) {
            return null;
        }
        try {
            return Long.parseLong(middle.substring(0, dash));
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    private static boolean abandoned(Path temp, long pid) throws IOException {
        if (pid == ProcessHandle.current().pid()) {
            return !IN_PROGRESS.contains(temp.getFileName().toString()); // e.g. a container's process 1, started again
        }
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = owner.get().info().startInstant();
        Instant written = Files.getLastModifiedTime(temp).toInstant();
        return started.isPresent() && started.get().isAfter(written.plus(PID_REUSE_MARGIN));
    }

    private static FileAttribute<?>[] ownerOnly(Path target) {
        if (!target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
