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
 *
 * <p><b>Blinded review sessions.</b> A line may carry the id of the blinded review session it was given in
 * ({@link Review#session()}; {@code org.reasonlab.core.review.blind.ReviewSession} writes them through
 * {@link #markInSession}, {@link #unmarkInSession} and {@link #restoreInSession}). Such a line is an ordinary line
 * for the run-wide state above (the reviewer's last line wins), and besides that each session keeps its own state:
 * per reviewer and prediction the reviewer's last line <em>with that session's id</em> ({@link #sessionReview}), so
 * that a later unblinded verdict on the same prediction does not change what the session found. {@link #save} keeps
 * those lines too.
 */
public final class ReviewSet {
    private final Path file;
    private final Clock clock;
    /** reviewer -> prediction key -> current review (withdrawn ones removed), in order of their last line. */
    private final Map<String, Map<String, Review>> current = new LinkedHashMap<>();
    /** session id -> reviewer -> prediction key -> latest line of that session (withdrawn ones removed). */
    private final Map<String, Map<String, Map<String, Review>>> sessions = new LinkedHashMap<>();
    /** reviewer -> prediction key -> the latest line when it withdrew; {@link #save} needs it to keep sessions. */
    private final Map<String, Map<String, Review>> withdrawals = new LinkedHashMap<>();
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
        sessions.clear();
        withdrawals.clear();
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
     * The reviewer's current review of the prediction in a blinded session: their latest line with that session's
     * id, null when none or when it withdrew the verdict. Lines of other sessions and unblinded lines, earlier or
     * later, do not count.
     */
    public Review sessionReview(String session, String reviewer, String predictionId) {
        Map<String, Review> m = sessions.getOrDefault(session, Map.of()).get(reviewer);
        return m == null ? null : m.get(predictionId);
    }

    /** The verdict of {@link #sessionReview}, null when none. */
    public ReviewVerdict sessionVerdict(String session, String reviewer, String predictionId) {
        Review r = sessionReview(session, reviewer, predictionId);
        return r == null ? null : r.verdict();
    }

    /** Everyone with at least one current verdict in the session, sorted. */
    public Set<String> sessionReviewers(String session) {
        Set<String> names = new TreeSet<>();
        sessions.getOrDefault(session, Map.of()).forEach((reviewer, reviews) -> {
            if (!reviews.isEmpty()) {
                names.add(reviewer);
            }
        });
        return names;
    }

    /** The ids of the blinded sessions with at least one current verdict in this file, sorted. */
    public Set<String> sessions() {
        Set<String> ids = new TreeSet<>();
        sessions.forEach((id, byReviewer) -> {
            if (byReviewer.values().stream().anyMatch(m -> !m.isEmpty())) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * Records a verdict given in a blinded session: a line with the session's id, appended at once. Like any line it
     * also becomes the reviewer's run-wide verdict.
     *
     * @return the session review it replaces ({@link #sessionReview}), null when there was none
     */
    public Review markInSession(String session, String reviewer, String predictionId, ReviewVerdict verdict,
            String note) throws IOException {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(verdict, "verdict");
        Review previous = sessionReview(session, reviewer, predictionId);
        append(new Review(predictionId, reviewer, verdict, now(), note, session));
        return previous;
    }

    /**
     * Withdraws the reviewer's verdict in the session (a line with verdict null and the session's id). When the
     * reviewer's run-wide verdict is not this session's (a later unblinded verdict, or another session's), it is
     * written again after the withdrawal, with the current time, so that withdrawing in the session leaves it as it
     * was. A run-wide verdict that the session's verdict had replaced is not brought back.
     *
     * @return the session review withdrawn, null when there was none (then nothing is written)
     */
    public Review unmarkInSession(String session, String reviewer, String predictionId) throws IOException {
        Objects.requireNonNull(session, "session");
        Review previous = sessionReview(session, reviewer, predictionId);
        if (previous == null) {
            return null;
        }
        Review runWide = review(reviewer, predictionId);
        append(new Review(predictionId, reviewer, null, now(), null, session));
        if (runWide != null && !session.equals(runWide.session())) {
            append(new Review(predictionId, reviewer, runWide.verdict(), now(), runWide.note(), runWide.session()));
        }
        return previous;
    }

    /**
     * Puts back what {@link #markInSession} or {@link #unmarkInSession} returned: the earlier session verdict and
     * note, or no session verdict when {@code previous} is null.
     *
     * @return the session review it replaces, null when there was none
     */
    public Review restoreInSession(String session, String reviewer, String predictionId, Review previous)
            throws IOException {
        if (previous == null) {
            return unmarkInSession(session, reviewer, predictionId);
        }
        return markInSession(session, reviewer, predictionId, previous.verdict(), previous.note());
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
     * followed by the lines that are not reviews, byte for byte. Each blinded session's current review
     * ({@link #sessionReview}) is kept as well: when it is no longer the run-wide one, it is written before the
     * reviewer's run-wide line for that prediction (or before the line that withdrew it run-wide), so that reading
     * the file again gives the same run-wide and session verdicts.
     */
    public void save() throws IOException {
        // reviewer -> key -> session lines that are no longer the run-wide line
        Map<String, Map<String, List<Review>>> superseded = new LinkedHashMap<>();
        sessions.values().forEach(byReviewer -> byReviewer.forEach((reviewer, reviews) -> reviews.forEach((key, r) -> {
            if (!r.equals(review(reviewer, key))) {
                superseded.computeIfAbsent(reviewer, k -> new LinkedHashMap<>())
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        })));
        List<List<Review>> sequences = new ArrayList<>();
        current.forEach((reviewer, reviews) -> reviews.forEach((key, r) -> {
            Map<String, List<Review>> byKey = superseded.get(reviewer);
            List<Review> before = byKey == null ? null : byKey.remove(key);
            List<Review> seq = new ArrayList<>(before == null ? List.of() : before);
            seq.sort(Comparator.comparing(Review::time));
            seq.add(r);
            sequences.add(seq);
        }));
        superseded.forEach((reviewer, byKey) -> byKey.forEach((key, before) -> {
            // no run-wide verdict: the reviewer's last line for the key withdrew it, and must stay last
            List<Review> seq = new ArrayList<>(before);
            seq.sort(Comparator.comparing(Review::time));
            Review withdrawal = withdrawals.getOrDefault(reviewer, Map.of()).get(key);
            if (withdrawal != null) {
                seq.add(withdrawal);
            }
            sequences.add(seq);
        }));
        // in time order (stable: equal times keep their order), except that the lines of one reviewer on one
        // prediction keep their order even when a clock went back: each sorts by the latest time up to it
        record Timed(Review review, Instant sortTime) {
        }
        List<Timed> timed = new ArrayList<>();
        for (List<Review> seq : sequences) {
            Instant latest = Instant.MIN;
            for (Review r : seq) {
                latest = r.time().isAfter(latest) ? r.time() : latest;
                timed.add(new Timed(r, latest));
            }
        }
        timed.sort(Comparator.comparing(Timed::sortTime));
        ReviewsFile.write(file, timed.stream().map(Timed::review).toList(), problems);
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
        Map<String, Review> w = withdrawals.computeIfAbsent(r.reviewer(), k -> new LinkedHashMap<>());
        w.remove(r.predictionId());
        if (!r.withdrawn()) {
            m.put(r.predictionId(), r);
        } else {
            w.put(r.predictionId(), r);
        }
        if (r.session() != null) {
            Map<String, Review> s = sessions.computeIfAbsent(r.session(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.reviewer(), k -> new LinkedHashMap<>());
            s.remove(r.predictionId());
            if (!r.withdrawn()) {
                s.put(r.predictionId(), r);
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
