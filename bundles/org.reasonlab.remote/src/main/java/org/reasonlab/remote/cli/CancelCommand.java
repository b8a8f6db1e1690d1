package org.reasonlab.remote.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.RunControl;

/** {@code reasonlab cancel RUN}: SIGTERM to the run's trainer (it checkpoints and stops); a queued job is removed. */
final class CancelCommand extends RemoteRunCommand {

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String summary() {
        return "stop a remote run after a checkpoint (scancel --signal=TERM, then scancel after the grace period)";
    }

    @Override
    int execute(Connection connection, ComputeTarget target, Path run, PrintStream out) throws IOException {
        RunTarget record = new RunControl(connection).cancel(run);
        out.println(run.getFileName() + ": SIGTERM sent to " + record.jobText() + "; the trainer writes a checkpoint"
                + " and stops (reasonlab sync shows when; reasonlab resume continues it)");
        return OK;
    }
}
