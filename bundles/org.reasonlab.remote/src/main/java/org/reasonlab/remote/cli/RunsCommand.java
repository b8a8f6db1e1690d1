package org.reasonlab.remote.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.CliCommand;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.folder.RunFolders;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.ComputeTargets;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.Connections;
import org.reasonlab.remote.RunMirror;

/**
 * {@code reasonlab runs DIR}: the run folders in DIR with their status; a run on a compute target is synced first,
 * so its status is the scheduler's now (one connection per target).
 */
public final class RunsCommand implements CliCommand {

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String usage() {
        return "DIR [--local] " + TargetArguments.USAGE;
    }

    @Override
    public String summary() {
        return "list the runs in a folder with status, target and job (remote runs queried live unless --local)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments args = CliArguments.parse(arguments, Set.of(CliArguments.HELP, "local"), TargetArguments.OPTIONS);
        Path dir = Path.of(args.requirePositional(1, "DIR").get(0)).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such folder");
        }
        List<Path> runs = new ArrayList<>();
        if (RunFolders.isRunFolder(dir)) {
            runs.add(dir);
        }
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).filter(RunFolders::isRunFolder).sorted().forEach(runs::add);
        }
        ComputeTargets targets = args.flag("local") ? new ComputeTargets(List.of()) : TargetArguments.targets(args);
        Map<String, Connection> connections = new LinkedHashMap<>();
        int status = OK;
        try {
            out.printf("%-36s %-28s %-28s %9s %11s%n", "RUN", "TARGET", "STATUS", "ACCURACY", "LEAKAGE-FREE");
            for (Path run : runs) {
                String syncProblem = null;
                if (!args.flag("local")) {
                    try {
                        syncProblem = sync(run, targets, args, connections);
                    } catch (IOException e) {
                        syncProblem = FileErrors.describe(e);
                        status = IO_ERROR;
                    }
                }
                RunInfo info = RunReader.readOnce(run).info();
                out.printf("%-36s %-28s %-28s %9s %11s%n", info.name(), info.targetText(), info.statusText(),
                        info.accuracyText(), info.cleanAccuracyText());
                if (syncProblem != null) {
                    out.println("    not synced: " + syncProblem);
                }
            }
        } finally {
            connections.values().forEach(Connection::close);
        }
        return status;
    }

    private static String sync(Path run, ComputeTargets targets, CliArguments args, Map<String, Connection> open)
            throws IOException, UsageException {
        RunTarget record = RunTarget.read(run).orElse(null);
        if (record == null) {
            return null;
        }
        ComputeTarget target = Connections.targetOf(record, targets);
        Connection connection = open.get(target.name());
        if (connection == null) {
            connection = Connections.open(target, TargetArguments.approval(args), TargetArguments.passphrases());
            open.put(target.name(), connection);
        }
        new RunMirror(connection, RemoteRunCommand.grace(target)).sync(run);
        return null;
    }
}
