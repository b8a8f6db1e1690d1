package org.reasonlab.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.target.RemotePaths;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.target.ShellQuote;

/**
 * Download of what stays on the target unless asked for: {@code adapter/}, {@code merged/} and
 * {@code checkpoints/}. Each file is written atomically; a file that is already here with the same size is skipped,
 * so an interrupted download continues where it stopped.
 */
public final class RunDownload {
    /** The folders that can be downloaded. */
    public static final List<String> FOLDERS = List.of(RunDirectory.ADAPTER, RunDirectory.MERGED,
            RunDirectory.CHECKPOINTS);

    private final Connection connection;

    public RunDownload(Connection connection) {
        this.connection = connection;
    }

    /**
     * Downloads the folders of the run that exist on the target.
     *
     * @return the files written
     */
    public List<Path> download(Path localRun, List<String> folders) throws IOException {
        RunTarget record = RunTarget.read(localRun)
                .orElseThrow(() -> new IOException(localRun + " has no " + RunTarget.FILE + ": it is not a remote run"));
        RemoteFiles files = new RemoteFiles(connection, record.workDir());
        List<Path> written = new ArrayList<>();
        for (String folder : folders) {
            if (!FOLDERS.contains(folder)) {
                throw new IllegalArgumentException("cannot download " + folder + ": choose from " + FOLDERS);
            }
            String remote = RemotePaths.under(record.remoteFolder(), folder);
            // "size path" per file, NUL-free paths relative to the folder
            CommandResult listing = connection.run("if [ -d " + ShellQuote.quote(remote) + " ]; then cd -- "
                    + ShellQuote.quote(remote) + " && find . -type f -printf '%s %P\\n'; fi").orThrow();
            for (String line : listing.stdout().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int space = line.indexOf(' ');
                long size = Long.parseLong(line.substring(0, space));
                String relative = line.substring(space + 1);
                Path local = localRun.resolve(folder).resolve(relative).normalize();
                if (!local.startsWith(localRun.resolve(folder))) {
                    throw new IOException("refusing the remote file " + relative + ": it lies outside " + folder);
                }
                if (Files.isRegularFile(local) && Files.size(local) == size) {
                    continue;
                }
                Files.createDirectories(local.getParent());
                files.download(remote + "/" + relative, local);
                written.add(local);
            }
        }
        return written;
    }
}
