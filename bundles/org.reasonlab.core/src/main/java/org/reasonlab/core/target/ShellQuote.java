package org.reasonlab.core.target;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting: every remote command ReasonLab runs is built from quoted arguments, so a run name or path
 * with spaces, quotes, {@code $(...)} or {@code ;} stays one argument and is never executed.
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** {@code it's} → {@code 'it'\''s'}: single quotes, each single quote closed, escaped and reopened. */
    public static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot hold a NUL character");
        }
        if (!argument.isEmpty() && argument.chars().allMatch(ShellQuote::plain)) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /** The arguments quoted and joined by spaces: one command for {@code sh -c}. */
    public static String command(List<String> arguments) {
        return arguments.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    public static String command(String... arguments) {
        return command(List.of(arguments));
    }

    private static boolean plain(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_./=:,+@%".indexOf(c) >= 0;
    }
}
