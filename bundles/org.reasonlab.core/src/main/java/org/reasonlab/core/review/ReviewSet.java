package org.reasonlab.core.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.RunDirectory;

/**
 * The reviews of one run, bound to its {@code reviews.jsonl}. The last line of a reviewer for a prediction
 * wins; a line with verdict null withdraws the verdict. {@link #mark} and {@link #unmark} append to the file at
 * once (one line, forced to disk), so there is nothing unsaved; both return the state they replaced so that an
 * undo can {@link #restore} it. {@link #save} compacts the log atomically. Not thread-safe.
 */
public final class ReviewSet {
    private final Path file;
    private final Clock clock;
    /** reviewer -> prediction key -> current review (withdrawn ones removed), in order of their last line. */
    private final Map<String, Map<String, Review>> current = new LinkedHashMap<>();
    private List<ReviewLineProblem> problems = List.of();

    private ReviewSet(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The reviews file of a run folder. */
    public static Path fileOf(RunDirectory run) {
        return run.root().resolve(ReviewsFile.NAME);
    }

    /** Reads the run's {@code reviews.jsonl}; a missing file is an empty set (created by the first mark). */
    public static ReviewSet load(RunDirectory run) throws IOException {
        return load(fileOf(run), Clock.systemUTC());
    }

    public static ReviewSet load(Path file, Clock clock) throws IOException {
        ReviewSet set = new ReviewSet(file, clock);
        set.reload();
        return set;
    }

    /** Reads the file again (another reviewer may have appended to it). */
    public void reload() throws IOException {
        ReviewsFile.Contents contents = ReviewsFile.read(file);
        current.clear();
        for (Review r : contents.reviews()) {
            apply(r);
        }
        problems = contents.problems();
    }

    /**
     * The key a prediction is reviewed under: its record id, or {@code #n} (n its 1-based position in
     * {@code predictions.jsonl}) when it has none.
     */
    public static String keyOf(Prediction p, int index) {
        return p.id() != null ? p.id() : "#" + (index + 1);
    }

    public Path file() {
        return file;
    }

    /** Lines of the file that are not reviews, with their line numbers; they are kept in the file. */
    public List<ReviewLineProblem> problems() {
        return problems;
    }

    /** Everyone with at least one current verdict, sorted. */
    public Set<String> reviewers() {
        Set<String> names = new TreeSet<>();
        current.forEach((reviewer, reviews) -> {
            if (!reviews.isEmpty()) {
                names.add(reviewer);
            }
        });
        return names;
    }

    /** The reviewer's current review of the prediction, null when none. */
    public Review review(String reviewer, String predictionId) {
        Map<String, Review> m = current.get(reviewer);
        return m == null ? null : m.get(predictionId);
    }

    /** The reviewer's current verdict, null when none. */
    public ReviewVerdict verdict(String reviewer, String predictionId) {
        Review r = review(reviewer, predictionId);
        return r == null ? null : r.verdict();
    }

    /** The reviewer's current verdicts by prediction key. */
    public Map<String, ReviewVerdict> verdicts(String reviewer) {
        Map<String, ReviewVerdict> out = new LinkedHashMap<>();
        current.getOrDefault(reviewer, Map.of()).forEach((id, r) -> out.put(id, r.verdict()));
        return Collections.unmodifiableMap(out);
    }

    /** Every reviewer's current verdict on one prediction, by reviewer (sorted). */
    public Map<String, ReviewVerdict> verdictsOn(String predictionId) {
        Map<String, ReviewVerdict> out = new LinkedHashMap<>();
        for (String reviewer : reviewers()) {
            ReviewVerdict v = verdict(reviewer, predictionId);
            if (v != null) {
                out.put(reviewer, v);
            }
        }
        return out;
    }

    /**
     * Records a verdict (appended to the file at once).
     *
     * @return the review it replaces, null when there was none
     */
    public Review mark(String reviewer, String predictionId, ReviewVerdict verdict, String note) throws IOException {
        Objects.requireNonNull(verdict, "verdict");
        return append(new Review(predictionId, reviewer, verdict, now(), note));
    }

    /**
     * Withdraws the reviewer's verdict (appends a line with verdict null).
     *
     * @return the review withdrawn, null when there was none (then nothing is written)
     */
    public Review unmark(String reviewer, String predictionId) throws IOException {
        if (review(reviewer, predictionId) == null) {
            return null;
        }
        return append(new Review(predictionId, reviewer, null, now(), null));
    }

    /**
     * Puts back what {@link #mark} or {@link #unmark} returned: the earlier verdict and note, or no verdict when
     * {@code previous} is null.
     *
     * @return the review it replaces, null when there was none
     */
    public Review restore(String reviewer, String predictionId, Review previous) throws IOException {
        if (previous == null) {
            return unmark(reviewer, predictionId);
        }
        return mark(reviewer, predictionId, previous.verdict(), previous.note());
    }

    /**
     * Rewrites the file atomically to one line per current review (in the order of their latest lines),
     * followed by the lines that are not reviews, byte for byte.
     */
    public void save() throws IOException {
        List<Review> all = new ArrayList<>();
        current.values().forEach(m -> all.addAll(m.values()));
        all.sort(Comparator.comparing(Review::time)); // stable: equal times keep their order
        ReviewsFile.write(file, all, problems);
        reload();
    }

    private Review append(Review review) throws IOException {
        Review previous = review(review.reviewer(), review.predictionId());
        ReviewsFile.append(file, review);
        apply(review);
        return previous;
    }

    private void apply(Review r) {
        Map<String, Review> m = current.computeIfAbsent(r.reviewer(), k -> new LinkedHashMap<>());
        m.remove(r.predictionId()); // re-inserted last: map order follows the latest lines
        if (!r.withdrawn()) {
            m.put(r.predictionId(), r);
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
