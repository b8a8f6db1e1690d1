package org.reasonlab.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The exact bytes of a line (or a multi-line CSV row) that could not be parsed. Bytes, not text,
 * because the line may not even be valid UTF-8; it is written back unchanged on save.
 * The bytes exclude the final line terminator.
 */
public final class RawLine implements DatasetEntry {
    private final byte[] bytes;
    private final int sourceLine;
    private final String problem;
    private final String lineEnd;

    public RawLine(byte[] bytes, int sourceLine, String problem) {
        this(bytes, sourceLine, problem, null);
    }

    /** @param lineEnd the line break after the line in its file, see {@link #lineEnd()} */
    public RawLine(byte[] bytes, int sourceLine, String problem, String lineEnd) {
        this.bytes = bytes.clone();
        this.sourceLine = sourceLine;
        this.problem = problem;
        this.lineEnd = lineEnd;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Why the line could not be read, as reported when it was loaded. */
    public String problem() {
        return problem;
    }

    /** The line as text for display; invalid UTF-8 shows as replacement characters. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int sourceLine() {
        return sourceLine;
    }

    @Override
    public String lineEnd() {
        return lineEnd;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawLine other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawLine[line " + sourceLine + ": " + problem + "]";
    }
}
