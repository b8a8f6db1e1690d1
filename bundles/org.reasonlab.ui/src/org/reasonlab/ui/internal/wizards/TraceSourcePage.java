package org.reasonlab.ui.internal.wizards;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.io.RealPaths;
import org.reasonlab.core.model.Split;
import org.reasonlab.ui.internal.contenttype.DatasetContentTypes;

/**
 * The first page of Import Reasoning Traces: the workspace dataset, the teacher's traces file (JSONL or CSV with the
 * record id and the trace), the split whose records take traces, and the new dataset to write.
 */
class TraceSourcePage extends WizardPage {
    private static final List<String> SPLITS = List.of("train", "validation", "test", "");
    private final List<IFile> datasets = new ArrayList<>();
    private Combo dataset;
    private Text traces;
    private Combo split;
    private Text output;
    private boolean outputEdited;

    TraceSourcePage(IStructuredSelection selection) {
        super("traceSource");
        setTitle("Import Reasoning Traces");
        setDescription("A teacher model's traces become the reasons of a copy of the dataset (the human reasons are"
                + " kept in metadata).");
        Set<IFile> found = new LinkedHashSet<>();
        if (selection != null) {
            for (Object element : selection.toList()) {
                if (Adapters.adapt(element, IResource.class) instanceof IFile file && DatasetContentTypes.isDataset(file)) {
                    found.add(file);
                }
            }
        }
        for (IProject project : WorkspaceDatasets.root().getProjects()) {
            WorkspaceDatasets.datasetsIn(project, found, ExportDatasetPage.MAX_CANDIDATES);
        }
        datasets.addAll(found);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        new Label(c, SWT.NONE).setText("Dataset:");
        dataset = new Combo(c, SWT.READ_ONLY | SWT.DROP_DOWN);
        dataset.setItems(datasets.stream().map(f -> f.getFullPath().toString()).toArray(String[]::new));
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(dataset);
        if (!datasets.isEmpty()) {
            dataset.select(0);
        }
        dataset.addListener(SWT.Selection, e -> {
            suggestOutput();
            check();
        });

        new Label(c, SWT.NONE).setText("Traces file:");
        traces = new Text(c, SWT.BORDER);
        traces.setToolTipText("JSONL with id and trace fields, or CSV with id and trace columns (docs/traces.md)");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(traces);
        traces.addModifyListener(e -> check());
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] { "*.jsonl;*.ndjson;*.csv", "*.*" });
            String chosen = d.open();
            if (chosen != null) {
                traces.setText(chosen);
            }
        });

        new Label(c, SWT.NONE).setText("Records taking traces:");
        split = new Combo(c, SWT.READ_ONLY | SWT.DROP_DOWN);
        split.setItems("split train (the others kept as they are)", "split validation", "split test", "all records");
        split.select(0);
        split.setToolTipText("Filtering an evaluation split by the teacher's correctness would make it easier: take"
                + " traces for the training split");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(split);

        new Label(c, SWT.NONE).setText("New dataset:");
        output = new Text(c, SWT.BORDER);
        output.setToolTipText("A workspace path ending in .jsonl or .csv");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(output);
        suggestOutput();
        output.addModifyListener(e -> {
            outputEdited = true;
            check();
        });
        setControl(c);
        check();
    }

    private void suggestOutput() {
        IFile file = dataset();
        if (file == null || output == null || outputEdited) {
            return;
        }
        String name = file.getName();
        int dot = name.lastIndexOf('.');
        output.setText(file.getParent().getFullPath().append((dot > 0 ? name.substring(0, dot) : name)
                + "-traces.jsonl").toString());
        outputEdited = false;
    }

    private void check() {
        String problem = problem();
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    private String problem() {
        if (dataset() == null) {
            return datasets.isEmpty() ? "The workspace has no dataset to import traces into." : "Choose the dataset.";
        }
        if (traces.getText().isBlank()) {
            return "Choose the traces file.";
        }
        Path tracesFile;
        try {
            tracesFile = tracesFile();
        } catch (InvalidPathException e) {
            return "Not a file name: " + traces.getText().strip();
        }
        if (!Files.isRegularFile(tracesFile)) {
            return "Traces file not found: " + traces.getText().strip();
        }
        IFile out = outputFile();
        if (out == null) {
            return "The new dataset must be a workspace path in a project, e.g. /project/data-traces.jsonl.";
        }
        String name = out.getName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".jsonl") && !name.endsWith(".csv")) {
            return "The new dataset must end in .jsonl or .csv (metadata keeps the human reasons).";
        }
        if (!out.getProject().isAccessible()) {
            return "Project " + out.getProject().getName() + " does not exist or is closed.";
        }
        if (out.getLocation() == null || dataset().getLocation() == null) {
            return "ReasonLab writes datasets only on the local file system.";
        }
        Path target = out.getLocation().toPath();
        Path source = dataset().getLocation().toPath();
        if (RealPaths.same(target, source) || RealPaths.same(target, tracesFile)) {
            return "The new dataset must be another file than the dataset and the traces file.";
        }
        if (RealPaths.same(target, LabelSchemaFile.sidecarFor(source))) {
            return "That is the dataset's label file; choose another name for the new dataset.";
        }
        return null;
    }

    IFile dataset() {
        int i = dataset == null ? -1 : dataset.getSelectionIndex();
        return i < 0 ? null : datasets.get(i);
    }

    Path tracesFile() {
        return Path.of(traces.getText().strip()).toAbsolutePath();
    }

    /** The split whose records take traces; null for all. */
    Split split() {
        String id = SPLITS.get(Math.max(0, split.getSelectionIndex()));
        return id.isEmpty() ? null : Split.parse(id).orElseThrow();
    }

    /** The new dataset's workspace file, or null when the text names none. */
    IFile outputFile() {
        String text = output.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        IPath path = IPath.fromPortableString(text).makeAbsolute();
        return path.segmentCount() < 2 ? null : WorkspaceDatasets.root().getFile(path);
    }

    /** Sets the fields (tests). */
    void set(IFile datasetFile, Path tracesFile, String splitId, String outputPath) {
        dataset.select(datasets.indexOf(datasetFile));
        traces.setText(tracesFile.toString());
        split.select(SPLITS.indexOf(splitId));
        output.setText(outputPath);
        check();
    }
}
