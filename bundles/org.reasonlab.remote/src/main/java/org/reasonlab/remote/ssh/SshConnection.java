package org.reasonlab.remote.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.ShellQuote;
import org.reasonlab.remote.CommandResult;
import org.reasonlab.remote.Connection;

/**
 * A connection to a target over SSH with Apache MINA SSHD (as EGit uses): {@code ~/.ssh/config} is honoured (host
 * aliases, User, Port, IdentityFile, ProxyJump), the target's {@code identityFile} is used when set, otherwise
 * the default keys in {@code ~/.ssh}; the host key is checked against known_hosts (the target's, else
 * {@code ~/.ssh/known_hosts}), an unknown key goes to the {@link HostKeyApproval}, a changed one is refused.
 */
public final class SshConnection implements Connection {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** Long enough for a person to compare a host key's fingerprint or type a passphrase. */
    static final Duration AUTH_TIMEOUT = Duration.ofMinutes(5);

    private final SshClient client;
    private final ClientSession session;
    private final String where;

    private SshConnection(SshClient client, ClientSession session, String where) {
        this.client = client;
        this.session = session;
        this.where = where;
    }

    /**
     * Connects and authenticates.
     *
     * @throws HostKeyException when the host key is unknown and not approved, or differs from known_hosts
     * @throws IOException      naming the address when the host cannot be reached or refuses the keys
     */
    public static SshConnection open(ComputeTarget target, HostKeyApproval approval, PassphraseSource passphrases)
            throws IOException {
        String address = target.host() + ":" + (target.port() == null ? "22" : target.port());
        Path knownHosts = target.localKnownHosts() != null ? target.localKnownHosts()
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        HostKeyCheck check = new HostKeyCheck(approval, address, knownHosts);
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(check.verifier());
        client.setFilePasswordProvider(passwordProvider(passphrases));
        client.start();
        String where = (target.user() == null ? "" : target.user() + "@") + address;
        try {
            int port = target.port() == null ? 0 : target.port(); // 0: ~/.ssh/config's Port, else 22
            String user = target.user();
            if (user == null) {
                HostConfigEntry entry = client.getHostConfigEntryResolver().resolveEffectiveHost(target.host(), port,
                        null, null, null, null);
                user = entry != null && entry.getUsername() != null ? entry.getUsername()
                        : System.getProperty("user.name");
                where = user + "@" + address;
            }
            ClientSession session;
            try {
                session = client.connect(user, target.host(), port).verify(CONNECT_TIMEOUT).getSession();
            } catch (IOException e) {
                throw new IOException(where + ": cannot connect: " + rootMessage(e), e);
            }
            try {
                Path identity = target.localIdentityFile();
                if (identity != null) {
                    if (!Files.isReadable(identity)) {
                        throw new IOException(where + ": identity file " + identity + " cannot be read");
                    }
                    FileKeyPairProvider keys = new FileKeyPairProvider(identity);
                    keys.setPasswordFinder(passwordProvider(passphrases));
                    session.setKeyIdentityProvider(keys);
                }
                session.auth().verify(AUTH_TIMEOUT);
            } catch (IOException | RuntimeException e) {
                session.close(true);
                check.throwIfRefused();
                throw e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith(where) ? io
                        : new IOException(where + ": authentication failed: " + rootMessage(e), e);
            }
            return new SshConnection(client, session, where);
        } catch (IOException | RuntimeException e) {
            client.stop();
            check.throwIfRefused();
            throw e;
        }
    }

    @Override
    public CommandResult run(String commandLine, InputStream stdin, Duration timeout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // sh, whatever the account's login shell (tcsh, fish) would make of the POSIX syntax
        try (ChannelExec channel = session.createExecChannel("/bin/sh -c " + ShellQuote.quote(commandLine))) {
            channel.setOut(out);
            channel.setErr(err);
            if (stdin != null) {
                channel.setIn(stdin);
            } else {
                channel.setIn(InputStream.nullInputStream());
            }
            channel.open().verify(CONNECT_TIMEOUT);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                    timeout.toMillis());
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                throw new IOException(where + ": `" + commandLine + "` did not end within " + timeout.toSeconds()
                        + " s");
            }
            Integer status = channel.getExitStatus();
            String signal = channel.getExitSignal();
            int code = status != null ? status : signal != null ? 128 + 15 : -1;
            if (status == null && signal == null && !session.isOpen()) {
                throw new IOException(where + ": the connection closed while running `" + commandLine + "`");
            }
            return new CommandResult(where, commandLine, code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IllegalStateException e) { // MINA: the session is closing or closed
            throw new IOException(where + ": the connection is closed (" + rootMessage(e) + ")", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IOException(where + ": `" + commandLine + "`: " + rootMessage(e), e);
        }
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public void close() {
        try {
            session.close(false).await(Duration.ofSeconds(5));
        } catch (IOException e) {
            // closing anyway
        } finally {
            client.stop();
        }
    }

    private static FilePasswordProvider passwordProvider(PassphraseSource passphrases) {
        return (session, resource, retryIndex) -> passphrases.passphrase(resource.getName(), retryIndex);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** known_hosts plus the approval for unknown keys; remembers why a key was refused, for the error. */
    private static final class HostKeyCheck {
        private final HostKeyApproval approval;
        private final String address;
        private final Path knownHosts;
        private volatile HostKeyException refused;

        HostKeyCheck(HostKeyApproval approval, String address, Path knownHosts) {
            this.approval = approval;
            this.address = address;
            this.knownHosts = knownHosts;
        }

        ServerKeyVerifier verifier() {
            ServerKeyVerifier unknown = (session, remote, key) -> {
                String type = KeyUtils.getKeyType(key);
                String fingerprint = KeyUtils.getFingerPrint(key);
                if (approval.approve(address, type, fingerprint)) {
                    return true;
                }
                refused = new HostKeyException("The host key of " + address + " is not in " + knownHosts + ": " + type
                        + " " + fingerprint + ". Compare it with the fingerprint the host's administrator gives"
                        + " (ssh-keygen -lf on the host key), then accept it: the workbench asks, the command line takes"
                        + " --accept-host-key " + fingerprint + ".", address, type, fingerprint, false);
                return false;
            };
            KnownHostsServerKeyVerifier verifier = new KnownHostsServerKeyVerifier(unknown, knownHosts);
            verifier.setModifiedServerKeyAcceptor((ClientSession session, SocketAddress remote,
                    org.apache.sshd.client.config.hosts.KnownHostEntry entry, PublicKey expected, PublicKey actual) -> {
                refused = new HostKeyException("The host key of " + address + " differs from the one in " + knownHosts
                        + " (" + KeyUtils.getKeyType(expected) + " " + KeyUtils.getFingerPrint(expected) + "; the host"
                        + " presented " + KeyUtils.getKeyType(actual) + " " + KeyUtils.getFingerPrint(actual)
                        + "). Someone may be intercepting the connection, or the host was reinstalled: ReasonLab does"
                        + " not connect. Remove the old entry (ssh-keygen -R) only when the host's administrator"
                        + " confirms the new key.", address, KeyUtils.getKeyType(actual),
                        KeyUtils.getFingerPrint(actual), true);
                return false;
            });
            return verifier;
        }

        void throwIfRefused() throws HostKeyException {
            if (refused != null) {
                throw refused;
            }
        }
    }
}
