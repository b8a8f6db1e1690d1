package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void failingWriterLeavesOriginalIntactAndNoTempFileAndNamesTheTarget() throws IOException {
        Path target = dir.resolve("data.jsonl");
        Files.writeString(target, "original\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device"); // what a full disk throws, naming no file
        }));
        assertEquals(target + ": no space left on device", e.getMessage());
        assertEquals("original\n", Files.readString(target));
        assertEquals(List.of(target), listDir());

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write('x');
            throw new IllegalStateException("bug");
        }));
        assertEquals("original\n", Files.readString(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void replacesContentAndKeepsPermissions() throws IOException {
        Path target = dir.resolve("data.csv");
        Files.writeString(target, "old");
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
        }
        AtomicFiles.write(target, out -> {
            out.write("new".getBytes());
            out.close(); // a writer closing the stream must not break the save
        });
        assertEquals("new", Files.readString(target));
        if (posix) {
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        }
        assertEquals(List.of(target), listDir());
    }

    @Test
    void newFileIsReadableByOthersLikeAnOrdinaryFile() throws IOException {
        Path target = dir.resolve("new.jsonl");
        AtomicFiles.write(target, out -> out.write('{'));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        }
    }

    @Test
    void theTemporaryFileNamesTheTargetAndTheSavingProcess() throws IOException {
        Path target = dir.resolve("data.jsonl");
        List<String> during = new ArrayList<>();
        AtomicFiles.write(target, out -> during.addAll(names()));
        assertEquals(1, during.size(), during.toString());
        assertTrue(during.get(0).matches("\\.data\\.jsonl\\.saving-" + ProcessHandle.current().pid() + "-[0-9a-z]+\\.tmp"),
                during.get(0));
        assertEquals(List.of("data.jsonl"), names());
    }

    @Test
    void theNextSaveRemovesTemporaryFilesOfDeadProcessesOnly() throws Exception {
        Process finished = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).start();
        finished.getInputStream().transferTo(OutputStream.nullOutputStream());
        finished.waitFor();
        long dead = finished.pid();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        long self = ProcessHandle.current().pid();
        Path target = dir.resolve("data.jsonl");
        List<String> abandoned = List.of(".data.jsonl.saving-" + dead + "-k3.tmp", ".data.jsonl.saving-" + self + "-x9.tmp");
        List<String> kept = List.of(".data.jsonl.saving-" + alive + "-a1.tmp", ".data.jsonl.backup.tmp",
                ".data.jsonl.saving-x-1.tmp", ".other.jsonl.saving-" + dead + "-k3.tmp", "data.jsonl.saving-" + dead + "-k3.tmp");
        for (String name : concat(abandoned, kept)) {
            Files.write(dir.resolve(name), new byte[1000]);
        }
        AtomicFiles.write(target, out -> out.write('x'));
        List<String> expected = new ArrayList<>(kept);
        expected.add("data.jsonl");
        assertEquals(expected.stream().sorted().toList(), names());
    }

    /**
     * A save in another container or on another host may carry a process number that is gone (or this process's own)
     * here; its lock on the temporary file keeps the cleanup away, and once its process is gone, so is the lock.
     */
    @Test
    void aLockedTemporaryFileOfAnUnknownProcessIsLeftAlone() throws Exception {
        Path target = dir.resolve("data.jsonl");
        Path temp = dir.resolve(".data.jsonl.saving-" + ProcessHandle.current().pid() + "-other.tmp");
        Files.write(temp, new byte[1000]);
        Path holder = Files.writeString(dir.resolve("Hold.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE); var l = c.lock()) {
                            System.out.println("locked");
                            System.in.read();
                        }
                    }
                }
                """);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                holder.toString(), temp.toString()).redirectErrorStream(true).start();
        try {
            assertEquals("locked", new String(other.getInputStream().readNBytes(6), StandardCharsets.US_ASCII));
            AtomicFiles.write(target, out -> out.write('x'));
            assertTrue(Files.exists(temp), "the save holding the lock is alive somewhere");
        } finally {
            other.destroyForcibly().waitFor();
        }
        AtomicFiles.write(target, out -> out.write('y'));
        assertFalse(Files.exists(temp), "the lock died with its process");
    }

    @Test
    void aFailureOfTheTemporaryFileIsToldAboutTheTarget() throws IOException {
        Path target = dir.resolve("data.jsonl");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new AccessDeniedException(dir.resolve(names().get(0)).toString());
        }));
        assertEquals(target + ": permission denied", e.getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    void aMissingOutputFolderIsNamedAsSuch() {
        Path target = dir.resolve("missing").resolve("out.jsonl");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(target, out -> out.write('x')));
        assertEquals(target + ": the folder " + dir.resolve("missing") + " does not exist", e.getMessage());
    }

    @Test
    void aReadOnlyOutputFolderIsNamedAsSuch() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path target = readOnly.resolve("out.jsonl");
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write('x')));
            assertEquals(target + ": permission denied to create files in " + readOnly, e.getMessage());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsFileIsReplaced() throws IOException {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("data.jsonl"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), Path.of("real", "data.jsonl"));
        AtomicFiles.write(link, out -> out.write("new\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
        try (var inFolder = Files.list(real.getParent())) {
            assertEquals(List.of("data.jsonl"), inFolder.map(p -> p.getFileName().toString()).toList());
        }

        Path loop = Files.createSymbolicLink(dir.resolve("loop.jsonl"), Path.of("loop.jsonl"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(loop, out -> out.write('x')));
        assertEquals(loop + ": a symbolic link loop (too many levels of symbolic links)", e.getMessage());
        assertTrue(Files.isSymbolicLink(loop));
    }

    @Test
    void loaderReportsMissingFilesAndFolders() throws IOException {
        Path missing = dir.resolve("missing.jsonl");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> DatasetLoader.load(missing));
        assertEquals(missing.toString(), e.getFile());
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        IOException f = assertThrows(IOException.class, () -> DatasetLoader.load(folder));
        assertTrue(f.getMessage().contains(folder.toString()) && f.getMessage().contains("folder"), f.getMessage());
    }

    private List<String> names() throws IOException {
        return listDir().stream().map(p -> p.getFileName().toString()).sorted().toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private List<Path> listDir() throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
