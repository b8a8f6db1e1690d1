package org.reasonlab.remote.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.CliCommand;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.ComputeTargets;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.Connections;

/** A command on one remote run folder ({@code sync RUN}, {@code cancel RUN}, {@code resume RUN}). */
abstract class RemoteRunCommand implements CliCommand {

    @Override
    public String usage() {
        return "RUN " + TargetArguments.USAGE;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws UsageException, IOException {
        Set<String> options = new java.util.HashSet<>(TargetArguments.OPTIONS);
        options.addAll(extraOptions());
        CliArguments args = CliArguments.parse(arguments, Set.of(CliArguments.HELP), options);
        try {
            readOptions(args);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path run = Path.of(args.requirePositional(1, "RUN").get(0)).toAbsolutePath().normalize();
        RunTarget record = RunTarget.read(run).orElseThrow(() -> new UsageException(run + " has no "
                + RunTarget.FILE + ": it is not a run on a compute target"));
        ComputeTarget target = Connections.targetOf(record, TargetArguments.targets(args));
        try (Connection connection = Connections.open(target, TargetArguments.approval(args),
                TargetArguments.passphrases())) {
            return execute(connection, target, run, out);
        }
    }

    /** Options of this command besides the target ones. */
    protected Set<String> extraOptions() {
        return Set.of();
    }

    protected void readOptions(CliArguments args) throws UsageException {
    }

    static Duration grace(ComputeTarget target) {
        return Duration.ofSeconds(target.slurm().effectiveCancelGraceSeconds());
    }

    static ComputeTargets none() {
        return new ComputeTargets(List.of());
    }

    abstract int execute(Connection connection, ComputeTarget target, Path run, PrintStream out) throws IOException;
}
