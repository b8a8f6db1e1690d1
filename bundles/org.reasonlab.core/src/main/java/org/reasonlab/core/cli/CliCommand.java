package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code reasonlab}. */
public interface CliCommand {

    /** Exit status: all well. */
    int OK = 0;
    /** Exit status: the data has errors (parse errors, validation errors). */
    int DATA_ERRORS = 1;
    /** Exit status: the command line was wrong. */
    int USAGE = 2;
    /** Exit status: a file could not be read or written, or is not a dataset (e.g. a line too long to be a record). */
    int IO_ERROR = 3;

    String name();

    /** One line: the arguments this command takes. */
    String usage();

    /** One line: what the command does. */
    String summary();

    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException;
}
