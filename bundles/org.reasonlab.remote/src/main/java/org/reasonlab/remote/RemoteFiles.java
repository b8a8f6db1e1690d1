package org.reasonlab.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.target.RemotePaths;
import org.reasonlab.core.target.ShellQuote;

/**
 * Files on a target through plain POSIX commands ({@code mkdir}, {@code cat}, {@code mv}, {@code tail}), quoted
 * argument by argument. Writes go to a temporary name and are renamed, so a reader (or a dropped connection) never
 * leaves half a file under the real name; removals only ever happen inside the target's {@code workDir}.
 */
public final class RemoteFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private final Connection connection;
    private final String workDir;

    public RemoteFiles(Connection connection, String workDir) {
        this.connection = connection;
        this.workDir = RemotePaths.normalize(workDir);
    }

    public Connection connection() {
        return connection;
    }

    public void mkdirs(String folder) throws IOException {
        checkInside(folder);
        connection.run(ShellQuote.command("mkdir", "-p", "--", folder)).orThrow();
    }

    /** Creates {@code folder}; fails when it exists already (a run folder holds one run). */
    public void mkdirNew(String folder) throws IOException {
        checkInside(folder);
        String parent = folder.substring(0, folder.lastIndexOf('/'));
        connection.run(ShellQuote.command("mkdir", "-p", "--", parent) + " && "
                + ShellQuote.command("mkdir", "--", folder)).orThrow();
    }

    public boolean exists(String path) throws IOException {
        return connection.run(ShellQuote.command("test", "-e", path)).ok();
    }

    public void write(String path, String text) throws IOException {
        write(path, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    public void upload(Path local, String path) throws IOException {
        try (InputStream in = Files.newInputStream(local)) {
            write(path, in);
        }
    }

    /** Writes the stream to {@code path} under a temporary name, then renames it. */
    public void write(String path, InputStream content) throws IOException {
        checkInside(path);
        String temporary = path + ".part-" + HexFormat.of().formatHex(randomBytes());
        String command = "cat > " + ShellQuote.quote(temporary) + " && " + ShellQuote.command("mv", "-f", "--",
                temporary, path) + " || { " + ShellQuote.command("rm", "-f", "--", temporary) + "; exit 1; }";
        connection.run(command, content, UPLOAD_TIMEOUT).orThrow();
    }

    /** The file's bytes from {@code offset} on; empty when the file does not exist (yet). */
    public byte[] readFrom(String path, long offset) throws IOException {
        String command = "if [ -f " + ShellQuote.quote(path) + " ]; then " + ShellQuote.command("tail", "-c",
                "+" + (offset + 1), "--", path) + "; fi";
        return connection.run(command, null, UPLOAD_TIMEOUT).orThrow().output();
    }

    /** The whole file as text, or null when it does not exist. */
    public String readText(String path) throws IOException {
        byte[] bytes = read(path);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Copies a remote file to a local one atomically; false when the remote file does not exist. */
    public boolean download(String path, Path local) throws IOException {
        byte[] bytes = read(path);
        if (bytes == null) {
            return false;
        }
        AtomicFiles.write(local, out -> out.write(bytes));
        return true;
    }

    private byte[] read(String path) throws IOException {
        CommandResult r = connection.run("if [ -f " + ShellQuote.quote(path) + " ]; then cat -- "
                + ShellQuote.quote(path) + "; else exit 3; fi", null, UPLOAD_TIMEOUT);
        return r.exitCode() == 3 ? null : r.orThrow().output();
    }

    /** Removes a file or folder tree inside {@code workDir} (never {@code workDir} itself). */
    public void removeTree(String path) throws IOException {
        checkInside(path);
        if (RemotePaths.normalize(path).equals(workDir)) {
            throw new IllegalArgumentException("refusing to remove the target's workDir " + workDir);
        }
        connection.run(ShellQuote.command("rm", "-rf", "--", path)).orThrow();
    }

    public String workDir() {
        return workDir;
    }

    /** Every path ReasonLab writes on a target lies inside its {@code workDir}. */
    public void checkInside(String path) {
        if (!path.startsWith("/") || !RemotePaths.isInside(path, workDir)) {
            throw new IllegalArgumentException(path + " is not inside the target's workDir " + workDir);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
