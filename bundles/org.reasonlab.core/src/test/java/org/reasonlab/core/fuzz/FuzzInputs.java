package org.reasonlab.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.reasonlab.core.io.DatasetWriter;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;

/**
 * Dataset files for the fuzzer: a well-formed file as ReasonLab writes it (JSON Lines, CSV or DFAR
 * CSV, with random text, layout and line breaks), then none or a few damaging edits: byte flips,
 * truncation, invalid UTF-8, deep nesting, a huge line, many columns, carriage returns and line
 * feeds in odd places, duplicate keys, unpaired surrogates.
 */
final class FuzzInputs {
    private static final String[] WORDS = {"I", "kept", "the", "change", "lied", "to", "my", "friend", "returned",
        "a", "wallet", "because", "it", "is", "honest", "unfair", "kind", "café", "it’s", "naïve", "😀", "中文"};
    private static final String[] ODD = {",", "\"", "\"\"", "'", "\\", "\n", "\r", "\r\n", "\t", "\u0001", " ", "{",
        "}", "[", "]", ":", "\u00a0", "\u2028", "\uFEFF", "ethical", "0", "1"};
    private static final String[] LINE_BREAKS = {"\n", "\r\n", "\r", "\r\r\n", "\n\r", "\n\n", ""};
    private static final String[] SPLITS = {"train", "validation", "test"};
    private static final String[] UNKNOWN_LABELS = {"maybe", "2", "neutral", "ethical?"};
    private static final byte[][] FRAGMENTS = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xEF, (byte) 0xBB,
            (byte) 0xBF}, {0}, ascii("\\ud800"), ascii("\\udc00\\ud800"), ascii("\"id\":\"dup\","),
        ascii("\"statement\":\"twice\","), ascii(",\"metadata\":{\"k\":1,\"k\":2}"), ascii("\"\""), ascii("\r"),
        ascii("\n"), ascii("\r\n"), ascii(","), ascii("\""), ascii("{"), ascii("}"), ascii("\\"), ascii(",src"),
        ascii(",metadata"), ascii(",annotations"), ascii("\n\"\"\n"), ascii("\n  \n"), ascii("[{\"annotator\":1}]")};

    /** A file to read: its bytes, the format its name would say, and whether it is as ReasonLab wrote it. */
    record Input(DatasetFormat format, byte[] bytes, boolean asWritten, String edits) {
    }

    private final Random random;

    FuzzInputs(Random random) {
        this.random = random;
    }

    Input next() {
        DatasetFormat format = DatasetFormat.values()[random.nextInt(3)];
        byte[] bytes = written(format);
        int editCount = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
        List<String> edits = new ArrayList<>();
        for (int i = 0; i < editCount; i++) {
            bytes = edit(bytes, format, edits);
        }
        return new Input(format, bytes, edits.isEmpty(), String.join(", ", edits));
    }

    // ---- well-formed files ----

    private byte[] written(DatasetFormat format) {
        List<String> columns = format == DatasetFormat.CSV ? csvColumns() : List.of();
        if (format == DatasetFormat.DFAR_CSV) {
            columns = random.nextBoolean() ? List.of("Statement", "Label", "Reason") : List.of("statement", "LABEL", "reason");
        }
        String lineBreak = format == DatasetFormat.JSONL ? pick("\n", "\r\n", "\r\r\n") : pick("\n", "\r\n", "\r", "\r\r\n");
        FileLayout layout = new FileLayout(format, random.nextInt(5) == 0, lineBreak, columns, random.nextInt(6) != 0);
        List<DatasetEntry> records = new ArrayList<>();
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            records.add(record(format, columns, i + 1));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DatasetWriter.write(new Dataset(LabelSchema.defaultSchema(), layout, records), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Columns of a generic CSV: always a statement and never DFAR's three alone, in a random order. */
    private List<String> csvColumns() {
        List<String> columns = new ArrayList<>(List.of(pick("statement", "text", "Sentence"), "id"));
        for (String optional : List.of("label", "reason", "split", "src", "annotations", "metadata")) {
            if (random.nextBoolean()) {
                columns.add(optional);
            }
        }
        Collections.shuffle(columns, random);
        return columns;
    }

    /** A record that the format writes and reads back unchanged. */
    private DatasetRecord record(DatasetFormat format, List<String> columns, int row) {
        boolean csv = format != DatasetFormat.JSONL;
        DatasetRecord r = new DatasetRecord(csv ? null : maybe(text(8)), text(40),
                maybe(random.nextInt(4) == 0 ? pick(UNKNOWN_LABELS) : pick("ethical", "unethical")), maybe(text(60)),
                random.nextBoolean() ? null : Split.parse(pick(SPLITS)).orElseThrow());
        if (format == DatasetFormat.DFAR_CSV) {
            r.setId(Integer.toString(row));
            r.setSplit(null);
            return r;
        }
        if (csv) {
            keepOnly(r, columns);
        }
        if ((!csv || columns.contains("annotations")) && random.nextInt(3) == 0) {
            r.setAnnotations(List.of(new Annotation(text(6) + "a", maybe(pick("ethical", "unethical")),
                    maybe(text(20)), maybe("2026-11-02T10:15:30Z"))));
        }
        if ((!csv || columns.contains("metadata")) && random.nextInt(3) == 0) {
            r.setMetadata(JsonParser.parseString("{\"source\":\"web\",\"score\":1.50,\"tags\":[\"a\",null,true],"
                    + "\"nested\":{\"deep\":[1,2.0e3]}}").getAsJsonObject());
        }
        if ((!csv || columns.contains("src")) && random.nextInt(3) == 0) {
            JsonObject extra = new JsonObject();
            extra.addProperty("src", nonEmpty(text(10)));
            r.setExtra(extra);
        }
        return r;
    }

    private static void keepOnly(DatasetRecord r, List<String> columns) {
        r.setId(columns.contains("id") ? nonEmptyOrNull(r.id()) : null);
        r.setStatement(nonEmptyOrNull(r.statement()));
        r.setLabel(columns.contains("label") ? r.label() : null);
        r.setReason(columns.contains("reason") ? nonEmptyOrNull(r.reason()) : null);
        r.setSplit(columns.contains("split") ? r.split() : null);
    }

    private String text(int maxWords) {
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(maxWords + 1);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(random.nextInt(6) == 0 ? pick(ODD) : pick(WORDS));
        }
        return text.toString();
    }

    private String maybe(String value) {
        return random.nextInt(5) == 0 ? null : value;
    }

    private static String nonEmpty(String value) {
        return value.isEmpty() ? "x" : value;
    }

    private static String nonEmptyOrNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    // ---- damage ----

    private byte[] edit(byte[] bytes, DatasetFormat format, List<String> edits) {
        int at = random.nextInt(bytes.length + 1);
        switch (editKind()) {
            case 0 -> {
                edits.add("flip byte " + at);
                if (at < bytes.length) {
                    byte[] copy = bytes.clone();
                    copy[at] = (byte) random.nextInt(256);
                    return copy;
                }
                return bytes;
            }
            case 1 -> {
                edits.add("truncate at " + at);
                return Arrays.copyOf(bytes, at);
            }
            case 2 -> {
                byte[] fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
                edits.add("insert " + describe(fragment) + " at " + at);
                return insert(bytes, at, fragment);
            }
            case 3 -> {
                int end = Math.min(bytes.length, at + random.nextInt(40));
                edits.add("delete " + at + ".." + end);
                return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, end, bytes.length));
            }
            case 4 -> {
                String lineBreak = pick(LINE_BREAKS);
                edits.add("line breaks become " + describe(ascii(lineBreak)));
                return replaceLineBreaks(bytes, lineBreak);
            }
            case 5 -> {
                int depth = 100 + random.nextInt(300);
                String nesting = "[".repeat(depth) + "1" + "]".repeat(random.nextInt(depth + 1));
                edits.add("insert nesting " + depth + " deep at " + at);
                return insert(bytes, at, ascii(format == DatasetFormat.JSONL
                        ? "{\"metadata\":{\"deep\":" + nesting + "}}\n" : "x,\"" + nesting + "\"\n"));
            }
            case 6 -> {
                int length = (1 << 20) + random.nextInt(2 << 20);
                edits.add("insert a line of " + length + " bytes at " + at);
                byte[] line = new byte[length];
                Arrays.fill(line, (byte) 'x');
                return insert(bytes, at, random.nextBoolean() ? concat(ascii("{\"statement\":\""), line, ascii("\"}\n"))
                        : line);
            }
            case 7 -> {
                int columns = 1000 + random.nextInt(5000);
                edits.add("insert " + columns + " cells or keys at " + at);
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    many.append(format == DatasetFormat.JSONL ? ",\"k" + i + "\":" + i : ",c" + i);
                }
                return insert(bytes, at, ascii(many.toString()));
            }
            case 8 -> {
                int from = random.nextInt(bytes.length + 1);
                int end = Math.min(bytes.length, from + random.nextInt(200));
                edits.add("copy " + from + ".." + end + " to " + at);
                return insert(bytes, at, Arrays.copyOfRange(bytes, from, end));
            }
            case 9 -> {
                edits.add("flip a bit at " + at);
                if (at < bytes.length) {
                    byte[] copy = bytes.clone();
                    copy[at] ^= (byte) (1 << random.nextInt(8));
                    return copy;
                }
                return bytes;
            }
            case 10 -> {
                byte[] junk = new byte[1 + random.nextInt(16)];
                random.nextBytes(junk);
                edits.add("insert random bytes " + describe(junk) + " at " + at);
                return insert(bytes, at, junk);
            }
            default -> {
                edits.add("insert a carriage return at " + at);
                return insert(bytes, at, ascii("\r"));
            }
        }
    }

    /** Large edits (a huge line, many cells, deep nesting) are rare, so that a run stays short. */
    private int editKind() {
        int percent = random.nextInt(100);
        if (percent < 1) {
            return 6;
        }
        if (percent < 3) {
            return 7;
        }
        if (percent < 6) {
            return 5;
        }
        return pick(0, 1, 2, 3, 4, 8, 9, 10, 11);
    }

    private static byte[] replaceLineBreaks(byte[] bytes, String lineBreak) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.replaceAll("\r*\n|\r+", lineBreak).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        return concat(Arrays.copyOf(bytes, at), inserted, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String describe(byte[] bytes) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < Math.min(bytes.length, 40); i++) {
            int b = bytes[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F && b != '"' && b != '\\' ? Character.toString(b) : String.format("\\x%02x", b));
        }
        return text.append(bytes.length > 40 ? "...\"" : "\"").toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
