package org.reasonlab.remote.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.reasonlab.core.cli.CliArguments;

import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.RunDownload;
import org.reasonlab.remote.RunMirror;

/**
 * {@code reasonlab sync RUN [--download adapter,merged,checkpoints]}: pulls the run's new events, its job state and,
 * once it has ended, its results; with {@code --download}, also those folders, which otherwise stay on the target.
 */
final class SyncCommand extends RemoteRunCommand {
    private List<String> download = List.of();

    @Override
    public String usage() {
        return "RUN [--download adapter,merged,checkpoints] " + TargetArguments.USAGE;
    }

    @Override
    protected Set<String> extraOptions() {
        return Set.of("download");
    }

    @Override
    protected void readOptions(CliArguments args) {
        download = args.option("download").map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String summary() {
        return "bring a remote run's events, job state and results into its local run folder";
    }

    @Override
    int execute(Connection connection, ComputeTarget target, Path run, PrintStream out) throws IOException {
        RunMirror.SyncResult result = new RunMirror(connection, grace(target)).sync(run);
        RunInfo info = RunReader.readOnce(run).info();
        out.println(run.getFileName() + "  " + info.targetText() + "  " + info.statusText() + "  "
                + result.newEvents() + " new events" + (result.ended() ? "  (job ended; results fetched)" : ""));
        if (info.message() != null) {
            out.println(info.message());
        }
        if (!download.isEmpty()) {
            List<Path> files = new RunDownload(connection).download(run, download);
            out.println("downloaded " + files.size() + " file(s) of " + String.join(", ", download));
        }
        return OK;
    }
}
