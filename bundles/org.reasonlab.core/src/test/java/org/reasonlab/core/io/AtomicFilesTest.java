package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void failingWriterLeavesOriginalIntactAndNoTempFile() throws IOException {
        Path target = dir.resolve("data.jsonl");
        Files.writeString(target, "original\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
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
    void loaderReportsMissingFilesAndFolders() throws IOException {
        Path missing = dir.resolve("missing.jsonl");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> DatasetLoader.load(missing));
        assertEquals(missing.toString(), e.getFile());
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        IOException f = assertThrows(IOException.class, () -> DatasetLoader.load(folder));
        assertTrue(f.getMessage().contains(folder.toString()) && f.getMessage().contains("folder"), f.getMessage());
    }

    private List<Path> listDir() throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
