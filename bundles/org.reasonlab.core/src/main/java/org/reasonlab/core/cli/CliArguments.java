package org.reasonlab.core.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments: positional words, {@code --flag}s and {@code --option value}s (or
 * {@code --option=value}). Only options the command declares are accepted, so a typo is an error
 * rather than silently ignored.
 */
public final class CliArguments {
    private final List<String> positional = new ArrayList<>();
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> options = new HashMap<>();

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
                parsed.options.put(name, value);
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

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public int intOption(String name, int defaultValue) throws UsageException {
        Optional<String> value = option(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, not '" + value.get() + "'");
        }
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
