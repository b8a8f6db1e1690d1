package org.reasonlab.remote.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.RunMirror;

/** {@code reasonlab sync RUN}: pulls the run's new events, its job state and, once it has ended, its results. */
final class SyncCommand extends RemoteRunCommand {

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
        return OK;
    }
}
