package org.reasonlab.core.review.blind;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.reasonlab.core.review.Review;
import org.reasonlab.core.review.ReviewSet;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunDirectory;

/**
 * An open blinded review session: its file ({@link ReviewSessionFile}), the predictions of its runs and their
 * {@code reviews.jsonl} ({@link ReviewSet}). The reviewer works on items by their position ({@link #item},
 * {@link #mark}); which run an item belongs to stays inside this object and is used only to write the verdict to
 * that run's {@code reviews.jsonl}, with the session's id ({@link Review#session()}). Verdicts are appended at once
 * (nothing is ever unsaved) and {@link #mark}, {@link #unmark} and {@link #restore} return the state they replaced,
 * for undo, like {@link ReviewSet}. Not thread-safe; {@link #reload} reads the review files again (another reviewer
 * may be working on the same session).
 *
 * <p>The session counts only its own verdicts: per run, each reviewer's latest line with the session's id
 * ({@link ReviewSet#sessionReview}); unblinded verdicts on the same predictions, earlier or later, do not count.
 */
public final class ReviewSession {
    private final Path file;
    private final ReviewSessionFile.Content content;
    private final List<Path> runFolders;
    private final List<ReviewSet> reviews;
    /** per item, in the session's order: the prediction it shows */
    private final List<Prediction> predictions;

    private ReviewSession(Path file, ReviewSessionFile.Content content, List<Path> runFolders, List<ReviewSet> reviews,
            List<Prediction> predictions) {
        this.file = file;
        this.content = content;
        this.runFolders = List.copyOf(runFolders);
        this.reviews = List.copyOf(reviews);
        this.predictions = List.copyOf(predictions);
    }

    /** {@link #create(Path, List, long, boolean, Integer, Clock)} with the system clock. */
    public static ReviewSession create(Path sessionFile, List<Path> runFolders, long seed, boolean hidePredictedLabel,
            Integer perRunLimit) throws IOException {
        return create(sessionFile, runFolders, seed, hidePredictedLabel, perRunLimit, Clock.systemUTC());
    }

    /**
     * Starts a session: chooses and shuffles the items, writes {@code sessionFile} atomically and opens it.
     *
     * <p>The items are the predictions of each run's {@code predictions.jsonl} that have a generated reason (not
     * blank), under their keys ({@link ReviewSet#keyOf}). With {@code perRunLimit} k, each run keeps k of them: when
     * at least k keys have a reason in every run, the same seeded sample of k of those for every run, so that the
     * runs are judged on the same statements; otherwise every key that all runs share, filled up to k with a seeded
     * sample of the run's other keys. Then all (run, key) items are shuffled. One {@code java.util.Random(seed)}
     * makes every random choice, in this order: {@code Collections.shuffle} of the shared keys (in the first run's
     * file order), or else of each run's other keys (in file order, run by run), then {@code Collections.shuffle}
     * of all items (run by run, each run's keys in the order chosen). {@code Random}'s generator is specified by
     * the Java platform, so the same runs and seed give the same order on any JVM.
     *
     * @param sessionFile {@code <name>.review-session.json}; must not exist yet
     * @param runFolders the runs, at least one, each with a {@code predictions.jsonl}
     * @param seed the seed of the sample and of the order
     * @param hidePredictedLabel whether {@link BlindItem#predictedLabel()} is left out
     * @param perRunLimit k, at most this many items per run; null for every prediction with a reason
     * @param clock the time of {@code created} and of the verdicts
     * @throws IOException naming the file and the problem: a run without predictions or without generated reasons,
     *         an unreadable {@code predictions.jsonl} (with the line), two predictions of one run under one key, an
     *         existing session file
     * @throws IllegalArgumentException when no run is chosen, a run is chosen twice or {@code perRunLimit} is not
     *         positive
     */
    public static ReviewSession create(Path sessionFile, List<Path> runFolders, long seed, boolean hidePredictedLabel,
            Integer perRunLimit, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        if (!ReviewSessionFile.isSessionFile(sessionFile)) {
            throw new IOException(sessionFile + ": a review session file's name ends in " + ReviewSessionFile.SUFFIX);
        }
        if (Files.exists(sessionFile)) {
            throw new FileAlreadyExistsException(sessionFile.toString(), null,
                    "a review session of this name exists already");
        }
        if (runFolders.isEmpty()) {
            throw new IllegalArgumentException("choose at least one run");
        }
        if (perRunLimit != null && perRunLimit <= 0) {
            throw new IllegalArgumentException("the number of items per run must be positive, not " + perRunLimit);
        }
        Path sessionFolder = sessionFile.toAbsolutePath().normalize().getParent();
        Set<Path> distinct = new HashSet<>();
        List<ReviewSessionFile.Run> runs = new ArrayList<>();
        List<Map<String, Prediction>> reasoned = new ArrayList<>();
        for (Path folder : runFolders) {
            Path abs = folder.toAbsolutePath().normalize();
            if (!distinct.add(abs)) {
                throw new IllegalArgumentException(folder + " is chosen twice");
            }
            Path predictionsFile = new RunDirectory(abs).predictionsFile();
            String sha = sha256(predictionsFile, folder);
            Map<String, Prediction> keyed = withReasons(predictionsFile, PredictionsFile.read(predictionsFile));
            if (keyed.isEmpty()) {
                throw new IOException(predictionsFile + ": no prediction has a generated reason to review"
                        + " (a run in mode L generates none)");
            }
            reasoned.add(keyed);
            runs.add(new ReviewSessionFile.Run(ReviewSessionFile.folderText(sessionFolder, abs), sha));
        }

        Random random = new Random(seed);
        List<List<String>> chosen = choose(reasoned, perRunLimit, random);
        List<ReviewSessionFile.Item> items = new ArrayList<>();
        for (int run = 0; run < chosen.size(); run++) {
            for (String key : chosen.get(run)) {
                items.add(new ReviewSessionFile.Item(run, key));
            }
        }
        Collections.shuffle(items, random);

        ReviewSessionFile.Content content = new ReviewSessionFile.Content(UUID.randomUUID().toString(), clock.instant(),
                seed, hidePredictedLabel, perRunLimit, runs, items);
        ReviewSessionFile.write(sessionFile, content);
        return open(sessionFile, clock);
    }

    /** The keys each run keeps, see {@link #create(Path, List, long, boolean, Integer, Clock)}. */
    private static List<List<String>> choose(List<Map<String, Prediction>> reasoned, Integer limit, Random random) {
        List<List<String>> chosen = new ArrayList<>();
        if (limit == null) {
            reasoned.forEach(keyed -> chosen.add(new ArrayList<>(keyed.keySet())));
            return chosen;
        }
        List<String> shared = new ArrayList<>();
        for (String key : reasoned.get(0).keySet()) {
            if (reasoned.stream().allMatch(keyed -> keyed.containsKey(key))) {
                shared.add(key);
            }
        }
        if (shared.size() >= limit) {
            Collections.shuffle(shared, random);
            List<String> sample = List.copyOf(shared.subList(0, limit));
            reasoned.forEach(keyed -> chosen.add(sample));
            return chosen;
        }
        Set<String> sharedSet = new HashSet<>(shared);
        for (Map<String, Prediction> keyed : reasoned) {
            List<String> others = new ArrayList<>();
            for (String key : keyed.keySet()) {
                if (!sharedSet.contains(key)) {
                    others.add(key);
                }
            }
            Collections.shuffle(others, random);
            List<String> keys = new ArrayList<>(shared);
            keys.addAll(others.subList(0, Math.min(limit - shared.size(), others.size())));
            chosen.add(keys);
        }
        return chosen;
    }

    /** The predictions with a generated reason by key, in file order. */
    private static Map<String, Prediction> withReasons(Path predictionsFile, List<Prediction> all) throws IOException {
        Map<String, Prediction> keyed = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Prediction p = all.get(i);
            String key = ReviewSet.keyOf(p, i);
            if (!keys.add(key)) {
                throw new IOException(predictionsFile + ": prediction " + (i + 1) + ": the id '" + key
                        + "' is used by an earlier prediction too, so their reviews could not be told apart");
            }
            if (p.generatedReason() != null && !p.generatedReason().isBlank()) {
                keyed.put(key, p);
            }
        }
        return keyed;
    }

    private static String sha256(Path predictionsFile, Path folder) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(predictionsFile);
        } catch (NoSuchFileException e) {
            throw new IOException(folder + ": no " + RunDirectory.PREDICTIONS + " (the run has not been evaluated)", e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@link #open(Path, Clock)} with the system clock. */
    public static ReviewSession open(Path sessionFile) throws IOException {
        return open(sessionFile, Clock.systemUTC());
    }

    /**
     * Opens a session file: reads it, the runs' predictions and their {@code reviews.jsonl}.
     *
     * @param clock the time of the verdicts
     * @throws IOException naming the file and the problem: unreadable session file (with the field), a run folder
     *         without {@code predictions.jsonl}, a {@code predictions.jsonl} changed since the session was created
     *         (the verdicts were given on the earlier reasons), an item whose prediction is not there or has no
     *         generated reason
     */
    public static ReviewSession open(Path sessionFile, Clock clock) throws IOException {
        ReviewSessionFile.Content content = ReviewSessionFile.read(sessionFile);
        Path sessionFolder = sessionFile.toAbsolutePath().normalize().getParent();
        List<Path> folders = new ArrayList<>();
        List<ReviewSet> sets = new ArrayList<>();
        List<Map<String, Prediction>> keyedRuns = new ArrayList<>();
        for (int i = 0; i < content.runs().size(); i++) {
            ReviewSessionFile.Run run = content.runs().get(i);
            Path folder = ReviewSessionFile.resolve(sessionFolder, run.folder());
            RunDirectory dir = new RunDirectory(folder);
            String sha = sha256(dir.predictionsFile(), folder);
            if (run.predictionsSha256() != null && !run.predictionsSha256().equalsIgnoreCase(sha)) {
                throw new IOException(sessionFile + ": runs[" + i + "]: " + dir.predictionsFile()
                        + " has changed since the session was created, so its verdicts were given on other reasons;"
                        + " start a new session");
            }
            List<Prediction> all = PredictionsFile.read(dir.predictionsFile());
            Map<String, Prediction> keyed = new LinkedHashMap<>();
            for (int j = 0; j < all.size(); j++) {
                keyed.putIfAbsent(ReviewSet.keyOf(all.get(j), j), all.get(j));
            }
            keyedRuns.add(keyed);
            folders.add(folder);
            sets.add(ReviewSet.load(ReviewSet.fileOf(dir), clock));
        }
        List<Prediction> shown = new ArrayList<>();
        for (int i = 0; i < content.items().size(); i++) {
            ReviewSessionFile.Item item = content.items().get(i);
            Prediction p = keyedRuns.get(item.run()).get(item.key());
            if (p == null || p.generatedReason() == null || p.generatedReason().isBlank()) {
                String missing = p == null ? "no prediction" : "no generated reason";
                throw new IOException(sessionFile + ": items[" + i + "]: " + content.runs().get(item.run()).folder()
                        + "/" + RunDirectory.PREDICTIONS + " has " + missing + " under the key '" + item.key() + "'");
            }
            shown.add(p);
        }
        return new ReviewSession(sessionFile, content, folders, sets, shown);
    }

    /** The session file. */
    public Path file() {
        return file;
    }

    /** The session's name: the file name without {@link ReviewSessionFile#SUFFIX}. */
    public String name() {
        return ReviewSessionFile.nameOf(file);
    }

    /** The id in the {@code session} field of the session's verdicts. */
    public String id() {
        return content.id();
    }

    public Instant created() {
        return content.created();
    }

    public long seed() {
        return content.seed();
    }

    /** Whether the items are shown without the predicted label. */
    public boolean hidePredictedLabel() {
        return content.hidePredictedLabel();
    }

    /** The most items per run, null for every prediction with a reason. */
    public Integer perRunLimit() {
        return content.perRunLimit();
    }

    /**
     * The runs of the session (absolute, normalised), in the file's order. Which runs take part is no secret;
     * which item belongs to which run is, and this object does not tell it.
     */
    public List<Path> runFolders() {
        return runFolders;
    }

    /** N: the number of items. */
    public int size() {
        return content.items().size();
    }

    /** The item at this position of the session's order, as the reviewer may see it. */
    public BlindItem item(int index) {
        Prediction p = predictions.get(Objects.checkIndex(index, size()));
        return new BlindItem(index, p.statement(), p.goldLabel(), p.goldReason(), p.generatedReason(),
                hidePredictedLabel() ? null : p.predictedLabel());
    }

    /** Every item in order. */
    public List<BlindItem> items() {
        List<BlindItem> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(item(i));
        }
        return out;
    }

    /** The reviewer's current session review of the item, null when none. */
    public Review review(String reviewer, int index) {
        ReviewSessionFile.Item item = itemAt(index);
        return reviews.get(item.run()).sessionReview(id(), reviewer, item.key());
    }

    /** The reviewer's current session verdict on the item, null when none. */
    public ReviewVerdict verdict(String reviewer, int index) {
        Review r = review(reviewer, index);
        return r == null ? null : r.verdict();
    }

    /**
     * Records the reviewer's verdict on the item in its run's {@code reviews.jsonl}, with the session's id.
     *
     * @return the session review it replaces, null when there was none (for undo: {@link #restore})
     */
    public Review mark(String reviewer, int index, ReviewVerdict verdict, String note) throws IOException {
        ReviewSessionFile.Item item = itemAt(index);
        return reviews.get(item.run()).markInSession(id(), reviewer, item.key(), verdict, note);
    }

    /**
     * Withdraws the reviewer's session verdict on the item ({@link ReviewSet#unmarkInSession}).
     *
     * @return the review withdrawn, null when there was none (then nothing is written)
     */
    public Review unmark(String reviewer, int index) throws IOException {
        ReviewSessionFile.Item item = itemAt(index);
        return reviews.get(item.run()).unmarkInSession(id(), reviewer, item.key());
    }

    /**
     * Puts back what {@link #mark} or {@link #unmark} returned: that verdict and note, or no verdict when
     * {@code previous} is null.
     *
     * @return the session review it replaces, null when there was none
     */
    public Review restore(String reviewer, int index, Review previous) throws IOException {
        ReviewSessionFile.Item item = itemAt(index);
        return reviews.get(item.run()).restoreInSession(id(), reviewer, item.key(), previous);
    }

    /** How many items the reviewer has a current session verdict on: the n of "n of N reviewed". */
    public int reviewed(String reviewer) {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            n += review(reviewer, i) != null ? 1 : 0;
        }
        return n;
    }

    /** {@code "n of N reviewed"} for the reviewer. */
    public String progress(String reviewer) {
        return reviewed(reviewer) + " of " + size() + " reviewed";
    }

    /**
     * The first position after {@code from} (wrapping around; -1 starts at 0) that the reviewer has no session
     * verdict on, -1 when there is none.
     */
    public int nextUnreviewed(String reviewer, int from) {
        int n = size();
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(from + step, n);
            if (review(reviewer, i) == null) {
                return i;
            }
        }
        return -1;
    }

    /** Everyone with at least one current verdict on the session's items, sorted. */
    public Set<String> reviewers() {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < size(); i++) {
            ReviewSessionFile.Item item = content.items().get(i);
            ReviewSet set = reviews.get(item.run());
            for (String reviewer : set.sessionReviewers(id())) {
                if (set.sessionReview(id(), reviewer, item.key()) != null) {
                    names.add(reviewer);
                }
            }
        }
        return names;
    }

    /** Reads the runs' {@code reviews.jsonl} again (another reviewer may have appended to them). */
    public void reload() throws IOException {
        for (ReviewSet set : reviews) {
            set.reload();
        }
    }

    /** Reloads the review files and unblinds: see {@link ReviewSessionResults#compute}. */
    public ReviewSessionResults results() throws IOException {
        return ReviewSessionResults.compute(this);
    }

    // for ReviewSessionResults only: the mapping that the reviewer must not see

    ReviewSessionFile.Item itemAt(int index) {
        return content.items().get(Objects.checkIndex(index, size()));
    }

    Prediction prediction(int index) {
        return predictions.get(Objects.checkIndex(index, size()));
    }

    ReviewSet reviewSet(int run) {
        return reviews.get(run);
    }
}
