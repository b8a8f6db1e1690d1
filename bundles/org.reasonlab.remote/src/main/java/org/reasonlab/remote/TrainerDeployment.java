package org.reasonlab.remote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.reasonlab.core.target.RemotePaths;
import org.reasonlab.core.target.ShellQuote;

/**
 * Puts the trainer's jars (the class path a local run uses) on a target, once per version: into
 * {@code workDir/trainer/<hash>/}, where the hash covers every jar's name and bytes, so the next run with the same
 * trainer reuses the folder. The folder is filled under a temporary name and renamed when complete, so a broken
 * upload is never taken for a finished one. A GPU target gets no CPU libtorch ({@code pytorch-native-cpu}). A class
 * path entry that is a folder (the workbench run from its sources) is packed into a jar with fixed timestamps, so its
 * hash is stable.
 */
public final class TrainerDeployment {
    static final String COMPLETE_MARKER = ".complete";
    private static final String CPU_LIBTORCH = "pytorch-native-cpu";

    private TrainerDeployment() {
    }

    /** The deployed trainer: its folder on the target and the jar names in class path order. */
    public record Deployed(String folder, List<String> jars, boolean uploaded) {
    }

    /** One class path entry as it goes up: its name on the target and its bytes (a file or a packed folder). */
    record Entry(String name, Path file, byte[] packed) {
        InputStream open() throws IOException {
            return packed != null ? new ByteArrayInputStream(packed) : Files.newInputStream(file);
        }
    }

    public static Deployed deploy(RemoteFiles files, List<Path> classPath, boolean gpuTarget) throws IOException {
        List<Entry> entries = entries(classPath, gpuTarget);
        String hash = hash(entries);
        String folder = RemotePaths.under(files.workDir(), RemotePaths.TRAINER, hash);
        List<String> names = entries.stream().map(Entry::name).toList();
        if (files.exists(RemotePaths.under(folder, COMPLETE_MARKER))) {
            return new Deployed(folder, names, false);
        }
        String partial = folder + ".partial-" + Long.toHexString(System.nanoTime());
        try {
            files.mkdirs(partial);
            for (Entry e : entries) {
                try (InputStream in = e.open()) {
                    files.write(RemotePaths.under(partial, e.name()), in);
                }
            }
            files.write(RemotePaths.under(partial, COMPLETE_MARKER), String.join("\n", names) + "\n");
            // another upload of the same version may have finished first: then keep that one
            files.connection().run("mv -T -- " + ShellQuote.quote(partial) + " "
                    + ShellQuote.quote(folder) + " 2>/dev/null || test -f "
                    + ShellQuote.quote(RemotePaths.under(folder, COMPLETE_MARKER)))
                    .orThrow();
        } catch (IOException | RuntimeException e) {
            try {
                files.removeTree(partial);
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new Deployed(folder, names, true);
    }

    static List<Entry> entries(List<Path> classPath, boolean gpuTarget) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (Path p : classPath) {
            String name = p.getFileName().toString();
            if (gpuTarget && name.contains(CPU_LIBTORCH)) {
                continue;
            }
            String prefix = String.format("%02d-", index++);
            if (Files.isDirectory(p)) {
                String base = p.getFileName().toString().equals("classes") && p.getParent() != null
                        && p.getParent().getParent() != null ? p.getParent().getParent().getFileName().toString()
                        : name;
                entries.add(new Entry(prefix + base + ".jar", null, pack(p)));
            } else if (Files.isRegularFile(p)) {
                entries.add(new Entry(prefix + name, p, null));
            } else {
                throw new IOException("trainer class path entry not found: " + p);
            }
        }
        return entries;
    }

    /** A folder of classes as a jar with sorted entries and fixed times: the same bytes for the same classes. */
    static byte[] pack(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                JarEntry entry = new JarEntry(folder.relativize(p).toString().replace('\\', '/'));
                entry.setTime(0);
                jar.putNextEntry(entry);
                Files.copy(p, jar);
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String hash(List<Entry> entries) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (Entry e : entries) {
            digest.update(e.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = e.open()) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
