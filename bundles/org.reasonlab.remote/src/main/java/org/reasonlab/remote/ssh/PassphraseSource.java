package org.reasonlab.remote.ssh;

/**
 * Passphrases of encrypted private keys. The workbench's comes from Eclipse secure storage (asking once and storing
 * there); the command line's from the terminal. Never from a plain file.
 */
@FunctionalInterface
public interface PassphraseSource {
    PassphraseSource NONE = (keyFile, attempt) -> null;

    /**
     * @param keyFile the private key's file
     * @param attempt 0 for the first try, more after a wrong passphrase
     * @return the passphrase, or null to give up
     */
    String passphrase(String keyFile, int attempt);
}
