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
import org.reasonlab.core.review.Review;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.review.blind.ReviewSession;

/**
 * One verdict given or withdrawn in a blinded session, undoable through the operation history; each step appends a
 * line (with the session's id) to the item's run's reviews.jsonl.
 */
final class BlindReviewOperation extends AbstractOperation {
    private final ReviewSession session;
    private final String reviewer;
    private final int index;
    private final ReviewVerdict verdict;
    private final Runnable changed;
    private Review before;
    private Review after;

    BlindReviewOperation(ReviewSession session, String reviewer, int index, ReviewVerdict verdict,
            IUndoContext context, Runnable changed) {
        super(verdict == null ? "Clear Verdict" : verdict == ReviewVerdict.ALIGNED ? "Mark Aligned" : "Mark Misaligned");
        this.session = session;
        this.reviewer = reviewer;
        this.index = index;
        this.verdict = verdict;
        this.changed = changed;
        addContext(context);
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        try {
            before = verdict == null ? session.unmark(reviewer, index) : session.mark(reviewer, index, verdict, null);
            after = session.review(reviewer, index);
        } catch (IOException e) {
            throw failed(e);
        } finally {
            changed.run();
        }
        return Status.OK_STATUS;
    }

    /**
     * The error without the file's path: the path names the item's run, which the session hides. The log keeps
     * the whole exception.
     */
    private static ExecutionException failed(IOException e) {
        return new ExecutionException("Could not write the review to its run's reviews.jsonl ("
                + e.getClass().getSimpleName() + "); see the error log", e);
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
            Review current = session.review(reviewer, index);
            boolean same = current == null || review == null ? current == review
                    : current.verdict() == review.verdict() && Objects.equals(current.note(), review.note());
            if (!same) {
                session.restore(reviewer, index, review);
            }
        } catch (IOException e) {
            throw failed(e);
        } finally {
            changed.run();
        }
        return Status.OK_STATUS;
    }
}
