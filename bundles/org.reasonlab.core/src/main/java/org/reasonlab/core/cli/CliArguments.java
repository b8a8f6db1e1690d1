package org.reasonlab.core.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A command's arguments: positional words, {@code --flag}s and {@code --option value}s (or
 * {@code --option=value}). Only options the command declares are accepted, so a typo is an error
 * rather than silently ignored. A command that declares the {@value #HELP} flag also takes
 * {@code -h} for it. An option given more than once keeps all its values ({@link #options}); the
 * single-value getters read the last.
 */
public final class CliArguments {
    /** The help flag, {@code --help} or {@code -h}. */
    public static final String HELP = "help";

    private final List<String> positional = new ArrayList<>();
    private final Set<String> flags = new HashSet<>();
    private final Map<String, List<String>> options = new HashMap<>();

    private CliArguments() {
    }

    public static CliArguments parse(List<String> args, Set<String> knownFlags, Set<String> knownOptions)
            throws UsageException {
        CliArguments parsed = new CliArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                parsed.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.equals("-h") && knownFlags.contains(HELP)) {
                parsed.flags.add(HELP);
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (knownFlags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                parsed.flags.add(name);
            } else if (knownOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                parsed.options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return parsed;
    }

    public List<String> positional() {
        return positional;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The option's value (the last one when it was given more than once). */
    public Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** Every value of a repeatable option, in command-line order; empty when it was not given. */
    public List<String> options(String name) {
        return List.copyOf(options.getOrDefault(name, List.of()));
    }

    /**
     * The option's value converted by {@code parse}, or {@code defaultValue} when the option is
     * absent. A value {@code parse} has no result for is a usage error
     * {@code --NAME must be EXPECTED, was 'VALUE'}.
     */
    public <T> T option(String name, T defaultValue, Function<String, Optional<T>> parse, String expected)
            throws UsageException {
        Optional<String> value = option(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Optional<T> parsed = parse.apply(value.get());
        if (parsed.isEmpty()) {
            throw new UsageException("--" + name + " must be " + expected + ", was '" + value.get() + "'");
        }
        return parsed.get();
    }

    public int intOption(String name, int defaultValue) throws UsageException {
        return option(name, defaultValue, number(Integer::valueOf), "a whole number");
    }

    public long longOption(String name, long defaultValue) throws UsageException {
        return option(name, defaultValue, number(Long::valueOf), "a whole number");
    }

    public double doubleOption(String name, double defaultValue) throws UsageException {
        return option(name, defaultValue, number(Double::valueOf), "a number");
    }

    /** A whole number above zero when given; {@code defaultValue} (not checked) when absent. */
    public int positiveIntOption(String name, int defaultValue) throws UsageException {
        int value = intOption(name, defaultValue);
        if (option(name).isPresent() && value <= 0) {
            throw new UsageException("--" + name + " must be positive, was " + value);
        }
        return value;
    }

    /** The option's value in lower case, which must be one of {@code choices}; the first choice when absent. */
    public String choiceOption(String name, List<String> choices) throws UsageException {
        String expected = choices.size() == 1 ? choices.get(0)
                : String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
        return option(name, choices.get(0),
                v -> Optional.of(v.toLowerCase(Locale.ROOT)).filter(choices::contains), expected);
    }

    private static <T> Function<String, Optional<T>> number(Function<String, T> parse) {
        return value -> {
            try {
                return Optional.of(parse.apply(value));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        };
    }

    /** Exactly {@code count} positional arguments, or a usage error naming what is missing. */
    public List<String> requirePositional(int count, String what) throws UsageException {
        if (positional.size() < count) {
            throw new UsageException("missing " + what);
        }
        if (positional.size() > count) {
            throw new UsageException("unexpected argument '" + positional.get(count) + "'");
        }
        return positional;
    }
}
