package org.reasonlab.ui.internal.wizards;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.reasonlab.core.imports.DatasetImport;
import org.reasonlab.core.imports.ImportFormat;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.Split;

/**
 * Where the imported dataset goes (a workspace folder, taken from the selection, and a name taken
 * from the source), whether it becomes JSONL or keeps the source's format, and, before Finish, what
 * reading the source found: how many records, and each line that cannot be read (it is kept verbatim,
 * never dropped). An existing file may be chosen; Finish asks before replacing it, unless the records
 * are to be added to it as one split (with an optional id prefix), which keeps the file's records and format.
 */
public class ImportTargetPage extends WizardNewFileCreationPage {
    private final Supplier<Path> source;
    private final Supplier<ImportFormat> sourceFormat;
    private final ImportCheck check;
    private final Runnable requestCheck;
    private Button jsonlButton;
    private Button keepButton;
    private Button appendButton;
    private Combo appendSplit;
    private Text idPrefix;
    private Label summary;
    private List problemList;
    /** The name this page last suggested, replaced when the source changes unless the user typed another. */
    private String suggestedName;

    public ImportTargetPage(IStructuredSelection selection, Supplier<Path> source, Supplier<ImportFormat> sourceFormat,
            ImportCheck check, Runnable requestCheck) {
        super("target", selection);
        this.source = source;
        this.sourceFormat = sourceFormat;
        this.check = check;
        this.requestCheck = requestCheck;
        setTitle("Import Into");
        setDescription("Choose the folder and name of the imported dataset.");
        setAllowExistingResources(true);
    }

    @Override
    protected void createAdvancedControls(Composite parent) {
        Group output = new Group(parent, SWT.NONE);
        output.setText("Write as");
        GridLayoutFactory.swtDefaults().applyTo(output);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(output);
        jsonlButton = new Button(output, SWT.RADIO);
        jsonlButton.setText("&JSON Lines (.jsonl), ReasonLab's own format");
        jsonlButton.setSelection(true);
        keepButton = new Button(output, SWT.RADIO);
        keepButton.setText("&The source's format");
        jsonlButton.addListener(SWT.Selection, e -> formatChanged());
        keepButton.addListener(SWT.Selection, e -> formatChanged());

        Group existing = new Group(parent, SWT.NONE);
        existing.setText("Existing dataset");
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(existing);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(existing);
        appendButton = new Button(existing, SWT.CHECK);
        appendButton.setText("&Add the records to the file above as split:");
        appendSplit = new Combo(existing, SWT.READ_ONLY);
        for (Split split : Split.values()) {
            appendSplit.add(split.id());
        }
        appendSplit.select(Split.TEST.ordinal());
        new Label(existing, SWT.NONE).setText("with id &prefix:");
        idPrefix = new Text(existing, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(80, SWT.DEFAULT).applyTo(idPrefix);
        appendButton.addListener(SWT.Selection, e -> appendChanged());
        appendSplit.addListener(SWT.Selection, e -> setPageComplete(validatePage()));
        appendSplit.setEnabled(false);
        idPrefix.setEnabled(false);

        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(summary);
        problemList = new List(parent, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(500, 70).applyTo(problemList);
        check.addListener(this::show);
    }

    @Override
    protected IStatus validateLinkedResource() {
        return Status.OK_STATUS;
    }

    @Override
    protected void createLinkTarget() {
        // imported datasets are plain files, never links
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            sourceChanged();
            requestCheck.run();
        }
    }

    /** Suggests a name from the source (unless the user typed another) and names the source's format. */
    public void sourceChanged() {
        if (keepButton == null) {
            return;
        }
        ImportFormat format = sourceFormat.get();
        keepButton.setText("&The source's format (" + format.displayName().replace(" with column mapping", "") + ")");
        keepButton.getParent().layout(true, true);
        Path file = source.get();
        if (file != null && file.getFileName() != null) {
            String current = getFileName();
            if (current == null || current.isBlank() || current.equals(suggestedName)) {
                suggestedName = DatasetImport.targetName(file, outputFormat());
                setFileName(suggestedName);
            }
        }
        setPageComplete(validatePage());
    }

    private void formatChanged() {
        String name = getFileName();
        if (name != null && !name.isBlank()) {
            String renamed = DatasetImport.baseName(name.strip()) + "." + outputFormat().extension();
            if (name.equals(suggestedName)) {
                suggestedName = renamed;
            }
            setFileName(renamed);
        }
        setPageComplete(validatePage());
    }

    private void appendChanged() {
        boolean append = appendButton.getSelection();
        appendSplit.setEnabled(append);
        idPrefix.setEnabled(append);
        jsonlButton.setEnabled(!append);
        keepButton.setEnabled(!append);
        setPageComplete(validatePage());
    }

    @Override
    protected boolean validatePage() {
        if (!super.validatePage()) {
            return false;
        }
        if (keepButton == null) {
            return true;
        }
        if (appendSplit() != null) {
            return validateAppend();
        }
        String name = getFileName().strip();
        DatasetFormat wanted = outputFormat();
        DatasetFormat named = DatasetImport.formatOfName(name);
        String extension = wanted.extension();
        if (named == null || (named == DatasetFormat.JSONL) != (wanted == DatasetFormat.JSONL)
                || name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            setErrorMessage("'" + name + "' will hold " + (wanted == DatasetFormat.JSONL ? "JSON Lines" : "CSV")
                    + "; name it " + DatasetImport.baseName(name) + "." + extension);
            return false;
        }
        IFile file = targetFile();
        if (isSource(file)) {
            setErrorMessage("'" + file.getFullPath() + "' is the file being imported; choose another name");
            return false;
        }
        if (file.exists()) {
            setMessage("'" + file.getFullPath() + "' exists; Finish asks before replacing it.", WARNING);
        }
        return true;
    }

    /** Adding to a file: it must be a dataset that exists, other than the source; its format stays. */
    private boolean validateAppend() {
        IFile file = targetFile();
        if (!file.exists() || DatasetImport.formatOfName(file.getName()) == null) {
            setErrorMessage("'" + file.getFullPath() + "' is not an existing dataset to add the records to;"
                    + " choose one, or clear 'Add the records'");
            return false;
        }
        if (isSource(file)) {
            setErrorMessage("'" + file.getFullPath() + "' is the file being imported; choose another dataset");
            return false;
        }
        setMessage("The records are added to '" + file.getFullPath() + "' as split " + appendSplit().id()
                + "; its records stay as they are.", INFORMATION);
        return true;
    }

    private boolean isSource(IFile file) {
        Path from = source.get();
        return from != null && file.getLocation() != null
                && file.getLocation().toPath().toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize());
    }

    /** The split the records are added to an existing dataset as, or null when the import writes a file of its own. */
    public Split appendSplit() {
        return appendButton != null && appendButton.getSelection() ? Split.values()[appendSplit.getSelectionIndex()] : null;
    }

    /** The prefix for the imported ids when adding to an existing dataset; empty for none. */
    public String idPrefix() {
        return idPrefix == null ? "" : idPrefix.getText().strip();
    }

    /** Adds to the target file as {@code split} (null: a file of its own), with the id prefix; for tests. */
    public void setAppend(Split split, String prefix) {
        appendButton.setSelection(split != null);
        if (split != null) {
            appendSplit.select(split.ordinal());
        }
        idPrefix.setText(prefix == null ? "" : prefix);
        appendChanged();
    }

    private void show(ImportCheck.Outcome outcome) {
        if (summary == null || summary.isDisposed()) {
            return;
        }
        problemList.removeAll();
        if (outcome instanceof ImportCheck.Running) {
            summary.setText("Reading " + outcome.key().source().getFileName() + "...");
        } else if (outcome instanceof ImportCheck.Failed failed) {
            summary.setText("The file cannot be imported this way: " + failed.message());
        } else if (outcome instanceof ImportCheck.Read read) {
            summary.setText(CsvMappingPage.summaryOf(read));
            for (ParseProblem problem : read.problems()) {
                problemList.add(Problems.atLine(problem));
            }
            if (read.problemCount() > read.problems().size()) {
                problemList.add("and " + (read.problemCount() - read.problems().size()) + " more");
            }
        }
        summary.getParent().layout(true, true);
    }

    /** Whether the import keeps the source's format instead of writing JSONL. */
    public boolean keepSourceFormat() {
        return keepButton != null && keepButton.getSelection();
    }

    public void setKeepSourceFormat(boolean keep) {
        keepButton.setSelection(keep);
        jsonlButton.setSelection(!keep);
        formatChanged();
    }

    /** The format the import writes. */
    public DatasetFormat outputFormat() {
        return DatasetImport.outputFormat(sourceFormat.get(), keepSourceFormat());
    }

    /** The file to write. */
    public IFile targetFile() {
        return WorkspaceDatasets.root().getFile(getContainerFullPath().append(IPath.fromPortableString(getFileName().strip())));
    }

    /** The summary shown above the problems, for tests. */
    public String shownSummary() {
        return summary.getText();
    }

    /** The problems listed, for tests. */
    public java.util.List<String> shownProblems() {
        return java.util.List.of(problemList.getItems());
    }
}
