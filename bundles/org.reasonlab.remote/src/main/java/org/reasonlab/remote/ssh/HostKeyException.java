package org.reasonlab.remote.ssh;

import java.io.IOException;

/**
 * The host's key is not known (and was not approved) or differs from known_hosts: no connection is made.
 * {@link #fingerprint()} is the presented key's, for the user to check and approve.
 */
public class HostKeyException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String address;
    private final String keyType;
    private final String fingerprint;
    private final boolean changed;

    HostKeyException(String message, String address, String keyType, String fingerprint, boolean changed) {
        super(message);
        this.address = address;
        this.keyType = keyType;
        this.fingerprint = fingerprint;
        this.changed = changed;
    }

    public String address() {
        return address;
    }

    public String keyType() {
        return keyType;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The key differs from the one known_hosts holds (not merely unknown). */
    public boolean changed() {
        return changed;
    }
}
