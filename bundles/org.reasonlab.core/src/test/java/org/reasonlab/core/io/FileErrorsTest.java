package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class FileErrorsTest {
    @Test
    void theJdksExceptionsBecomeFileAndProblem() {
        assertEquals("secret.jsonl: permission denied", FileErrors.describe(new AccessDeniedException("secret.jsonl")));
        assertEquals("gone.jsonl: no such file", FileErrors.describe(new NoSuchFileException("gone.jsonl")));
        assertEquals("loop.jsonl: a symbolic link loop (too many levels of symbolic links)",
                FileErrors.describe(new FileSystemException("loop.jsonl", null,
                        "Too many levels of symbolic links or unable to access attributes of symbolic link")));
        assertEquals("out.jsonl: read-only file system",
                FileErrors.describe(new FileSystemException("out.jsonl", null, "Read-only file system")));
        assertEquals("No space left on device", FileErrors.describe(new IOException("No space left on device")));
    }

    @Test
    void aFailureIsToldAboutTheUsersFileKeepingItsKind() {
        IOException full = FileErrors.about(Path.of("out.jsonl"), new IOException("No space left on device"));
        assertEquals("out.jsonl: no space left on device", full.getMessage());
        assertEquals("out.jsonl: no space left on device", FileErrors.describe(full));
        IOException denied = FileErrors.about(Path.of("out.jsonl"), new AccessDeniedException(".out.jsonl123.tmp"));
        assertInstanceOf(AccessDeniedException.class, denied);
        assertEquals("out.jsonl: permission denied", denied.getMessage());
        assertEquals("x.csv: DFAR label 2 is unknown",
                FileErrors.about(Path.of("x.csv"), new IOException("DFAR label 2 is unknown")).getMessage());
    }
}
