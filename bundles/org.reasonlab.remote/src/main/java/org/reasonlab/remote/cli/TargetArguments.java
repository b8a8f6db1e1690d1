package org.reasonlab.remote.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.target.ComputeTargets;
import org.reasonlab.remote.ssh.HostKeyApproval;
import org.reasonlab.remote.ssh.PassphraseSource;

/** The options every compute target command shares: {@code --targets FILE}, {@code --accept-host-key SHA256:...}. */
final class TargetArguments {
    static final String TARGETS = "targets";
    static final String ACCEPT_HOST_KEY = "accept-host-key";
    static final Set<String> OPTIONS = Set.of(TARGETS, ACCEPT_HOST_KEY);
    static final String USAGE = "[--targets FILE] [--accept-host-key SHA256:...]";

    private TargetArguments() {
    }

    static ComputeTargets targets(CliArguments args) throws IOException {
        Path file = args.option(TARGETS).map(Path::of).orElse(ComputeTargets.defaultFile());
        return ComputeTargets.read(file);
    }

    static Path targetsFile(CliArguments args) {
        return args.option(TARGETS).map(Path::of).orElse(ComputeTargets.defaultFile());
    }

    /** Unknown host keys: only the fingerprint the user passed is accepted (and added to known_hosts). */
    static HostKeyApproval approval(CliArguments args) throws UsageException {
        String fingerprint = args.option(ACCEPT_HOST_KEY).orElse(null);
        if (fingerprint != null && !fingerprint.startsWith("SHA256:")) {
            throw new UsageException("--accept-host-key takes a fingerprint as ssh-keygen -lf prints it (SHA256:...)");
        }
        return fingerprint == null ? HostKeyApproval.REJECT : HostKeyApproval.fingerprint(fingerprint);
    }

    /** Passphrases are asked on the terminal, never read from a file or an option. */
    static PassphraseSource passphrases() {
        return (keyFile, attempt) -> {
            Console console = System.console();
            if (console == null || attempt > 2) {
                return null;
            }
            char[] p = console.readPassword("Passphrase for %s: ", keyFile);
            return p == null ? null : new String(p);
        };
    }
}
