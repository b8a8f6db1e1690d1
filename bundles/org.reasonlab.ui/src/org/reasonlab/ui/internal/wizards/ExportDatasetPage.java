package org.reasonlab.ui.internal.wizards;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.ui.internal.contenttype.DatasetContentTypes;

/**
 * The datasets to export (those selected, or the datasets in the selected folders and projects),
 * the file-system folder to export to, the format and whether to write one file per split.
 */
public class ExportDatasetPage extends WizardPage {
    /** The most dataset files listed when searching folders. */
    static final int MAX_CANDIDATES = 2000;

    private final List<IFile> candidates = new ArrayList<>();
    private final Set<IFile> initiallyChecked = new LinkedHashSet<>();
    private CheckboxTableViewer viewer;
    private Text destinationText;
    private final Map<DatasetFormat, Button> formatButtons = new EnumMap<>(DatasetFormat.class);
    private Button perSplitButton;
    private Button sidecarButton;
    private String initialDestination;

    public ExportDatasetPage(IStructuredSelection selection) {
        super("export");
        setTitle("Export Datasets");
        setDescription("Export datasets to a folder of the file system as JSON Lines, CSV or DFAR CSV.");
        setPageComplete(false);
        collect(selection);
    }

    /** The datasets the selection names or holds; when it holds none, those of the whole workspace, unchecked. */
    private void collect(IStructuredSelection selection) {
        Set<IFile> found = new LinkedHashSet<>();
        if (selection != null) {
            for (Object element : selection.toList()) {
                IResource resource = Adapters.adapt(element, IResource.class);
                if (resource instanceof IFile file) {
                    if (DatasetContentTypes.isDataset(file)) {
                        found.add(file);
                    }
                } else if (resource instanceof IContainer container) {
                    WorkspaceDatasets.datasetsIn(container, found, MAX_CANDIDATES);
                }
            }
        }
        initiallyChecked.addAll(found);
        if (found.isEmpty()) {
            for (IProject project : WorkspaceDatasets.root().getProjects()) {
                if (project.isOpen()) {
                    WorkspaceDatasets.datasetsIn(project, found, MAX_CANDIDATES);
                }
            }
        }
        candidates.addAll(found);
    }

    @Override
    public void createControl(Composite parent) {
        Composite composite = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(composite);

        Label filesLabel = new Label(composite, SWT.NONE);
        filesLabel.setText("&Datasets:");
        GridDataFactory.fillDefaults().span(3, 1).applyTo(filesLabel);
        viewer = CheckboxTableViewer.newCheckList(composite, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((IFile) element).getFullPath().makeRelative().toString();
            }
        });
        viewer.setInput(candidates);
        viewer.setCheckedElements(initiallyChecked.toArray());
        viewer.addCheckStateListener(e -> validate());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(400, 120).applyTo(viewer.getControl());
        Composite selectButtons = new Composite(composite, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(selectButtons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(selectButtons);
        Button all = new Button(selectButtons, SWT.PUSH);
        all.setText("&Select All");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(all);
        all.addListener(SWT.Selection, e -> {
            viewer.setAllChecked(true);
            validate();
        });
        Button none = new Button(selectButtons, SWT.PUSH);
        none.setText("Dese&lect All");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(none);
        none.addListener(SWT.Selection, e -> {
            viewer.setAllChecked(false);
            validate();
        });

        new Label(composite, SWT.NONE).setText("To &folder:");
        destinationText = new Text(composite, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(destinationText);
        if (initialDestination != null) {
            destinationText.setText(initialDestination);
        }
        destinationText.addListener(SWT.Modify, e -> validate());
        Button browse = new Button(composite, SWT.PUSH);
        browse.setText("B&rowse...");
        browse.addListener(SWT.Selection, e -> browse());

        Group formats = new Group(composite, SWT.NONE);
        formats.setText("Format");
        GridLayoutFactory.swtDefaults().applyTo(formats);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(formats);
        for (DatasetFormat format : DatasetFormat.values()) {
            Button button = new Button(formats, SWT.RADIO);
            button.setText(switch (format) {
                case JSONL -> "&JSON Lines (.jsonl), with every field";
                case CSV -> "&CSV (.csv): id, statement, label, reason, split and every other field as a column";
                case DFAR_CSV -> "DF&AR CSV (.csv): only Statement, Label (as 0 / 1) and Reason";
            });
            button.addListener(SWT.Selection, e -> validate());
            formatButtons.put(format, button);
        }
        formatButtons.get(DatasetFormat.JSONL).setSelection(true);

        perSplitButton = new Button(composite, SWT.CHECK);
        perSplitButton.setText("One file &per split: NAME-train, NAME-validation, NAME-test and NAME-unassigned;"
                + " lines that cannot be read go to NAME-unparsed.txt");
        GridDataFactory.fillDefaults().span(3, 1).applyTo(perSplitButton);
        perSplitButton.addListener(SWT.Selection, e -> validate());
        sidecarButton = new Button(composite, SWT.CHECK);
        sidecarButton.setText("Write the &labels (NAME.labels.json) beside datasets that have their own");
        sidecarButton.setSelection(true);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(sidecarButton);

        setControl(composite);
        validate();
        setErrorMessage(null);
    }

    private void browse() {
        DirectoryDialog dialog = new DirectoryDialog(getShell(), SWT.SHEET);
        dialog.setText("Export Datasets");
        dialog.setMessage("Choose the folder to export to.");
        Path current = destination();
        if (current != null) {
            dialog.setFilterPath(current.toString());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            destinationText.setText(chosen);
        }
    }

    private void validate() {
        String error = null;
        String message = null;
        if (files().isEmpty()) {
            message = candidates.isEmpty() ? "There are no datasets (.jsonl, dataset .csv) in the selection or workspace."
                    : "Tick the datasets to export.";
        } else if (destinationText.getText().isBlank()) {
            message = "Choose the folder to export to.";
        } else {
            Path folder = destination();
            if (folder == null || !folder.isAbsolute()) {
                error = "Type the folder's full path, or choose it with Browse...";
            } else if (Files.exists(folder) && !Files.isDirectory(folder)) {
                error = folder + " is a file, not a folder";
            } else if (!Files.exists(folder)) {
                message = folder + " does not exist yet; it will be created.";
            }
        }
        setErrorMessage(error);
        setMessage(message, message != null && message.endsWith("created.") ? INFORMATION : NONE);
        setPageComplete(error == null && !files().isEmpty() && destination() != null && destination().isAbsolute());
    }

    /** The datasets offered. */
    public List<IFile> candidates() {
        return List.copyOf(candidates);
    }

    /** The datasets ticked, in the order listed. */
    public List<IFile> files() {
        if (viewer == null) {
            return List.copyOf(initiallyChecked);
        }
        return Arrays.stream(viewer.getCheckedElements()).map(IFile.class::cast).toList();
    }

    /** Ticks exactly these datasets, listing those not offered yet. */
    public void setFiles(List<IFile> files) {
        for (IFile file : files) {
            if (!candidates.contains(file)) {
                candidates.add(file);
            }
        }
        viewer.refresh();
        viewer.setCheckedElements(files.toArray());
        validate();
    }

    /** The folder typed or chosen, or null. */
    public Path destination() {
        String text = destinationText == null ? initialDestination : destinationText.getText().strip();
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    public void setDestination(Path folder) {
        String text = folder == null ? "" : folder.toString();
        if (destinationText == null) {
            initialDestination = text;
        } else {
            destinationText.setText(text);
        }
    }

    public DatasetFormat format() {
        for (Map.Entry<DatasetFormat, Button> entry : formatButtons.entrySet()) {
            if (entry.getValue().getSelection()) {
                return entry.getKey();
            }
        }
        return DatasetFormat.JSONL;
    }

    public void setFormat(DatasetFormat format) {
        formatButtons.forEach((f, button) -> button.setSelection(f == format));
        validate();
    }

    public boolean perSplit() {
        return perSplitButton.getSelection();
    }

    public void setPerSplit(boolean perSplit) {
        perSplitButton.setSelection(perSplit);
        validate();
    }

    public boolean schemaSidecars() {
        return sidecarButton.getSelection();
    }

    public void setSchemaSidecars(boolean write) {
        sidecarButton.setSelection(write);
    }
}
