package org.reasonlab.ui.internal.results;

import java.io.IOException;
import java.util.Objects;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.review.Review;
import org.reasonlab.core.review.ReviewSet;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.review.blind.ReviewSession;

/**
 * One verdict given or withdrawn, undoable through the workbench operation history. Every step appends a line to
 * reviews.jsonl ({@link ReviewSet#mark}, {@link ReviewSet#unmark}, {@link ReviewSet#restore}, or a blinded
 * session's equivalents), so undo is history in the file, never a rewrite.
 */
final class ReviewOperation extends AbstractOperation {
    /** Where one reviewer's verdict on one item lives. */
    interface Slot {
        Review current();

        Review mark(ReviewVerdict verdict) throws IOException;

        Review unmark() throws IOException;

        Review restore(Review previous) throws IOException;

        /** The message when the file cannot be written. */
        String failure(IOException e);
    }

    /** A reviewer's verdict on a prediction of a run's {@link ReviewSet}. */
    static Slot of(ReviewSet reviews, String reviewer, String key) {
        return new Slot() {
            public Review current() {
                return reviews.review(reviewer, key);
            }

            public Review mark(ReviewVerdict verdict) throws IOException {
                return reviews.mark(reviewer, key, verdict, null);
            }

            public Review unmark() throws IOException {
                return reviews.unmark(reviewer, key);
            }

            public Review restore(Review previous) throws IOException {
                return reviews.restore(reviewer, key, previous);
            }

            public String failure(IOException e) {
                return "Could not write the review: " + FileErrors.describe(e);
            }
        };
    }

    /**
     * A reviewer's verdict on an item of a blinded session. Its failure message leaves out the file's path: the
     * path names the item's run, which the session hides (the log keeps the whole exception).
     */
    static Slot of(ReviewSession session, String reviewer, int index) {
        return new Slot() {
            public Review current() {
                return session.review(reviewer, index);
            }

            public Review mark(ReviewVerdict verdict) throws IOException {
                return session.mark(reviewer, index, verdict, null);
            }

            public Review unmark() throws IOException {
                return session.unmark(reviewer, index);
            }

            public Review restore(Review previous) throws IOException {
                return session.restore(reviewer, index, previous);
            }

            public String failure(IOException e) {
                return "Could not write the review to its run's reviews.jsonl (" + e.getClass().getSimpleName()
                        + "); see the error log";
            }
        };
    }

    private final Slot slot;
    /** The verdict to give; null withdraws. */
    private final ReviewVerdict verdict;
    private final Runnable changed;
    private Review before;
    private Review after;

    ReviewOperation(Slot slot, ReviewVerdict verdict, IUndoContext context, Runnable changed) {
        super(verdict == null ? "Clear Verdict" : "Mark " + verdict.id().substring(0, 1).toUpperCase()
                + verdict.id().substring(1));
        this.slot = slot;
        this.verdict = verdict;
        this.changed = changed;
        addContext(context);
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        try {
            before = verdict == null ? slot.unmark() : slot.mark(verdict);
            after = slot.current();
        } catch (IOException e) {
            throw new ExecutionException(slot.failure(e), e);
        } finally {
            changed.run();
        }
        return Status.OK_STATUS;
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return put(before);
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return put(after);
    }

    private IStatus put(Review review) throws ExecutionException {
        try {
            if (!same(slot.current(), review)) {
                slot.restore(review);
            }
        } catch (IOException e) {
            throw new ExecutionException(slot.failure(e), e);
        } finally {
            changed.run();
        }
        return Status.OK_STATUS;
    }

    private static boolean same(Review a, Review b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.verdict() == b.verdict() && Objects.equals(a.note(), b.note());
    }
}
