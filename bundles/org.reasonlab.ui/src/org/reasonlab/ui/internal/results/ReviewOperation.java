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

/**
 * One verdict given or withdrawn, undoable through the workbench operation history. Every step appends a line to
 * reviews.jsonl ({@link ReviewSet#mark}, {@link ReviewSet#unmark}, {@link ReviewSet#restore}), so undo is history
 * in the file, never a rewrite.
 */
final class ReviewOperation extends AbstractOperation {
    private final ReviewSet reviews;
    private final String reviewer;
    private final String key;
    /** The verdict to give; null withdraws. */
    private final ReviewVerdict verdict;
    private final Runnable changed;
    private Review before;
    private Review after;

    ReviewOperation(ReviewSet reviews, String reviewer, String key, ReviewVerdict verdict, IUndoContext context,
            Runnable changed) {
        super(verdict == null ? "Clear Verdict" : "Mark " + verdict.id().substring(0, 1).toUpperCase()
                + verdict.id().substring(1));
        this.reviews = reviews;
        this.reviewer = reviewer;
        this.key = key;
        this.verdict = verdict;
        this.changed = changed;
        addContext(context);
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        try {
            before = verdict == null ? reviews.unmark(reviewer, key) : reviews.mark(reviewer, key, verdict, null);
            after = reviews.review(reviewer, key);
        } catch (IOException e) {
            throw new ExecutionException("Could not write the review: " + FileErrors.describe(e), e);
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
            Review current = reviews.review(reviewer, key);
            if (!same(current, review)) {
                reviews.restore(reviewer, key, review);
            }
        } catch (IOException e) {
            throw new ExecutionException("Could not write the review: " + FileErrors.describe(e), e);
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
