package org.reasonlab.train.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.reasonlab.core.cli.CliArguments;
import org.reasonlab.core.cli.UsageException;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.train.DjlEnvironment;

/**
 * A trainer command ({@code train}, {@code eval}, {@code generate}): its command line is parsed with
 * {@link CliArguments} (only declared options; {@code --model}, {@code --device} and
 * {@code --precision} for every command, read into {@link ModelArguments}), {@code -h}/{@code --help}
 * prints the usage, and a bad command line prints {@code NAME: problem} and the usage and exits with
 * {@value #BAD_ARGUMENTS}. DJL is prepared ({@link DjlEnvironment#prepare()}) between parsing and
 * {@link #execute}; subclasses keep DJL types out of their own code so DJL classes load only after
 * that.
 *
 * @param <A> the command's parsed arguments
 */
public abstract class TrainerCommand<A> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;

    private final String name;
    private final String usage;
    private final String defaultModel;
    private final Set<String> flags;
    private final Set<String> options;

    /**
     * @param defaultModel the model when {@code --model} is absent; null makes it required
     * @param flags        the command's flags, besides help
     * @param options      the command's options, besides {@link ModelArguments#OPTIONS}
     */
    protected TrainerCommand(String name, String usage, String defaultModel, Set<String> flags, Set<String> options) {
        this.name = name;
        this.usage = usage;
        this.defaultModel = defaultModel;
        this.flags = new HashSet<>(flags);
        this.flags.add(CliArguments.HELP);
        this.options = new HashSet<>(options);
        this.options.addAll(ModelArguments.OPTIONS);
    }

    public final String name() {
        return name;
    }

    /** Every flag and option the command takes, without the leading {@code --}. */
    public final Set<String> optionNames() {
        Set<String> names = new HashSet<>(flags);
        names.addAll(options);
        return names;
    }

    /** The usage line, {@code usage: NAME ...}. */
    public final String usage() {
        return usage;
    }

    /** The command's arguments, or a usage error; an IllegalArgumentException counts as one too. */
    protected abstract A parse(CliArguments args, ModelArguments model) throws UsageException;

    /** Runs the command with its parsed arguments; returns the exit code. */
    protected abstract int execute(A args, PrintStream out, PrintStream err);

    /** Runs a command line; returns the exit code. */
    public final int call(String[] argv, PrintStream out, PrintStream err) {
        A args;
        try {
            CliArguments parsed = CliArguments.parse(Arrays.asList(argv), flags, options);
            if (parsed.flag(CliArguments.HELP)) {
                out.println(usage);
                return OK;
            }
            if (!parsed.positional().isEmpty()) {
                throw new UsageException("unknown argument '" + parsed.positional().get(0) + "'");
            }
            args = parse(parsed, ModelArguments.parse(parsed, defaultModel));
        } catch (UsageException | IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            err.println(usage);
            return BAD_ARGUMENTS;
        }
        DjlEnvironment.prepare(); // before any DJL class initialises
        return execute(args, out, err);
    }

    /** A command's {@code main}: prepares DJL first, runs with UTF-8 output and exits with the command's code. */
    protected static void exit(TrainerCommand<?> command, String[] args) {
        DjlEnvironment.prepare();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(command.call(args, out, err));
    }

    /** {@code NAME: message} for a failure (with {@code debug} also the stack trace); returns {@value #FAILED}. */
    protected final int failed(Throwable e, boolean debug, PrintStream err) {
        err.println(name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if (debug) {
            e.printStackTrace(err);
        }
        return FAILED;
    }

    /** {@code --mode l|l+r|r->l}. */
    protected static TrainingMode mode(CliArguments args, TrainingMode defaultMode) throws UsageException {
        return args.option("mode", defaultMode, TrainingMode::parse, "l, l+r or r->l");
    }

    /** A required option's value. */
    protected static String required(CliArguments args, String option) throws UsageException {
        Optional<String> value = args.option(option);
        if (value.isEmpty()) {
            throw new UsageException("--" + option + " is required");
        }
        return value.get();
    }
}
