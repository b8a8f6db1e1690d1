package org.reasonlab.core.cli;

/** The command line was wrong: the message says how, and the command's usage is shown with it. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
