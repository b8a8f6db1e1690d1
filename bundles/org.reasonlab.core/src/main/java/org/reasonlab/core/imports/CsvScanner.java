package org.reasonlab.core.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reasonlab.core.io.CsvQuoteState;

/**
 * Reads CSV rows (RFC 4180) from the start of a byte stream exactly as the core's CSV reader
 * assembles them: a UTF-8 byte order mark is skipped, a quoted field may span several physical lines,
 * a row ends at an unquoted line break, which is a line feed with the carriage returns right before it or,
 * in a file whose first line break is carriage returns alone, also such a run (see the core's LineSplitter). Each
 * row remembers its byte offsets, so that the header can be replaced without moving any other line.
 */
final class CsvScanner {
    /**
     * The longest line, and about the longest row, read: a longer row is almost surely a quote that is
     * never closed; it ends there and is reported as such instead of filling the memory.
     */
    static final int MAX_ROW_BYTES = 1 << 24;

    private final InputStream in;
    private long offset;
    private int linesRead;
    private boolean started;
    private boolean byteOrderMark;
    /** Whether carriage returns alone end lines; null until the first line break decides. */
    private Boolean carriageReturnsEndLines;

    /**
     * One row: its bytes without the final line break, where it lies, where in {@code bytes} each of its
     * physical lines starts, and the line break (null at the end of the input).
     */
    record Row(byte[] bytes, int firstLine, int lineCount, long start, long end, int[] lineStarts, String lineEnd) {

        boolean terminated() {
            return lineEnd != null;
        }

        boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    /** A row split into cells; {@code problem} is set when it cannot be (then {@code cells} holds what came before). */
    record Cells(List<String> cells, String problem, int problemLineOffset, int problemColumn, boolean validUtf8) {
    }

    /** @param in a buffered stream, read from its start */
    CsvScanner(InputStream in) {
        this.in = in;
    }

    boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** The next row, or null at the end of the input. */
    Row next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        long start = offset;
        int firstLine = linesRead + 1;
        ByteArrayOutputStream row = new ByteArrayOutputStream();
        Line line = readLine(row);
        if (line == null) {
            return null;
        }
        int[] lineStarts = {0};
        CsvQuoteState state = new CsvQuoteState();
        state.scan(row.toByteArray(), 0, row.size());
        while (state.inQuotes() && line.terminated() && row.size() <= MAX_ROW_BYTES) {
            int before = row.size();
            row.writeBytes(line.lineEnd.getBytes(StandardCharsets.US_ASCII));
            int lineStart = row.size();
            Line next = readLine(row);
            if (next == null) {
                // the quoted field runs to the end of the input: the line break belonged to the row's end
                byte[] bytes = row.toByteArray();
                return new Row(Arrays.copyOf(bytes, before), firstLine, lineStarts.length, start, offset, lineStarts,
                        line.lineEnd);
            }
            line = next;
            lineStarts = Arrays.copyOf(lineStarts, lineStarts.length + 1);
            lineStarts[lineStarts.length - 1] = lineStart;
            byte[] bytes = row.toByteArray();
            state.scan(bytes, lineStart, bytes.length);
        }
        return new Row(row.toByteArray(), firstLine, lineStarts.length, start, offset, lineStarts, line.lineEnd);
    }

    /** How a physical line ended: its line break, or null at the end of the input. */
    private record Line(String lineEnd) {

        boolean terminated() {
            return lineEnd != null;
        }
    }

    /** Appends one physical line, without its terminator, to {@code out}; null at the end of the input. */
    private Line readLine(ByteArrayOutputStream out) throws IOException {
        int b = read();
        if (b < 0) {
            return null;
        }
        int rowStart = out.size();
        int carriageReturns = 0; // text, unless a line feed follows them or they end lines by themselves
        while (b >= 0 && b != '\n') {
            if (b == '\r') {
                carriageReturns++;
                int next = peek();
                if (carriageReturnsEndLines != Boolean.FALSE && next != '\r' && next != '\n') {
                    carriageReturnsEndLines = true;
                    linesRead++;
                    return new Line("\r".repeat(carriageReturns));
                }
            } else {
                out.writeBytes(carriageReturns(carriageReturns));
                carriageReturns = 0;
                out.write(b);
            }
            if (out.size() - rowStart + carriageReturns > MAX_ROW_BYTES) {
                throw new IOException("line " + (linesRead + 1) + " is longer than " + (MAX_ROW_BYTES >> 20)
                        + " MB; is this a text file?");
            }
            b = read();
        }
        linesRead++;
        if (b < 0) {
            out.writeBytes(carriageReturns(carriageReturns));
            return new Line(null);
        }
        if (carriageReturnsEndLines == null) {
            carriageReturnsEndLines = false;
        }
        return new Line("\r".repeat(carriageReturns) + "\n");
    }

    private int peek() throws IOException {
        in.mark(1);
        int b = in.read();
        in.reset();
        return b;
    }

    private static byte[] carriageReturns(int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) '\r');
        return bytes;
    }

    private int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            offset++;
        }
        return b;
    }

    private void skipByteOrderMark() throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            byteOrderMark = true;
            offset = 3;
        } else {
            in.reset();
        }
    }

    /** Splits a row into cells as RFC 4180 says; {@code strict} makes invalid UTF-8 a problem instead of replacing it. */
    static Cells cells(Row row, boolean strict) {
        byte[] b = row.bytes();
        int n = b.length;
        List<String> cells = new ArrayList<>();
        boolean valid = true;
        int i = 0;
        while (true) {
            int start;
            int end;
            boolean quoted = i < n && b[i] == '"';
            if (quoted) {
                start = i + 1;
                int j = start;
                while (true) {
                    if (j >= n) {
                        int line = lineOffsetOf(row, i);
                        return new Cells(cells, "unterminated quoted field starting at line "
                                + (row.firstLine() + line), line, columnOf(row, i), valid);
                    }
                    if (b[j] == '"') {
                        if (j + 1 < n && b[j + 1] == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                end = j;
                i = j + 1;
                if (i < n && b[i] != ',') {
                    return new Cells(cells, "unexpected text after the closing quote of a field", lineOffsetOf(row, i),
                            columnOf(row, i), valid);
                }
            } else {
                start = i;
                int j = i;
                while (j < n && b[j] != ',') {
                    if (b[j] == '\r') {
                        return new Cells(cells, "carriage return (CR) outside quotes; a line break in a field must be "
                                + "quoted", lineOffsetOf(row, j), columnOf(row, j), valid);
                    }
                    j++;
                }
                end = j;
                i = j;
            }
            byte[] content = quoted ? unescape(b, start, end) : Arrays.copyOfRange(b, start, end);
            String text = decode(content, true);
            if (text == null) {
                valid = false;
                if (strict) {
                    return new Cells(cells, "not valid UTF-8 in column " + (cells.size() + 1), lineOffsetOf(row, start),
                            columnOf(row, start), false);
                }
                text = decode(content, false);
            }
            cells.add(text);
            if (i >= n) {
                return new Cells(cells, null, 0, 0, valid);
            }
            i++; // the comma
        }
    }

    private static byte[] unescape(byte[] b, int start, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            out.write(b[i]);
            if (b[i] == '"') {
                i++;
            }
        }
        return out.toByteArray();
    }

    /** The text, or null when {@code strict} and the bytes are not valid UTF-8. */
    static String decode(byte[] bytes, boolean strict) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CodingErrorAction action = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        decoder.onMalformedInput(action).onUnmappableCharacter(action);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Which physical line of the row (0-based) holds the byte at {@code offset}. */
    static int lineOffsetOf(Row row, int offset) {
        int line = 0;
        while (line + 1 < row.lineStarts().length && row.lineStarts()[line + 1] <= offset) {
            line++;
        }
        return line;
    }

    /** The 1-based character column of the byte at {@code offset} in its physical line. */
    static int columnOf(Row row, int offset) {
        byte[] b = row.bytes();
        int chars = 0;
        for (int i = row.lineStarts()[lineOffsetOf(row, offset)]; i < offset && i < b.length; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                chars++;
            }
        }
        return chars + 1;
    }
}
