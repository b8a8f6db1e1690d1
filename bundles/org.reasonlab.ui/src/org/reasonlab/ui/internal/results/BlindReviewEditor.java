package org.reasonlab.ui.internal.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.review.blind.BlindItem;
import org.reasonlab.core.review.blind.ReviewSession;
import org.reasonlab.core.review.blind.ReviewSessionFile;
import org.reasonlab.core.review.blind.ReviewSessionResults;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.ReadOnlyEditorPart;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * A blinded review session ({@link ReviewSession}): the generated reasons of several runs mixed in the session's
 * seeded order, each shown with its statement (and predicted label unless the session hides it) and nothing that
 * tells the run, model or mode apart: no run column, no run in a tooltip or title. Verdicts are given from the
 * keyboard as in the reason review (A, M, U, N), undoable, and written at once to the item's run's reviews.jsonl
 * with the session's id. "n of N reviewed" shows the progress; Results shows the figures per run, which names the
 * runs, so it is meant for after the session.
 */
public class BlindReviewEditor extends ReadOnlyEditorPart implements ReviewActions {
    public static final String ID = ReasonLabUi.PLUGIN_ID + ".editors.blindReview";

    private final IUndoContext undoContext = new ObjectUndoContext(this, "Blinded Review");
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private Path file;
    private ReviewSession session;
    private List<Integer> rows = List.of();
    private int selected = -1;
    private String reviewer = "";

    private Composite root;
    private Text reviewerField;
    private Label progressLabel;
    private TableViewer viewer;
    private Text details;
    private Label messageLabel;
    private ReviewKeys keys;
    private UndoRedoActionGroup undoRedo;

    /** Opens (or brings up) the blinded review of a session file. */
    public static BlindReviewEditor open(IWorkbenchPage page, Path sessionFile) throws PartInitException {
        return (BlindReviewEditor) page.openEditor(new BlindSessionInput(sessionFile), ID, true);
    }

    /** Opens on a session as {@link BlindSessionInput}, or on a {@code *.review-session.json} in the workspace. */
    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        IEditorInput session = input;
        if (input instanceof IFileEditorInput f && f.getFile().getLocation() != null
                && ReviewSessionFile.isSessionFile(f.getFile().getLocation().toPath())) {
            session = new BlindSessionInput(f.getFile().getLocation().toPath());
        }
        if (!(session instanceof BlindSessionInput b)) {
            throw new PartInitException("The blinded review opens on a review session file, not " + input.getName());
        }
        setSite(site);
        setInput(input);
        file = b.file();
        setPartName(session.getName());
        setTitleToolTip(session.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout barLayout = new GridLayout(9, false);
        barLayout.marginWidth = 0;
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        new Label(bar, SWT.NONE).setText("Re&viewer:");
        reviewerField = new Text(bar, SWT.BORDER | SWT.SINGLE);
        GridData nameData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        nameData.widthHint = 140;
        reviewerField.setLayoutData(nameData);
        progressLabel = new Label(bar, SWT.NONE);
        progressLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button(bar, "&Aligned", "The reason supports the predicted label (A)", this::markAligned);
        button(bar, "&Misaligned", "The reason does not support the predicted label (M)", this::markMisaligned);
        button(bar, "&Clear", "Withdraw your verdict (U)", this::clearVerdict);
        button(bar, "&Next Unreviewed", "The next item you have not reviewed (N)", this::nextUnreviewed);
        button(bar, "&Results\u2026", "The session's figures per run (names the runs: look after the session)",
                this::showResults);
        button(bar, "Reload", "Reads the review files again (other reviewers may have added to them)", this::reload);

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            selected = first instanceof Integer i ? i : -1;
            showDetails();
        });
        details = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
        sash.setWeights(3, 2);
        messageLabel = new Label(root, SWT.WRAP);
        messageLabel.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));

        IPreferenceStore prefs = ReasonLabUiPlugin.getDefault().getPreferenceStore();
        String remembered = prefs.getString(ReviewEditor.REVIEWER_PREFERENCE);
        reviewer = remembered == null || remembered.isBlank() ? System.getProperty("user.name", "") : remembered;
        reviewerField.setText(reviewer);
        reviewerField.addListener(SWT.Modify, e -> {
            reviewer = reviewerField.getText().strip();
            if (!reviewer.isEmpty()) {
                prefs.setValue(ReviewEditor.REVIEWER_PREFERENCE, reviewer);
            }
            refreshRows();
        });
        undoRedo = new UndoRedoActionGroup(getSite(), undoContext, true);
        undoRedo.fillActionBars(getEditorSite().getActionBars());
        getEditorSite().getActionBars().updateActionBars();
        keys = new ReviewKeys(this);
        keys.activate(table);
        message("Reading the session\u2026");
        startLoading();
    }

    private static void button(Composite bar, String text, String tooltip, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tooltip);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void column(String title, int width, IntFunction<String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Integer) element);
            }
        });
    }

    private void startLoading() {
        Job job = new Job("Reading a blinded review session") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                ReviewSession s = null;
                String error = null;
                try {
                    s = ReviewSession.open(file);
                } catch (IOException | RuntimeException e) {
                    error = "Cannot open the session: " + (e instanceof IOException io ? FileErrors.describe(io)
                            : e.getMessage());
                }
                ReviewSession opened = s;
                String shown = error;
                if (!root.isDisposed()) {
                    root.getDisplay().asyncExec(() -> loadedInUi(opened, shown));
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JobFamilies.REVIEW_LOAD;
            }
        };
        job.schedule();
    }

    private void loadedInUi(ReviewSession s, String error) {
        if (root.isDisposed()) {
            return;
        }
        session = s;
        if (s != null) {
            column("#", 50, i -> Integer.toString(i + 1));
            column("Statement", 380, i -> excerpt(s.item(i).statement()));
            if (!s.hidePredictedLabel()) {
                column("Predicted label", 120, i -> nz(s.item(i).predictedLabel()));
            }
            column("Generated reason", 420, i -> excerpt(s.item(i).generatedReason()));
            column("Your verdict", 100, i -> {
                ReviewVerdict v = verdictOf(i);
                return v == null ? "" : v.id();
            });
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                all.add(i);
            }
            rows = List.copyOf(all);
            viewer.setInput(rows);
            if (!rows.isEmpty()) {
                select(Math.max(0, s.nextUnreviewed(reviewer, -1)));
            }
        }
        refreshRows();
        message(error != null ? error
                : "A aligned \u00b7 M misaligned \u00b7 U clear \u00b7 N next unreviewed \u00b7 Alt+\u2191/\u2193 previous/next"
                        + " \u00b7 the runs stay hidden until Results");
        loaded.complete(null);
    }

    /** Completes when the session has been read and shown. */
    public CompletableFuture<Void> whenLoaded() {
        return loaded;
    }

    @Override
    public boolean isLoaded() {
        return session != null;
    }

    private ReviewVerdict verdictOf(int index) {
        return session == null || reviewer.isBlank() ? null : session.verdict(reviewer, index);
    }

    private void refreshRows() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        viewer.refresh();
        progressLabel.setText(session == null || reviewer.isBlank() ? "" : session.progress(reviewer));
        progressLabel.getParent().layout(true);
    }

    @Override
    public void markAligned() {
        give(ReviewVerdict.ALIGNED);
    }

    @Override
    public void markMisaligned() {
        give(ReviewVerdict.MISALIGNED);
    }

    @Override
    public void clearVerdict() {
        give(null);
    }

    private void give(ReviewVerdict verdict) {
        if (!isLoaded() || selected < 0) {
            return;
        }
        if (reviewer.isBlank()) {
            message("Enter a reviewer name first.");
            reviewerField.setFocus();
            return;
        }
        if (verdict == null && session.review(reviewer, selected) == null) {
            return;
        }
        int index = selected;
        try {
            PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().execute(
                    new ReviewOperation(ReviewOperation.of(session, reviewer, index), verdict, undoContext,
                            this::refreshRows),
                    null, null);
        } catch (ExecutionException e) {
            ReasonLabUiPlugin.log("Blinded review: a verdict could not be written", e);
            message(e.getMessage());
            return;
        }
        if (verdict != null) {
            nextUnreviewed();
        }
    }

    @Override
    public void nextUnreviewed() {
        if (!isLoaded() || reviewer.isBlank()) {
            return;
        }
        int next = session.nextUnreviewed(reviewer, selected);
        if (next >= 0) {
            select(next);
        } else {
            message("All " + session.size() + " items reviewed: Results shows the figures per run.");
        }
    }

    @Override
    public void move(int delta) {
        if (rows.isEmpty()) {
            return;
        }
        select(Math.floorMod(Math.max(selected, 0) + delta, rows.size()));
    }

    /** Selects the item at this position of the session's order. */
    public void select(int index) {
        viewer.setSelection(new StructuredSelection(index), true);
        selected = index;
        showDetails();
    }

    private void showDetails() {
        if (session == null || selected < 0) {
            details.setText("");
            return;
        }
        BlindItem item = session.item(selected);
        StringBuilder sb = new StringBuilder();
        sb.append("Item ").append(selected + 1).append(" of ").append(session.size()).append("\n\n");
        sb.append("Statement: ").append(nz(item.statement())).append("\n\n");
        if (item.predictedLabel() != null) {
            sb.append("Predicted label: ").append(item.predictedLabel()).append('\n');
        }
        sb.append("Generated reason: ").append(nz(item.generatedReason())).append("\n\n");
        sb.append("Gold label: ").append(nz(item.goldLabel())).append('\n');
        sb.append("Gold reason: ").append(nz(item.goldReason())).append('\n');
        ReviewVerdict v = verdictOf(selected);
        sb.append("\nYour verdict: ").append(v == null ? "none" : v.id());
        details.setText(sb.toString());
    }

    private void reload() {
        if (session == null) {
            return;
        }
        try {
            session.reload();
            refreshRows();
            showDetails();
        } catch (IOException e) {
            unreadable(e);
        }
    }

    /**
     * Computes the results and shows them in a dialog. They name the runs and count each run's verdicts, so before
     * every item is reviewed the reviewer is asked first: a count that grows after a verdict would tell its run.
     */
    public void showResults() {
        if (session == null) {
            return;
        }
        if (!reviewer.isBlank() && session.reviewed(reviewer) < session.size() && !MessageDialog.openQuestion(
                root.getShell(), "Show Results", "You have reviewed " + session.progress(reviewer) + ". The results"
                        + " name the runs and count their verdicts, which unblinds the rest of this session for"
                        + " you. Show them anyway?")) {
            return;
        }
        ReviewSessionResults results = results();
        if (results != null) {
            new BlindResultsDialog(root.getShell(), getPartName(), results).open();
        }
    }

    /** The session's results (reading the review files again); null when they cannot be read. */
    public ReviewSessionResults results() {
        if (session == null) {
            return null;
        }
        try {
            return ReviewSessionResults.compute(session);
        } catch (IOException e) {
            unreadable(e);
            return null;
        }
    }

    /** Says that a review file cannot be read without naming it (its path names a run); the log has the details. */
    private void unreadable(IOException e) {
        ReasonLabUiPlugin.log("Blinded review: a run's reviews.jsonl cannot be read", e);
        message("Cannot read a run's reviews.jsonl (" + e.getClass().getSimpleName() + "); see the error log.");
    }

    private void message(String text) {
        if (!messageLabel.isDisposed()) {
            messageLabel.setText(text);
            root.layout(true, true);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String excerpt(String s) {
        String t = nz(s).replace('\n', ' ');
        return t.length() > 200 ? t.substring(0, 200) + "\u2026" : t;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (keys != null) {
            keys.deactivate();
        }
        if (undoRedo != null) {
            undoRedo.dispose();
        }
        PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().dispose(undoContext, true, true, false);
        super.dispose();
    }

    public void undo() throws ExecutionException {
        PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().undo(undoContext, null, null);
    }

    // ---- for tests ----

    ReviewSession session() {
        return session;
    }

    void setReviewer(String name) {
        reviewerField.setText(name);
    }

    /** Every text the editor shows: title, tooltip, column headers and tooltips, cells, details, labels. */
    List<String> visibleTexts() {
        List<String> out = new ArrayList<>(List.of(getPartName(), getTitleToolTip(), progressLabel.getText(),
                messageLabel.getText()));
        Table table = viewer.getTable();
        for (TableColumn c : table.getColumns()) {
            out.add(c.getText());
            out.add(c.getToolTipText() == null ? "" : c.getToolTipText());
        }
        out.add(table.getToolTipText() == null ? "" : table.getToolTipText());
        for (TableItem item : table.getItems()) {
            for (int c = 0; c < table.getColumnCount(); c++) {
                out.add(item.getText(c));
            }
        }
        for (int i = 0; session != null && i < session.size(); i++) {
            select(i);
            out.add(details.getText());
        }
        return out;
    }

    String progressText() {
        return progressLabel.getText();
    }
}
