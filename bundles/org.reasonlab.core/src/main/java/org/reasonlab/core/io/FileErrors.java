package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;

/**
 * I/O failures for people: the file and the problem in words. The JDK's exceptions often say only one of them: the
 * message of an {@link AccessDeniedException} or a {@link NoSuchFileException} is the bare path, and a write that
 * runs out of space names no file at all.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** Any failure as one line: an I/O one as {@link #describe(IOException)}, else its message (or its kind). */
    public static String describe(Throwable e) {
        if (e instanceof IOException io) {
            return describe(io);
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The failure as one line, e.g. {@code "data.jsonl: permission denied"}. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + problem(f);
        }
        if (e instanceof CharacterCodingException) {
            return "text that is not valid UTF-8";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * The same failure told about {@code file}, e.g. a write that failed for want of space, or a failure of a
     * temporary file that stands for it; its message is {@code "file: problem"}.
     */
    public static IOException about(Path file, IOException e) {
        String problem = e instanceof FileSystemException f ? problem(f) : words(e.getMessage());
        IOException told;
        if (e instanceof NoSuchFileException) {
            told = new NoSuchFileException(file.toString(), null, problem);
        } else if (e instanceof AccessDeniedException) {
            told = new AccessDeniedException(file.toString(), null, problem);
        } else {
            told = new FileSystemException(file.toString(), null, problem);
        }
        told.initCause(e);
        return told;
    }

    private static String problem(FileSystemException f) {
        if (f.getReason() != null) {
            return words(f.getReason());
        }
        return switch (f) {
            case NoSuchFileException x -> "no such file";
            case AccessDeniedException x -> "permission denied";
            case FileAlreadyExistsException x -> "already exists";
            case NotDirectoryException x -> "not a folder";
            case DirectoryNotEmptyException x -> "the folder is not empty";
            case FileSystemLoopException x -> "a symbolic link loop";
            case NotLinkException x -> "not a symbolic link";
            default -> "cannot be read or written";
        };
    }

    /** The system's wording ("Permission denied") in the case of a message's second half. */
    private static String words(String reason) {
        if (reason == null || reason.isEmpty()) {
            return "cannot be read or written";
        }
        if (reason.startsWith("Too many levels of symbolic links")) {
            return "a symbolic link loop (too many levels of symbolic links)";
        }
        boolean capitalisedWord = reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
                && Character.isLowerCase(reason.charAt(1));
        return capitalisedWord ? Character.toLowerCase(reason.charAt(0)) + reason.substring(1) : reason;
    }
}
