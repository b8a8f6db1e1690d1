package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.io.FileErrors;

/**
 * {@code reasonlab} headless commands on dataset files. Runs on a plain class path (the core jar
 * and Gson), so it works on a server without Eclipse.
 */
public final class ReasonLabCli {
    private final Map<String, CliCommand> commands = new LinkedHashMap<>();

    public ReasonLabCli() {
        this(List.of());
    }

    /** The dataset commands and {@code more} (the compute target commands of {@code org.reasonlab.remote}). */
    public ReasonLabCli(List<CliCommand> more) {
        for (CliCommand command : List.of(new StatsCommand(), new ValidateCommand(), new ConvertCommand(),
                new MergeCommand(), new AgreementCommand(), new CompareCommand(),
                new ReviewResultsCommand(), new CounterfactualsCommand(), new SpuriousCommand(),
                new TracesCommand())) {
            commands.put(command.name(), command);
        }
        more.forEach(command -> commands.put(command.name(), command));
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new ReasonLabCli().run(Arrays.asList(args), out, err));
    }

    /** Runs a command line and returns the exit status (see {@link CliCommand}). */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            printHelp(args.isEmpty() ? err : out);
            return args.isEmpty() ? CliCommand.USAGE : CliCommand.OK;
        }
        CliCommand command = commands.get(args.get(0));
        if (command == null) {
            err.println("reasonlab: unknown command '" + args.get(0) + "'");
            printHelp(err);
            return CliCommand.USAGE;
        }
        List<String> commandArgs = args.subList(1, args.size());
        if (asksForHelp(commandArgs)) {
            out.println("usage: reasonlab " + command.name() + " " + command.usage());
            out.println(command.summary());
            return CliCommand.OK;
        }
        try {
            return command.run(commandArgs, out, err);
        } catch (UsageException e) {
            err.println("reasonlab " + command.name() + ": " + e.getMessage());
            err.println("usage: reasonlab " + command.name() + " " + command.usage());
            return CliCommand.USAGE;
        } catch (IOException e) {
            err.println("reasonlab " + command.name() + ": " + FileErrors.describe(e));
            return CliCommand.IO_ERROR;
        }
    }

    /** {@code --help} or {@code -h} anywhere before {@code --}, whatever else the command line says. */
    private static boolean asksForHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--" + CliArguments.HELP) || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private void printHelp(PrintStream stream) {
        stream.println("usage: reasonlab <command> [arguments]");
        stream.println();
        stream.println("Commands (headless):");
        for (CliCommand command : commands.values()) {
            stream.printf("  %-9s %s%n", command.name(), command.summary());
            stream.printf("  %-9s   reasonlab %s %s%n", "", command.name(), command.usage());
        }
        stream.println();
        stream.println("Exit status: 0 ok, 1 the data has errors, 2 wrong command line, 3 a file could not be read or written, or is not a dataset.");
    }
}
