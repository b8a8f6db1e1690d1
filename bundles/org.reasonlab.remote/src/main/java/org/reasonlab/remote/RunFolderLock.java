package org.reasonlab.remote;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.reasonlab.core.run.RunDirectory;

/**
 * One sync, cancel or resume of a run folder at a time, across threads (the workbench's jobs) and processes (the
 * workbench and {@code reasonlab sync}): otherwise two syncs would append the same events twice, and a sync would
 * write back a {@code target.json} read before a Cancel changed it. The lock is held on the folder's
 * {@code events.jsonl}, which is only ever appended to (never replaced), so no lock file is left behind.
 */
final class RunFolderLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    static RunFolderLock acquire(Path runFolder) throws IOException {
        Path key = runFolder.toAbsolutePath().normalize();
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(new RunDirectory(key).eventsFile(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            return new RunFolderLock(local, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
