package org.reasonlab.remote;

import java.io.IOException;

/** A command on a target failed: the message names the host, the command and what it printed on stderr. */
public class RemoteCommandException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient CommandResult result;

    public RemoteCommandException(CommandResult result) {
        super(result.where() + ": `" + abbreviate(result.command()) + "` failed (exit " + result.exitCode() + ")"
                + (result.firstErrorLine().isEmpty() ? "" : ": " + result.stderr().strip()));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }

    private static String abbreviate(String command) {
        return command.length() <= 300 ? command : command.substring(0, 300) + "...";
    }
}
