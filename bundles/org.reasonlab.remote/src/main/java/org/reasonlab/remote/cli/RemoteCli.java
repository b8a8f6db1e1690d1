package org.reasonlab.remote.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.reasonlab.core.cli.CliCommand;
import org.reasonlab.core.cli.ReasonLabCli;

/**
 * The {@code reasonlab} command line with the compute target commands ({@code submit}, {@code runs}, {@code sync},
 * {@code cancel}, {@code resume}) beside the dataset commands.
 */
public final class RemoteCli {
    private RemoteCli() {
    }

    public static List<CliCommand> commands() {
        return List.of(new SubmitCommand(), new RunsCommand(), new SyncCommand(), new CancelCommand(),
                new ResumeCommand());
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new ReasonLabCli(commands()).run(Arrays.asList(args), out, err));
    }
}
