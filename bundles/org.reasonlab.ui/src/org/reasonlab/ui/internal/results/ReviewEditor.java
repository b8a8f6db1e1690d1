package org.reasonlab.ui.internal.results;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
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
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.review.PredictionFilter;
import org.reasonlab.core.review.ReviewSet;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.review.ReviewerAgreement;
import org.reasonlab.core.review.ReviewsFile;
import org.reasonlab.core.review.WilsonInterval;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.ReadOnlyEditorPart;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;
import org.reasonlab.ui.internal.WorkspaceRefresh;

/**
 * The reason review of one run: its predictions (statement, gold label and reason, predicted label, generated
 * reason) with filters, and the reviewer's verdict on each generated reason, given from the keyboard (A aligned,
 * M misaligned, U clear, N next unreviewed, Alt+Up/Down previous/next; {@link ReviewKeys}). Every verdict is
 * appended to the run's reviews.jsonl at once ({@link ReviewSet}) and can be undone (Edit &gt; Undo). The status
 * line shows the misalignment rate of this reviewer and pooled over all reviewers, with 95% Wilson intervals, and
 * Cohen's kappa for every pair of reviewers.
 */
public class ReviewEditor extends ReadOnlyEditorPart implements ReviewActions {
    public static final String ID = ReasonLabUi.REVIEW_EDITOR;
    /** Preference (of the UI bundle) remembering the reviewer's name. */
    public static final String REVIEWER_PREFERENCE = "review.reviewer";

    private static final Map<PredictionFilter, String> FILTER_LABELS = new EnumMap<>(Map.of(
            PredictionFilter.WRONG_LABEL, "&Wrong label",
            PredictionFilter.UNPARSEABLE, "Un&parseable",
            PredictionFilter.REASON_CONTRADICTS_LABEL, "Reason &contradicts label",
            PredictionFilter.NOT_REVIEWED, "Not &yet reviewed"));

    private Path folder;
    private List<Prediction> predictions = List.of();
    private List<String> keys = List.of();
    private ReviewSet reviews;
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private String reviewer = "";
    private final Set<PredictionFilter> filters = EnumSet.noneOf(PredictionFilter.class);
    private List<Integer> shown = List.of();
    private int selected = -1;

    private final IUndoContext undoContext = new ObjectUndoContext(this, "Reason Review");
    private UndoRedoActionGroup undoRedo;
    private ReviewKeys keysSupport;

    private Composite root;
    private Text reviewerField;
    private final Map<PredictionFilter, Button> filterButtons = new EnumMap<>(PredictionFilter.class);
    private TableViewer viewer;
    private Text details;
    private Label rateLabel;
    private Label kappaLabel;
    private Label messageLabel;

    /** Opens (or brings up) the reason review of a run folder. */
    public static ReviewEditor open(IWorkbenchPage page, Path runFolder) throws PartInitException {
        IEditorPart part = page.openEditor(new RunFolderInput(runFolder), ID, true);
        return (ReviewEditor) part;
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        Path f = folderOf(input);
        if (f == null) {
            throw new PartInitException("The reason review opens on a run folder or its predictions.jsonl, not "
                    + input.getName());
        }
        setSite(site);
        setInput(input);
        folder = f;
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    private static Path folderOf(IEditorInput input) {
        if (input instanceof RunFolderInput r) {
            return r.folder();
        }
        Path file = null;
        if (input instanceof IFileEditorInput fi) {
            IPath location = fi.getFile().getLocation();
            file = location == null ? null : location.toPath();
        } else if (input instanceof IURIEditorInput ui) {
            URI uri = ui.getURI();
            file = uri != null && "file".equals(uri.getScheme()) ? new File(uri).toPath() : null;
        }
        if (file == null) {
            return null;
        }
        return Files.isDirectory(file) ? file : file.toAbsolutePath().getParent();
    }

    /** What the background read found: the predictions with their keys, the reviews, or why not. */
    private record Loaded(List<Prediction> predictions, List<String> keys, ReviewSet reviews, String error) {
    }

    private static Loaded read(Path folder) {
        RunDirectory run = new RunDirectory(folder);
        String error = null;
        List<Prediction> predictions;
        try {
            predictions = PredictionsFile.read(run.predictionsFile());
        } catch (IOException e) {
            predictions = List.of();
            error = "Could not read the predictions: " + FileErrors.describe(e);
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            keys.add(ReviewSet.keyOf(predictions.get(i), i));
        }
        ReviewSet reviews;
        try {
            reviews = ReviewSet.load(run);
        } catch (IOException e) {
            reviews = null;
            error = (error == null ? "" : error + "; ") + "Could not read the reviews: " + FileErrors.describe(e);
        }
        return new Loaded(predictions, List.copyOf(keys), reviews, error);
    }

    /** Reads the run's predictions and reviews in a job, then shows them. */
    private void startLoading() {
        Job job = new Job("Reading the predictions of " + folder.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Loaded result = read(folder);
                if (!root.isDisposed()) {
                    root.getDisplay().asyncExec(() -> loadedInUi(result));
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

    private void loadedInUi(Loaded result) {
        if (root.isDisposed()) {
            return;
        }
        predictions = result.predictions();
        keys = result.keys();
        reviews = result.reviews();
        refilter();
        if (!shown.isEmpty()) {
            select(shown.get(0));
        }
        message(result.error() != null ? result.error()
                : reviews != null && !reviews.problems().isEmpty()
                        ? reviews.problems().size() + " line(s) of reviews.jsonl are not reviews (kept as they are)"
                        : "A aligned \u00b7 M misaligned \u00b7 U clear \u00b7 N next unreviewed \u00b7 Alt+\u2191/\u2193 previous/next");
        loaded.complete(null);
    }

    /** Completes when the predictions and reviews have been read and shown. */
    public CompletableFuture<Void> whenLoaded() {
        return loaded;
    }

    @Override
    public void createPartControl(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout barLayout = new GridLayout(3 + FILTER_LABELS.size() + 1, false);
        barLayout.marginWidth = 0;
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        new Label(bar, SWT.NONE).setText("Re&viewer:");
        reviewerField = new Text(bar, SWT.BORDER | SWT.SINGLE);
        GridData nameData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        nameData.widthHint = 140;
        reviewerField.setLayoutData(nameData);
        Label show = new Label(bar, SWT.NONE);
        show.setText("   Show only:");
        for (PredictionFilter f : PredictionFilter.values()) {
            Button b = new Button(bar, SWT.CHECK);
            b.setText(FILTER_LABELS.get(f));
            b.addListener(SWT.Selection, e -> setFilter(f, b.getSelection()));
            filterButtons.put(f, b);
        }
        Button reloadButton = new Button(bar, SWT.PUSH);
        reloadButton.setText("&Reload");
        reloadButton.setToolTipText("Reads reviews.jsonl again (other reviewers may have added to it)");
        reloadButton.addListener(SWT.Selection, e -> reload());

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Id", 80, i -> keys.get(i));
        column("Statement", 300, i -> excerpt(predictions.get(i).statement()));
        column("Gold label", 90, i -> text(predictions.get(i).goldLabel()));
        column("Predicted label", 115, i -> text(predictions.get(i).predictedLabel()));
        column("Generated reason", 360, i -> excerpt(predictions.get(i).generatedReason() != null
                ? predictions.get(i).generatedReason() : predictions.get(i).generated()));
        column("Parseable", 85, i -> predictions.get(i).parseable() ? "yes" : "no");
        column("Reason agrees", 110, i -> {
            Boolean a = predictions.get(i).reasonAgrees();
            return a == null ? "?" : a ? "yes" : "no";
        });
        column("Your verdict", 90, i -> {
            ReviewVerdict v = verdictOf(i);
            return v == null ? "" : v.id();
        });
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            selected = first instanceof Integer i ? i : -1;
            showDetails();
        });

        details = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
        sash.setWeights(3, 2);

        rateLabel = new Label(root, SWT.NONE);
        rateLabel.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        kappaLabel = new Label(root, SWT.NONE);
        kappaLabel.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        messageLabel = new Label(root, SWT.WRAP);
        messageLabel.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));

        IPreferenceStore prefs = ReasonLabUiPlugin.getDefault().getPreferenceStore();
        String remembered = prefs.getString(REVIEWER_PREFERENCE);
        reviewer = remembered == null || remembered.isBlank() ? System.getProperty("user.name", "") : remembered;
        reviewerField.setText(reviewer);
        reviewerField.addListener(SWT.Modify, e -> reviewerChanged(reviewerField.getText()));

        undoRedo = new UndoRedoActionGroup(getSite(), undoContext, true);
        undoRedo.fillActionBars(getEditorSite().getActionBars());
        getEditorSite().getActionBars().updateActionBars();

        keysSupport = new ReviewKeys(this);
        keysSupport.activate(table);

        refilter();
        message("Reading the predictions\u2026");
        startLoading();
    }

    private interface Cell {
        String text(int index);
    }

    private void column(String title, int width, Cell cell) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return cell.text((Integer) element);
            }
        });
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** The first line of a text, cut to a table cell's length. */
    private static String excerpt(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 159) + "\u2026" : line;
    }

    @Override
    public void setFocus() {
        viewer.getTable().setFocus();
    }

    @Override
    public void dispose() {
        loaded.cancel(false); // closed before the predictions were read: nobody waits for them any more
        if (keysSupport != null) {
            keysSupport.deactivate();
        }
        if (undoRedo != null) {
            undoRedo.dispose();
        }
        PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().dispose(undoContext, true, true, true);
        super.dispose();
    }

    // ---- actions (the commands' handlers call these; tests may too) ----

    public boolean isLoaded() {
        return reviews != null && viewer != null && !viewer.getTable().isDisposed();
    }

    public void markAligned() {
        mark(ReviewVerdict.ALIGNED);
    }

    public void markMisaligned() {
        mark(ReviewVerdict.MISALIGNED);
    }

    public void clearVerdict() {
        mark(null);
    }

    private void mark(ReviewVerdict verdict) {
        if (!isLoaded() || selected < 0) {
            return;
        }
        if (reviewer.isBlank()) {
            message("Enter a reviewer name first.");
            reviewerField.setFocus();
            return;
        }
        String key = keys.get(selected);
        if (verdict == null && reviews.review(reviewer, key) == null) {
            return; // nothing to withdraw
        }
        ReviewOperation op = new ReviewOperation(ReviewOperation.of(reviews, reviewer, key), verdict, undoContext,
                this::afterVerdict);
        try {
            history().execute(op, null, null);
            message((verdict == null ? "Cleared " : "Marked " + verdict.id() + ": ") + key);
        } catch (ExecutionException e) {
            message(e.getMessage());
        }
    }

    private static IOperationHistory history() {
        return PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
    }

    /** Undoes the last verdict of this editor (as Edit &gt; Undo does). */
    public void undo() throws ExecutionException {
        history().undo(undoContext, (IProgressMonitor) null, null);
    }

    public void redo() throws ExecutionException {
        history().redo(undoContext, (IProgressMonitor) null, null);
    }

    /** Selects the next (delta 1) or previous (-1) shown prediction. */
    public void move(int delta) {
        if (shown.isEmpty()) {
            return;
        }
        int at = shown.indexOf(selected);
        int next = at < 0 ? (delta > 0 ? 0 : shown.size() - 1) : Math.max(0, Math.min(shown.size() - 1, at + delta));
        select(shown.get(next));
    }

    /** Selects the next shown prediction (wrapping) with a generated reason that this reviewer has not reviewed. */
    public void nextUnreviewed() {
        if (shown.isEmpty()) {
            return;
        }
        int at = shown.indexOf(selected);
        for (int step = 1; step <= shown.size(); step++) {
            int i = shown.get(Math.floorMod(at + step, shown.size()));
            if (predictions.get(i).generatedReason() != null && verdictOf(i) == null) {
                select(i);
                return;
            }
        }
        message("Every shown generated reason has your verdict.");
    }

    /** Reads reviews.jsonl again. */
    public void reload() {
        if (reviews == null) {
            return;
        }
        try {
            reviews.reload();
            message("Reviews reloaded.");
        } catch (IOException e) {
            message("Could not read the reviews: " + FileErrors.describe(e));
        }
        afterChange();
    }

    public void setFilter(PredictionFilter filter, boolean on) {
        if (on) {
            filters.add(filter);
        } else {
            filters.remove(filter);
        }
        Button b = filterButtons.get(filter);
        if (b != null && b.getSelection() != on) {
            b.setSelection(on);
        }
        int before = selected;
        refilter();
        keepSelectionNear(before);
    }

    public void setReviewer(String name) {
        reviewerField.setText(name); // fires reviewerChanged
    }

    private void reviewerChanged(String text) {
        reviewer = text.strip();
        if (!reviewer.isEmpty()) {
            ReasonLabUiPlugin.getDefault().getPreferenceStore().setValue(REVIEWER_PREFERENCE, reviewer);
        }
        afterChange();
    }

    /** Selects the prediction at this position of predictions.jsonl (0-based) when it is shown. */
    public void select(int index) {
        if (!shown.contains(index)) {
            return;
        }
        selected = index;
        viewer.setSelection(new StructuredSelection(Integer.valueOf(index)), true);
        showDetails();
    }

    /** Selects the prediction with this key ({@link ReviewSet#keyOf}) when it is shown. */
    public void selectKey(String key) {
        select(keys.indexOf(key));
    }

    // ---- for tests (the test fragment shares the package) ----

    Path runFolder() {
        return folder;
    }

    List<Prediction> predictions() {
        return predictions;
    }

    ReviewSet reviews() {
        return reviews;
    }

    String reviewer() {
        return reviewer;
    }

    Set<PredictionFilter> filters() {
        return Set.copyOf(filters);
    }

    IUndoContext undoContext() {
        return undoContext;
    }

    Table table() {
        return viewer.getTable();
    }

    /** The keys of the shown predictions, in table order. */
    List<String> shownKeys() {
        return shown.stream().map(keys::get).toList();
    }

    /** The selected prediction's key, null when none. */
    String selectedKey() {
        return selected < 0 ? null : keys.get(selected);
    }

    String detailsText() {
        return details.getText();
    }

    /** The misalignment line: this reviewer's rate and the pooled one, each with its 95% Wilson interval and n. */
    String rateText() {
        return rateLabel.getText();
    }

    /** Cohen's kappa per pair of reviewers. */
    String kappaText() {
        return kappaLabel.getText();
    }

    String messageText() {
        return messageLabel.getText();
    }

    // ---- display ----

    private ReviewVerdict verdictOf(int index) {
        return reviews == null || reviewer.isBlank() ? null : reviews.verdict(reviewer, keys.get(index));
    }

    private void refilter() {
        shown = List.copyOf(PredictionFilter.select(predictions, filters, reviews, reviewer.isBlank() ? null : reviewer));
        viewer.setInput(shown.toArray(Integer[]::new));
        updateStatus();
    }

    /** After a verdict changed, the reviewer changed or the file was reloaded. */
    /** A verdict was given, withdrawn, undone or redone: reviews.jsonl changed. */
    private void afterVerdict() {
        // the Runs view and the comparison read reviews.jsonl: let them hear of the change
        WorkspaceRefresh.soon(folder.resolve(ReviewsFile.NAME));
        afterChange();
    }

    private void afterChange() {
        if (!isLoaded()) {
            return;
        }
        int before = selected;
        refilter();
        keepSelectionNear(before);
    }

    /** Selects {@code index} when still shown, else the first shown after it, else the last shown. */
    private void keepSelectionNear(int index) {
        if (shown.isEmpty()) {
            selected = -1;
            viewer.setSelection(StructuredSelection.EMPTY);
            showDetails();
            return;
        }
        int pick = shown.get(shown.size() - 1);
        for (int i : shown) {
            if (i >= index) {
                pick = i;
                break;
            }
        }
        select(pick);
    }

    private void showDetails() {
        if (selected < 0) {
            details.setText(shown.isEmpty() && !predictions.isEmpty() ? "No prediction passes the filters." : "");
            return;
        }
        Prediction p = predictions.get(selected);
        StringBuilder sb = new StringBuilder();
        sb.append("Id: ").append(keys.get(selected)).append('\n');
        sb.append("Statement: ").append(text(p.statement())).append("\n\n");
        sb.append("Gold label: ").append(text(p.goldLabel())).append('\n');
        sb.append("Gold reason: ").append(text(p.goldReason())).append("\n\n");
        sb.append("Predicted label: ").append(p.parseable() ? text(p.predictedLabel()) : "(unparseable)").append('\n');
        sb.append("Generated reason: ").append(text(p.generatedReason())).append('\n');
        if (p.reasonVerdict() != null) {
            sb.append("Automatic reading of the reason: ").append(p.reasonVerdict()).append('\n');
        }
        if (reviews != null) {
            Map<String, ReviewVerdict> all = reviews.verdictsOn(keys.get(selected));
            if (!all.isEmpty()) {
                sb.append("\nVerdicts: ");
                List<String> parts = new ArrayList<>();
                all.forEach((who, v) -> parts.add(who + " " + v.id()));
                sb.append(String.join(", ", parts)).append('\n');
            }
        }
        details.setText(sb.toString());
    }

    private void updateStatus() {
        if (reviews == null) {
            rateLabel.setText("");
            kappaLabel.setText("");
            return;
        }
        String mine = reviewer.isBlank() ? "no reviewer" : reviewer + ": " + rate(MisalignmentRate.of(reviews, reviewer, keys));
        MisalignmentRate pooled = MisalignmentRate.pooled(reviews, keys);
        String pooledText = "pooled: " + rate(pooled) + (pooled.ties() > 0 ? ", " + pooled.ties() + " tied" : "");
        rateLabel.setText("Misalignment rate \u2014 " + mine + " \u00b7 " + pooledText);
        List<ReviewerAgreement> pairs = ReviewerAgreement.allPairs(reviews, keys);
        if (pairs.isEmpty()) {
            kappaLabel.setText("Cohen's \u03ba: needs two reviewers");
        } else {
            List<String> parts = new ArrayList<>();
            for (ReviewerAgreement a : pairs) {
                Double k = a.kappa();
                parts.add(a.first() + "\u2013" + a.second() + " "
                        + (k == null ? "undefined" : String.format(Locale.ROOT, "%.3f", k)) + " (n=" + a.n() + ")");
            }
            kappaLabel.setText("Cohen's \u03ba: " + String.join("; ", parts));
        }
        root.layout(true, true);
    }

    /** {@code 33.3% [6.1%, 79.2%] (n=3)}; {@code n/a (n=0)} when nothing was reviewed. */
    static String rate(MisalignmentRate r) {
        if (r.reviewed() == 0) {
            return "n/a (n=0)";
        }
        WilsonInterval ci = r.interval();
        return percent(r.rate()) + " [" + percent(ci.low()) + ", " + percent(ci.high()) + "] (n=" + r.reviewed() + ")";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private void message(String text) {
        if (messageLabel != null && !messageLabel.isDisposed()) {
            messageLabel.setText(text == null ? "" : text);
        }
    }

}
