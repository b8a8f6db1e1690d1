package org.reasonlab.ui.internal.remote;

import java.io.IOException;
import java.nio.file.Path;

import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.Connections;

/** The workbench's connection to the target of a run folder: its target.json, targets.json, the user's answers. */
final class RunConnections {
    private RunConnections() {
    }

    /** The target the run was submitted to (as targets.json defines it now, else as target.json recorded it). */
    static ComputeTarget targetOf(Path folder) throws IOException {
        RunTarget record = RunTarget.read(folder).orElseThrow(() -> new IOException("no " + RunTarget.FILE + " in "
                + folder + ": not a run on a compute target"));
        return Connections.targetOf(record, TargetsFile.load());
    }

    static Connection open(ComputeTarget target) throws IOException {
        return Connections.open(target, WorkbenchCredentials.hostKeys(), WorkbenchCredentials.passphrases());
    }

    static Connection open(Path folder) throws IOException {
        return open(targetOf(folder));
    }
}
