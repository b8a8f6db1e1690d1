package org.reasonlab.remote;

import java.io.IOException;

import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.target.ComputeTargets;
import org.reasonlab.remote.ssh.HostKeyApproval;
import org.reasonlab.remote.ssh.PassphraseSource;
import org.reasonlab.remote.ssh.SshConnection;

/** Opens the connection a target needs: SSH to its host, or this machine for a SLURM target without one. */
public final class Connections {
    private Connections() {
    }

    public static Connection open(ComputeTarget target, HostKeyApproval approval, PassphraseSource passphrases)
            throws IOException {
        if (target.isLocal()) {
            throw new IllegalArgumentException("the local target needs no connection");
        }
        return target.overSsh() ? SshConnection.open(target, approval, passphrases) : new LocalConnection();
    }

    /**
     * The target a run was submitted to: from the targets file when it is still defined there (its identity file,
     * known_hosts), else rebuilt from {@code target.json}'s host, port and user.
     */
    public static ComputeTarget targetOf(RunTarget run, ComputeTargets targets) {
        return targets.find(run.target()).filter(t -> t.kind() == run.kind())
                .orElse(new ComputeTarget(run.target(), run.kind(), run.host(), run.port(), run.user(), null, null,
                        run.workDir(), null, null, null, null, null));
    }
}
