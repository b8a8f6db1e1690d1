package org.reasonlab.ui.internal.views.overview;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.eclipse.ui.ide.ResourceUtil;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;
import org.reasonlab.core.stats.DatasetStatistics;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.contenttype.DatasetContentTypes;

/**
 * Shows the figures of the dataset file that is selected in the workbench (or open in the active
 * editor): record, label and split counts, reason lengths, data quality counts and validation
 * problems. Files are read by a {@link DatasetOverviewJob}; a newer selection cancels an older job.
 */
public class DatasetOverviewView extends ViewPart {
    public static final String ID = ReasonLabUi.DATASET_OVERVIEW_VIEW;
    private static final String REASON_LENGTH_TITLE = "Reason length in words";
    public static final String NO_DATASET_MESSAGE = "Select a dataset file (.jsonl, .csv) to see its overview.";

    private final ISelectionListener selectionListener = this::selectionChanged;
    private final IPartListener2 editorListener = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            editorActivated(ref);
        }
    };

    private Display display;
    private FormToolkit toolkit;
    private StackLayout pages;
    private Composite messagePage;
    private Label messageIcon;
    private Label messageText;
    private ScrolledForm form;
    private Label summary;
    private TextTable labelTable;
    private TextTable splitTable;
    private TextTable labelBySplitTable;
    private Section reasonSection;
    private TextTable reasonLengthTable;
    private ReasonLengthChart reasonLengthChart;
    private TextTable qualityTable;
    private TextTable validationTable;
    private TextTable validationKindTable;
    private Label noValidationProblems;

    private DatasetOverviewJob job;
    private int loadGeneration;
    private DatasetOverview shown;

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        toolkit = new FormToolkit(display);
        pages = new StackLayout();
        parent.setLayout(pages);
        createMessagePage(parent);
        createOverviewPage(parent);
        showMessage(NO_DATASET_MESSAGE, false);

        getSite().getPage().addPostSelectionListener(selectionListener);
        getSite().getPage().addPartListener(editorListener);
        followCurrentSelection();
    }

    private void createMessagePage(Composite parent) {
        messagePage = toolkit.createComposite(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(messagePage);
        messageIcon = toolkit.createLabel(messagePage, "");
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(messageIcon);
        messageText = toolkit.createLabel(messagePage, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(messageText);
    }

    private void createOverviewPage(Composite parent) {
        form = toolkit.createScrolledForm(parent);
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        GridLayoutFactory.swtDefaults().numColumns(2).equalWidth(false).margins(10, 8).spacing(14, 12).applyTo(body);

        summary = toolkit.createLabel(body, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(summary);

        labelTable = new TextTable(section(body, "Labels", 1), toolkit, "Label", "Records", "Share");
        splitTable = new TextTable(section(body, "Splits", 1), toolkit, "Split", "Records", "Share");
        labelBySplitTable = new TextTable(section(body, "Labels by split", 2), toolkit, "Label", "Total");

        reasonSection = createSection(body, REASON_LENGTH_TITLE, 2);
        Composite reasons = (Composite) reasonSection.getClient();
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(14, 0).applyTo(reasons);
        reasonLengthTable = new TextTable(reasons, toolkit, "Figure", "Words");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(reasonLengthTable.table());
        reasonLengthChart = new ReasonLengthChart(reasons, toolkit);

        qualityTable = new TextTable(section(body, "Data quality", 1), toolkit, "Check", "Count");
        Composite validation = section(body, "Validation problems", 1);
        GridLayoutFactory.fillDefaults().margins(0, 4).spacing(0, 8).applyTo(validation);
        validationTable = new TextTable(validation, toolkit, "Severity", "Count");
        validationKindTable = new TextTable(validation, toolkit, "Problem", "Count", "Records");
        noValidationProblems = toolkit.createLabel(validation, "No validation problems.");
        GridDataFactory.fillDefaults().applyTo(noValidationProblems);
    }

    /** A titled section spanning the given number of columns; returns its client composite. */
    private Composite section(Composite body, String title, int span) {
        return (Composite) createSection(body, title, span).getClient();
    }

    private Section createSection(Composite body, String title, int span) {
        Section section = toolkit.createSection(body, ExpandableComposite.TITLE_BAR);
        section.setText(title);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).align(SWT.FILL, SWT.BEGINNING).applyTo(section);
        Composite client = toolkit.createComposite(section);
        GridLayoutFactory.fillDefaults().margins(0, 4).applyTo(client);
        section.setClient(client);
        return section;
    }

    // ---- following the workbench ---------------------------------------------------------------

    private void followCurrentSelection() {
        ISelection selection = getSite().getPage().getSelection();
        IWorkbenchPart activePart = getSite().getPage().getActivePart();
        if (selection != null && activePart != null) {
            selectionChanged(activePart, selection);
        }
        if (shown == null && job == null) {
            IEditorPart editor = getSite().getPage().getActiveEditor();
            if (editor != null) {
                showIfDataset(ResourceUtil.getFile(editor.getEditorInput()));
            }
        }
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part == this) {
            return;
        }
        switch (SelectedResource.of(selection)) {
            case SelectedResource.Dataset dataset -> showDataset(dataset.file());
            case SelectedResource.OtherResource other -> showMessage(NO_DATASET_MESSAGE, false);
            case SelectedResource.Nothing nothing -> {
                // not about resources (a text selection, a marker, an empty selection): keep what is shown
            }
        }
    }

    private void editorActivated(IWorkbenchPartReference ref) {
        if (ref instanceof IEditorReference editorRef) {
            IEditorPart editor = editorRef.getEditor(false);
            if (editor != null) {
                showIfDataset(ResourceUtil.getFile(editor.getEditorInput()));
            }
        }
    }

    private void showIfDataset(IFile file) {
        if (file != null && DatasetContentTypes.isDataset(file)) {
            showDataset(file);
        }
    }

    // ---- loading -------------------------------------------------------------------------------

    /**
     * Shows the overview of the given dataset file, reading it in the background. Does nothing if
     * that file, unchanged, is already shown or being read.
     */
    public void showDataset(IFile file) {
        Objects.requireNonNull(file, "file");
        if (isDisposed()) {
            return;
        }
        if (job != null && job.file().equals(file) && job.getState() != Job.NONE) {
            return;
        }
        if (job == null && shown != null && shown.file().equals(file)
                && shown.modificationStamp() == file.getModificationStamp()) {
            return;
        }
        if (job != null) {
            job.cancel();
        }
        int generation = ++loadGeneration;
        job = new DatasetOverviewJob(file, outcome -> deliverLater(generation, outcome));
        showLoading(file);
        IWorkbenchSiteProgressService progress = getSite().getService(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.schedule(job, 0, true);
        } else {
            job.schedule();
        }
    }

    private void deliverLater(int generation, OverviewOutcome outcome) {
        if (display == null || display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (isDisposed() || generation != loadGeneration) {
                return;
            }
            job = null;
            switch (outcome) {
                case OverviewOutcome.Loaded loaded -> showOverview(loaded.overview());
                case OverviewOutcome.Failed failed -> showMessage(failed.message(), true);
            }
        });
    }

    // ---- showing -------------------------------------------------------------------------------

    private void showLoading(IFile file) {
        String text = "Reading " + file.getName() + "\u2026";
        if (pages.topControl == form) {
            form.setBusy(true);
            form.setMessage(text, IMessageProvider.INFORMATION);
        } else {
            showMessageText(text, false);
        }
    }

    private void showMessage(String text, boolean error) {
        if (job != null) {
            job.cancel();
            job = null;
            loadGeneration++;
        }
        shown = null;
        showMessageText(text, error);
        setContentDescription("");
    }

    private void showMessageText(String text, boolean error) {
        messageIcon.setImage(PlatformUI.getWorkbench().getSharedImages()
                .getImage(error ? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJS_INFO_TSK));
        messageText.setText(text);
        bringToTop(messagePage);
    }

    private void showOverview(DatasetOverview overview) {
        shown = overview;
        form.setBusy(false);
        form.setMessage(null, IMessageProvider.NONE);
        form.setText(overview.file().getName());
        summary.setText(OverviewRows.summary(overview));
        labelTable.setRows(OverviewRows.labels(overview));
        splitTable.setRows(OverviewRows.splits(overview));
        labelBySplitTable.setHeaders(OverviewRows.labelBySplitHeaders(overview));
        labelBySplitTable.setRows(OverviewRows.labelBySplit(overview));
        int measured = overview.statistics().reasonWords().count();
        reasonSection.setText(REASON_LENGTH_TITLE + " (" + measured + (measured == 1 ? " reason)" : " reasons)"));
        reasonLengthTable.setRows(OverviewRows.reasonLength(overview));
        reasonLengthChart.setHistogram(overview.statistics().reasonWords().histogram());
        qualityTable.setRows(OverviewRows.quality(overview));
        setSeverityRows(validationTable, OverviewRows.validation(overview));
        List<OverviewRows.SeverityRow> kinds = OverviewRows.validationKinds(overview);
        setSeverityRows(validationKindTable, kinds);
        showOnly(kinds.isEmpty() ? noValidationProblems : validationKindTable.table(),
                kinds.isEmpty() ? validationKindTable.table() : noValidationProblems);
        setContentDescription("");
        bringToTop(form);
        form.reflow(true);
    }

    /** Fills a table whose rows start with the icon of their severity. */
    private static void setSeverityRows(TextTable table, List<OverviewRows.SeverityRow> rows) {
        Map<String[], Severity> severities = new IdentityHashMap<>();
        for (OverviewRows.SeverityRow row : rows) {
            severities.put(row.cells(), row.severity());
        }
        table.setRows(rows.stream().map(OverviewRows.SeverityRow::cells).toList(),
                cells -> severityImage(severities.get(cells)));
    }

    private static Image severityImage(Severity severity) {
        String key = switch (severity) {
            case ERROR -> ISharedImages.IMG_OBJS_ERROR_TSK;
            case WARNING -> ISharedImages.IMG_OBJS_WARN_TSK;
            case INFO -> ISharedImages.IMG_OBJS_INFO_TSK;
        };
        return PlatformUI.getWorkbench().getSharedImages().getImage(key);
    }

    /** Shows one control and hides the other, leaving no gap where the hidden one was. */
    private static void showOnly(Control shown, Control hidden) {
        shown.setVisible(true);
        ((GridData) shown.getLayoutData()).exclude = false;
        hidden.setVisible(false);
        ((GridData) hidden.getLayoutData()).exclude = true;
    }

    private void bringToTop(Control page) {
        pages.topControl = page;
        page.getParent().layout(true, true);
    }

    private boolean isDisposed() {
        return form == null || form.isDisposed();
    }

    @Override
    public void setFocus() {
        (pages.topControl == form ? form : messagePage).setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(selectionListener);
        getSite().getPage().removePartListener(editorListener);
        if (job != null) {
            job.cancel();
            job = null;
        }
        if (toolkit != null) {
            toolkit.dispose();
        }
        super.dispose();
    }

    // ---- read-back for tests and other parts ---------------------------------------------------

    /** The job reading the file to show, or null when none is under way. */
    public Job currentJob() {
        return job;
    }

    /** The overview shown, or null while a message (no selection, loading, error) is shown. */
    public DatasetOverview shownOverview() {
        return shown;
    }

    public DatasetStatistics shownStatistics() {
        return shown == null ? null : shown.statistics();
    }

    /** The message shown instead of an overview, or null when an overview is shown. */
    public String shownMessage() {
        return pages.topControl == messagePage ? messageText.getText() : null;
    }

    /** Rows of the label table, cells joined by tabs: label, records, share. */
    public List<String> labelTableRows() {
        return labelTable.rowsAsText();
    }

    /** Rows of the split table, cells joined by tabs: split, records, share. */
    public List<String> splitTableRows() {
        return splitTable.rowsAsText();
    }

    /** Rows of the label-by-split table, cells joined by tabs: label, one count per split, total. */
    public List<String> labelBySplitRows() {
        return labelBySplitTable.rowsAsText();
    }

    /** Rows of the reason length table, cells joined by tabs: figure, words. */
    public List<String> reasonLengthRows() {
        return reasonLengthTable.rowsAsText();
    }

    /** Rows of the data quality table, cells joined by tabs: check, count. */
    public List<String> qualityRows() {
        return qualityTable.rowsAsText();
    }

    /** Rows of the validation table, cells joined by tabs: severity, count. */
    public List<String> validationRows() {
        return validationTable.rowsAsText();
    }

    /** Rows of the validation-by-kind table, cells joined by tabs: problem, severity, count, where. */
    public List<String> validationKindRows() {
        return validationKindTable.rowsAsText();
    }

    /** The bar heights of the reason length histogram. */
    public double[] histogramCounts() {
        return reasonLengthChart.shownCounts();
    }
}
