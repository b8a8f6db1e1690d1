package org.reasonlab.core.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.io.Utf8Lines;
import org.reasonlab.core.run.JsonFields;

/**
 * {@code reviews.jsonl} beside a run's {@code predictions.jsonl}: an append-only log, one JSON object per line
 * ({@code id}, {@code reviewer}, {@code verdict}, {@code time}, {@code note}, and {@code session} for a verdict given
 * in a blinded review session; {@code note} and {@code session} are left out when null). Appending writes one line
 * in one write and forces it to disk; rewriting ({@link #write}) is atomic. Lines that are not reviews (not JSON, not
 * UTF-8, a missing field) are reported with their line numbers and kept byte for byte.
 */
public final class ReviewsFile {
    /** The file's name in a run folder. */
    public static final String NAME = "reviews.jsonl";

    private ReviewsFile() {
    }

    /** The file's contents: the reviews and the lines that are not reviews, each in file order. */
    public record Contents(List<Review> reviews, List<ReviewLineProblem> problems, boolean truncatedLastLine) {
    }

    public static String encode(Review r) {
        JsonObject o = new JsonObject();
        o.addProperty("id", r.predictionId());
        o.addProperty("reviewer", r.reviewer());
        o.add("verdict", r.verdict() == null ? JsonNull.INSTANCE : new JsonPrimitive(r.verdict().id()));
        o.addProperty("time", r.time().toString());
        if (r.note() != null) {
            o.addProperty("note", r.note());
        }
        if (r.session() != null) {
            o.addProperty("session", r.session());
        }
        return JsonFields.toLine(o);
    }

    /** @throws IllegalArgumentException naming the field when the line is not a review */
    public static Review decode(String line) {
        JsonObject o = JsonFields.parseObject(line);
        String id = JsonFields.requiredString(o, "id");
        String reviewer = JsonFields.requiredString(o, "reviewer");
        if (reviewer.isBlank()) {
            throw new IllegalArgumentException("reviewer must not be blank");
        }
        String verdictText = JsonFields.string(o, "verdict");
        ReviewVerdict verdict = null;
        if (verdictText != null) {
            verdict = ReviewVerdict.parse(verdictText).orElseThrow(
                    () -> new IllegalArgumentException("verdict must be aligned, misaligned or null, not '"
                            + verdictText + "'"));
        }
        String time = JsonFields.requiredString(o, "time");
        String session = JsonFields.string(o, "session");
        if (session != null && session.isBlank()) {
            throw new IllegalArgumentException("session must not be blank");
        }
        return new Review(id, reviewer, verdict, JsonFields.instant(time, "time"), JsonFields.string(o, "note"),
                session);
    }

    /**
     * Reads the file; a missing file is an empty log. Blank lines are skipped, as in datasets (and left out when
     * the log is compacted).
     */
    public static Contents read(Path file) throws IOException {
        List<Utf8Lines.Line> lines;
        try {
            lines = Utf8Lines.read(file);
        } catch (NoSuchFileException missing) {
            return new Contents(List.of(), List.of(), false);
        }
        List<Review> reviews = new ArrayList<>();
        List<ReviewLineProblem> problems = new ArrayList<>();
        boolean truncated = false;
        for (Utf8Lines.Line line : lines) {
            if (line.blank()) {
                continue;
            }
            try {
                reviews.add(decode(line.validText()));
            } catch (IllegalArgumentException ex) {
                // a last line without a newline that still reads is a complete review, else a crash cut it off
                truncated = !line.terminated();
                problems.add(new ReviewLineProblem(line.number(), line.bytes(),
                        truncated ? "cut off: " + ex.getMessage() : ex.getMessage()));
            }
        }
        return new Contents(List.copyOf(reviews), List.copyOf(problems), truncated);
    }

    /**
     * Appends one review as one line in one write and forces it to disk. When the file ends in a cut-off line
     * (a crash), a line separator is written first so that the review does not glue onto it.
     */
    public static void append(Path file, Review review) throws IOException {
        byte[] line = (encode(review) + "\n").getBytes(StandardCharsets.UTF_8);
        boolean cutOff = endsWithoutNewline(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.allocate(line.length + (cutOff ? 1 : 0));
            if (cutOff) {
                buffer.put((byte) '\n');
            }
            buffer.put(line).flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            return size > 0 && lastByte(channel, size) != '\n';
        }
    }

    private static byte lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0);
    }

    /**
     * Replaces the file atomically: the reviews in this order, then the lines that are not reviews with their
     * exact bytes, each line followed by a line feed.
     */
    public static void write(Path file, List<Review> reviews, List<ReviewLineProblem> kept) throws IOException {
        AtomicFiles.write(file, out -> {
            for (Review r : reviews) {
                out.write((encode(r) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (ReviewLineProblem p : kept) {
                out.write(p.bytes());
                out.write('\n');
            }
        });
    }
}
