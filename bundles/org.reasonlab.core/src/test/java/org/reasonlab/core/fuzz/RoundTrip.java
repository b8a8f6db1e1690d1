package org.reasonlab.core.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.reasonlab.core.io.CollectingSink;
import org.reasonlab.core.io.DatasetFormatException;
import org.reasonlab.core.io.DatasetReader;
import org.reasonlab.core.io.DatasetWriter;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;

/**
 * What the readers and writers promise for any input: loading either works or throws the one
 * documented {@link DatasetFormatException}; every problem names file, line and column; saving what
 * was loaded works, writes every unreadable line back byte for byte with its line break, loads again
 * to the same entries and saves again to the same bytes; and a file as ReasonLab writes it is saved
 * byte-identical.
 */
final class RoundTrip {
    static final Path NAME = Path.of("fuzzed");

    /** How an input fared: {@code failure} says what is wrong, null when nothing is. */
    record Outcome(String failure, boolean notADataset, int unreadableLines) {
    }

    private RoundTrip() {
    }

    static Outcome check(FuzzInputs.Input input) {
        LoadResult first;
        try {
            first = read(input.bytes(), input.format());
        } catch (DatasetFormatException documented) {
            boolean clear = documented.problem().line() >= 1 && NAME.equals(documented.problem().file());
            return new Outcome(clear ? null : "an unclear format error: " + documented.getMessage(), true, 0);
        } catch (Exception | StackOverflowError e) {
            return new Outcome("loading threw " + stackTrace(e), false, 0);
        }
        return new Outcome(saveAndReload(input, first), false, first.dataset().rawLines().size());
    }

    /** What is wrong with saving what was loaded, or null when nothing is. */
    private static String saveAndReload(FuzzInputs.Input input, LoadResult first) {
        try {
            String unclear = unclearProblem(first.problems());
            if (unclear != null) {
                return unclear;
            }
            byte[] saved = write(first.dataset());
            if (input.asWritten() && !Arrays.equals(saved, input.bytes())) {
                return "a file as ReasonLab writes it was saved as " + FuzzInputs.describe(saved);
            }
            String lost = lostRawLine(first.dataset().rawLines(), saved);
            if (lost != null) {
                return lost;
            }
            LoadResult second = read(saved, input.format());
            String changed = changedEntry(first.dataset().entries(), second.dataset().entries());
            if (changed != null) {
                return changed;
            }
            byte[] savedAgain = write(second.dataset());
            return Arrays.equals(saved, savedAgain) ? null : "saving the saved file again changes it";
        } catch (Exception | StackOverflowError e) {
            return "saving or loading the saved file threw " + stackTrace(e);
        }
    }

    private static LoadResult read(byte[] bytes, DatasetFormat format) throws IOException {
        CollectingSink sink = new CollectingSink();
        LabelSchema schema = LabelSchema.defaultSchema();
        FileLayout layout = DatasetReader.read(new ByteArrayInputStream(bytes), NAME,
                format == DatasetFormat.JSONL ? DatasetFormat.JSONL : DatasetFormat.CSV, schema, sink);
        return new LoadResult(new Dataset(schema, layout, sink.entries()), sink.problems());
    }

    private static byte[] write(Dataset dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DatasetWriter.write(dataset, out);
        return out.toByteArray();
    }

    private static String unclearProblem(List<ParseProblem> problems) {
        for (ParseProblem p : problems) {
            if (!NAME.equals(p.file()) || p.line() < 1 || p.column() < 1 || p.message().isBlank()) {
                return "an unclear problem: " + p;
            }
        }
        return null;
    }

    /** The first raw line whose bytes and line break are not in the saved file, in order. */
    private static String lostRawLine(List<RawLine> rawLines, byte[] saved) {
        int from = 0;
        for (RawLine raw : rawLines) {
            byte[] expected = raw.lineEnd() == null ? raw.bytes() : concat(raw.bytes(), raw.lineEnd());
            int at = indexOf(saved, expected, from);
            if (at < 0) {
                return "the unreadable line " + raw.sourceLine() + " " + FuzzInputs.describe(expected)
                        + " is not in the saved file";
            }
            from = at + expected.length;
        }
        return null;
    }

    private static String changedEntry(List<DatasetEntry> before, List<DatasetEntry> after) {
        if (before.size() != after.size()) {
            return before.size() + " entries loaded, " + after.size() + " after saving";
        }
        for (int i = 0; i < before.size(); i++) {
            DatasetEntry a = before.get(i);
            DatasetEntry b = after.get(i);
            boolean same = a instanceof RawLine raw ? b instanceof RawLine other && Arrays.equals(raw.bytes(), other.bytes())
                    : a.equals(b);
            if (!same) {
                return "entry " + i + " (line " + a.sourceLine() + ") changed on saving: " + a + " became " + b;
            }
            if (i < before.size() - 1 && !Objects.equals(a.lineEnd(), b.lineEnd())) {
                return "entry " + i + " (line " + a.sourceLine() + ") lost its line break on saving";
            }
        }
        return null;
    }

    /** Knuth-Morris-Pratt, as unreadable lines may be megabytes of one repeated byte. */
    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        if (needle.length == 0) {
            return from;
        }
        int[] fallback = new int[needle.length];
        for (int i = 1, k = 0; i < needle.length; i++) {
            while (k > 0 && needle[i] != needle[k]) {
                k = fallback[k - 1];
            }
            if (needle[i] == needle[k]) {
                k++;
            }
            fallback[i] = k;
        }
        for (int i = from, k = 0; i < haystack.length; i++) {
            while (k > 0 && haystack[i] != needle[k]) {
                k = fallback[k - 1];
            }
            if (haystack[i] == needle[k]) {
                k++;
            }
            if (k == needle.length) {
                return i - needle.length + 1;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] bytes, String lineEnd) {
        byte[] end = lineEnd.getBytes(StandardCharsets.US_ASCII);
        byte[] result = Arrays.copyOf(bytes, bytes.length + end.length);
        System.arraycopy(end, 0, result, bytes.length, end.length);
        return result;
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
