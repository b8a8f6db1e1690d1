package org.reasonlab.remote;

/**
 * What a command on a target printed and how it ended.
 *
 * @param where    the target's address, for messages ({@code alice@login.example.edu}, "this machine")
 * @param command  the command line as run by {@code sh -c}
 * @param output   its stdout, as bytes (a file's content is not re-encoded)
 */
public record CommandResult(String where, String command, int exitCode, byte[] output, String stderr) {

    /** What the command printed on stdout, as UTF-8 text. */
    public String stdout() {
        return new String(output, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return exitCode == 0;
    }

    /** This result when the command succeeded; otherwise a {@link RemoteCommandException} naming host, command, stderr. */
    public CommandResult orThrow() throws RemoteCommandException {
        if (!ok()) {
            throw new RemoteCommandException(this);
        }
        return this;
    }

    /** The first non-empty line of stderr, else of stdout: what a message quotes. */
    public String firstErrorLine() {
        for (String text : new String[] { stderr, stdout() }) {
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
        }
        return "";
    }
}
