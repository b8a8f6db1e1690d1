package org.reasonlab.remote.ssh;

/**
 * Decides about a host key that is not in known_hosts. Never approves blindly: the workbench shows the fingerprint
 * and asks; the command line approves only the fingerprint the user passed ({@code --accept-host-key SHA256:...}).
 * An approved key is added to known_hosts.
 */
@FunctionalInterface
public interface HostKeyApproval {
    /** Approves nothing: an unknown host key is an error that shows the fingerprint. */
    HostKeyApproval REJECT = (address, keyType, fingerprint) -> false;

    /**
     * @param address     {@code host:port} as dialled
     * @param keyType     {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, ...
     * @param fingerprint {@code SHA256:...}, as {@code ssh-keygen -lf} prints it
     */
    boolean approve(String address, String keyType, String fingerprint);

    /** Approves exactly the key with this fingerprint (the user read it elsewhere and passed it on). */
    static HostKeyApproval fingerprint(String expected) {
        return (address, keyType, fingerprint) -> expected != null && expected.strip().equals(fingerprint);
    }
}
