package org.reasonlab.ui.internal.wizards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.imports.CsvPreview;
import org.reasonlab.core.imports.DatasetImport;
import org.reasonlab.core.imports.ImportFormat;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.model.LabelSchema;

/**
 * The file to import from the file system, its format (guessed from its name and header when it is
 * chosen) and its labels (those of its {@code NAME.labels.json} sidecar when it has one).
 */
public class ImportSourcePage extends WizardPage {
    private final Runnable onChange;
    private Text sourceText;
    private final Map<ImportFormat, Button> formatButtons = new EnumMap<>(ImportFormat.class);
    private LabelSchemaGroup labels;
    private String initialSource;
    private String browseFolder;
    private boolean updating;

    /** @param onChange called when the source, its format or the labels change */
    public ImportSourcePage(Runnable onChange) {
        super("source");
        this.onChange = onChange;
        setTitle("Import a Dataset");
        setDescription("Import a dataset file from the file system into the workspace.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite composite = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(composite);

        new Label(composite, SWT.NONE).setText("&File:");
        sourceText = new Text(composite, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).hint(350, SWT.DEFAULT).applyTo(sourceText);
        Button browse = new Button(composite, SWT.PUSH);
        browse.setText("B&rowse...");
        browse.addListener(SWT.Selection, e -> browse());

        Group formats = new Group(composite, SWT.NONE);
        formats.setText("Format");
        GridLayoutFactory.swtDefaults().applyTo(formats);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(formats);
        for (ImportFormat format : ImportFormat.values()) {
            Button button = new Button(formats, SWT.RADIO);
            button.setText(switch (format) {
                case JSONL -> "&JSON Lines: one record object per line";
                case DFAR_CSV -> "&DFAR CSV: Statement,Label,Reason with 0 = ethical, 1 = unethical; rows numbered as ids";
                case CSV -> "&CSV with a header row; map its columns to the record's fields on the next page";
            });
            button.addListener(SWT.Selection, e -> {
                if (button.getSelection() && !updating) {
                    changed();
                }
            });
            formatButtons.put(format, button);
        }
        formatButtons.get(ImportFormat.JSONL).setSelection(true);

        labels = new LabelSchemaGroup(composite, "Labels other than the default ones are saved beside the imported"
                + " dataset as NAME.labels.json.", () -> {
                    if (!updating) {
                        changed();
                    }
                });
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(labels.control());

        sourceText.addListener(SWT.Modify, e -> sourceModified());
        setControl(composite);
        if (initialSource != null) {
            sourceText.setText(initialSource);
        }
        validate();
        setErrorMessage(null);
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN | SWT.SHEET);
        dialog.setText("Import a Dataset");
        dialog.setFilterExtensions(new String[] {"*.jsonl;*.ndjson;*.json;*.csv", "*.*"});
        dialog.setFilterNames(new String[] {"Datasets (*.jsonl, *.csv)", "All files"});
        Path current = source();
        if (current != null && current.getParent() != null) {
            dialog.setFilterPath(current.getParent().toString());
        } else if (browseFolder != null) {
            dialog.setFilterPath(browseFolder);
        }
        String chosen = dialog.open();
        if (chosen != null) {
            sourceText.setText(chosen);
        }
    }

    /** A new file: guess its format and read its sidecar's labels. */
    private void sourceModified() {
        setMessage(null);
        Path source = source();
        if (source != null && Files.isRegularFile(source)) {
            updating = true;
            try {
                try {
                    selectFormat(DatasetImport.detect(source));
                } catch (IOException e) {
                    // validate() reports it
                }
                LabelSchema schema = LabelSchema.defaultSchema();
                try {
                    schema = LabelSchemaFile.read(LabelSchemaFile.sidecarFor(source)).orElse(schema);
                } catch (IOException e) {
                    setMessage("The sidecar " + LabelSchemaFile.sidecarFor(source) + " cannot be read: "
                            + FileErrors.describe(e) + "; the default labels are used.", WARNING);
                }
                labels.setSchema(schema);
            } finally {
                updating = false;
            }
        }
        changed();
    }

    private void selectFormat(ImportFormat format) {
        formatButtons.forEach((f, button) -> button.setSelection(f == format));
    }

    private void changed() {
        validate();
        onChange.run();
    }

    private void validate() {
        String error = problem();
        setErrorMessage(error);
        if (error == null && source() == null) {
            setMessage(null);
        }
        setPageComplete(error == null && source() != null);
    }

    /** What keeps the page from being complete, or null. */
    private String problem() {
        String text = sourceText.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        Path source = source();
        if (source == null || !source.isAbsolute()) {
            return "Type the file's full path, or choose it with Browse...";
        }
        if (!Files.exists(source)) {
            return source + " does not exist";
        }
        if (!Files.isRegularFile(source)) {
            return source + " is not a file";
        }
        if (!Files.isReadable(source)) {
            return source + " cannot be read (permission denied)";
        }
        if (format() != ImportFormat.JSONL) {
            try {
                CsvPreview preview = CsvPreview.read(source, 0);
                if (format() == ImportFormat.DFAR_CSV && !DatasetImport.isDfarHeader(preview.header())) {
                    return source + ":" + preview.headerLine() + ": the header is " + String.join(",", preview.header())
                            + ", not Statement,Label,Reason as in DFAR CSV; choose CSV with a header row";
                }
            } catch (IOException e) {
                return FileErrors.describe(e);
            }
        }
        return labels.errorMessage();
    }

    /** The file typed or chosen, or null when none (or not a path). */
    public Path source() {
        String text = sourceText == null ? initialSource : sourceText.getText().strip();
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The folder Browse... starts in when no file is chosen yet, e.g. that of the last import; may be null. */
    public void setBrowseFolder(String folder) {
        this.browseFolder = folder;
    }

    /** Sets the file to import (its format and labels are guessed again). */
    public void setSource(Path source) {
        if (sourceText == null) {
            initialSource = source == null ? null : source.toString();
        } else {
            sourceText.setText(source == null ? "" : source.toString());
        }
    }

    public ImportFormat format() {
        for (Map.Entry<ImportFormat, Button> entry : formatButtons.entrySet()) {
            if (entry.getValue().getSelection()) {
                return entry.getKey();
            }
        }
        return ImportFormat.JSONL;
    }

    public void setFormat(ImportFormat format) {
        selectFormat(format);
        changed();
    }

    /** The label choice. */
    public LabelSchemaGroup labels() {
        return labels;
    }

    /** The chosen labels; the default ones when the typed labels have problems (the page is then incomplete). */
    public LabelSchema schema() {
        LabelSchema schema = labels == null ? null : labels.schema();
        return schema == null ? LabelSchema.defaultSchema() : schema;
    }
}
