package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a small UTF-8 file that is read whole (the JSON Lines files of a run folder), split on
 * {@code '\n'}. Each line keeps its exact bytes, so that a line that cannot be read is written back unchanged; its
 * text is decoded strictly, and a line that is not valid UTF-8 says where it breaks instead.
 */
public final class Utf8Lines {
    private Utf8Lines() {
    }

    /**
     * One line.
     *
     * @param number 1-based
     * @param bytes the line without its {@code '\n'}; a {@code '\r'} before it is included, so that writing the
     *        bytes and {@code '\n'} gives back the line exactly
     * @param text the line without {@code "\n"} or {@code "\r\n"}; null when it is not valid UTF-8
     * @param problem why {@code text} is null, e.g. {@code "invalid UTF-8 at byte 18"}; null when it is not
     * @param terminated false only for a last line without {@code '\n'} (a cut-off write)
     */
    public record Line(int number, byte[] bytes, String text, String problem, boolean terminated) {
        /** @throws IllegalArgumentException saying where the line is not valid UTF-8 */
        public String validText() {
            if (text == null) {
                throw new IllegalArgumentException(problem);
            }
            return text;
        }

        /** Empty or only spaces and tabs: skipped, like the blank lines of a dataset. */
        public boolean blank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    /** @throws java.nio.file.NoSuchFileException when there is no such file */
    public static List<Line> read(Path file) throws IOException {
        return split(Files.readAllBytes(file));
    }

    public static List<Line> split(byte[] bytes) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int newline = start;
            while (newline < bytes.length && bytes[newline] != '\n') {
                newline++;
            }
            lines.add(line(lines.size() + 1, bytes, start, newline, newline < bytes.length));
            start = newline + 1;
        }
        return lines;
    }

    private static Line line(int number, byte[] bytes, int start, int end, boolean terminated) {
        int textEnd = terminated && end > start && bytes[end - 1] == '\r' ? end - 1 : end;
        byte[] exact = Arrays.copyOfRange(bytes, start, end);
        try {
            return new Line(number, exact, Utf8.decode(bytes, start, textEnd, start, 0), null, terminated);
        } catch (LineProblem p) {
            return new Line(number, exact, null, p.getMessage(), terminated);
        }
    }
}
