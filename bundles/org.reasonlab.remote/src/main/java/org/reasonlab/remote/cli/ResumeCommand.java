package org.reasonlab.remote.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.RunControl;

/** {@code reasonlab resume RUN}: submits the run's job again; the trainer continues from its newest checkpoint. */
final class ResumeCommand extends RemoteRunCommand {

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String summary() {
        return "resubmit a cancelled, timed-out or failed remote run; it continues from its newest checkpoint";
    }

    @Override
    int execute(Connection connection, ComputeTarget target, Path run, PrintStream out) throws IOException {
        RunTarget record = new RunControl(connection).resume(run);
        out.println(run.getFileName() + ": resumed as " + record.jobText());
        return OK;
    }
}
