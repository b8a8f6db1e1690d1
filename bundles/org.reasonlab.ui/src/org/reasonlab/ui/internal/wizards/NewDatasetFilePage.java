package org.reasonlab.ui.internal.wizards;

import java.util.Locale;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.reasonlab.core.model.DatasetFormat;

/**
 * The folder and name of a new dataset file: {@code .jsonl} (the default; a name without extension
 * gets it) or {@code .csv}. The folder is taken from the selection, the name is one not yet taken.
 * Existing files are refused, as in every New wizard.
 */
public class NewDatasetFilePage extends WizardNewFileCreationPage {
    static final String DEFAULT_BASE = "dataset";

    public NewDatasetFilePage(IStructuredSelection selection) {
        super("datasetFile", selection);
        setTitle("ReasonLab Dataset");
        setDescription("Create a label + reason dataset: JSON Lines (.jsonl) or CSV (.csv).");
        setFileName(freeName(containerOf(selection)));
    }

    /** The container the selection is or is in, or null. */
    static IContainer containerOf(IStructuredSelection selection) {
        if (selection == null || selection.isEmpty()) {
            return null;
        }
        IResource resource = Adapters.adapt(selection.getFirstElement(), IResource.class);
        if (resource == null) {
            return null;
        }
        return resource instanceof IContainer container ? container : resource.getParent();
    }

    /** {@code dataset.jsonl}, or {@code dataset2.jsonl}, ... when that exists in the container. */
    static String freeName(IContainer container) {
        for (int n = 1;; n++) {
            String name = DEFAULT_BASE + (n == 1 ? "" : Integer.toString(n)) + ".jsonl";
            if (container == null || container.getType() == IResource.ROOT || !container.exists() || !container.getFile(IPath.fromPortableString(name)).exists()
                    && !container.getFile(IPath.fromPortableString(DEFAULT_BASE + (n == 1 ? "" : Integer.toString(n))
                            + ".labels.json")).exists()) {
                return name;
            }
        }
    }

    @Override
    protected void createAdvancedControls(Composite parent) {
        Label hint = new Label(parent, SWT.WRAP);
        hint.setText("Name the file .jsonl for JSON Lines (recommended: one record per line, as Hugging Face datasets"
                + " reads it) or .csv for CSV. A name without an extension gets .jsonl.");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(hint);
    }

    @Override
    protected IStatus validateLinkedResource() {
        return Status.OK_STATUS;
    }

    @Override
    protected void createLinkTarget() {
        // datasets are plain files in their folder, never links
    }

    @Override
    protected boolean validatePage() {
        if (!super.validatePage()) {
            return false;
        }
        String name = effectiveFileName();
        if (formatOf(name) == null) {
            setErrorMessage("'" + name + "' is not a dataset file name; end it with .jsonl or .csv");
            return false;
        }
        if (!name.equals(getFileName().strip())) {
            IFile file = targetFile();
            if (file.exists()) {
                setErrorMessage("'" + file.getFullPath() + "' exists already");
                return false;
            }
            setMessage("The file will be named " + name + ".", INFORMATION);
        }
        return true;
    }

    /** The name typed, with {@code .jsonl} added when it has no extension. */
    public String effectiveFileName() {
        String name = getFileName() == null ? "" : getFileName().strip();
        return name.isEmpty() || name.lastIndexOf('.') > 0 ? name : name + ".jsonl";
    }

    /** JSONL for {@code .jsonl}/{@code .ndjson}, CSV for {@code .csv}, null for any other name. */
    static DatasetFormat formatOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return DatasetFormat.JSONL;
        }
        return name.endsWith(".csv") ? DatasetFormat.CSV : null;
    }

    /** The file to create. */
    public IFile targetFile() {
        return WorkspaceDatasets.root().getFile(getContainerFullPath().append(effectiveFileName()));
    }

    /** The format the file name asks for. */
    public DatasetFormat format() {
        return formatOf(effectiveFileName());
    }
}
