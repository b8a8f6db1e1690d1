package org.reasonlab.ui.internal.wizards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.reasonlab.core.imports.ColumnMapping;
import org.reasonlab.core.imports.ColumnRole;
import org.reasonlab.core.imports.CsvPreview;
import org.reasonlab.core.imports.ImportFormat;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.LabelSchema;

/**
 * Maps the columns of a CSV file to record fields: one combo box per header column (id, statement,
 * label, reason, split, keep as an extra field, ignore), guessed from the header; a preview of the
 * first rows as they are in the file, each with its line and problem; and the problems the whole
 * file has with this mapping, by line.
 */
public class CsvMappingPage extends WizardPage {
    static final int PREVIEW_ROWS = 20;
    private static final int MAX_CELL = 120;

    private final Supplier<Path> source;
    private final Supplier<LabelSchema> schema;
    private final ImportCheck check;

    private Composite columnsArea;
    private ScrolledComposite columnsScroll;
    private final List<Combo> combos = new ArrayList<>();
    private Table previewTable;
    private Label summary;
    private org.eclipse.swt.widgets.List problemList;

    private Path previewSource;
    private long previewModified;
    private CsvPreview preview;
    private String previewError;
    private ColumnMapping mapping;

    public CsvMappingPage(Supplier<Path> source, Supplier<LabelSchema> schema, ImportCheck check) {
        super("mapping");
        this.source = source;
        this.schema = schema;
        this.check = check;
        setTitle("Map the CSV Columns");
        setDescription("Choose what each column of the file becomes. Rows that cannot be read are kept verbatim.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite composite = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(composite);

        new Label(composite, SWT.NONE).setText("Columns:");
        columnsScroll = new ScrolledComposite(composite, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        columnsScroll.setExpandHorizontal(true);
        columnsScroll.setExpandVertical(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 140).applyTo(columnsScroll);
        columnsArea = new Composite(columnsScroll, SWT.NONE);
        columnsScroll.setContent(columnsArea);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(columnsArea);

        new Label(composite, SWT.NONE).setText("First rows of the file:");
        previewTable = new Table(composite, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        previewTable.setHeaderVisible(true);
        previewTable.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 120).applyTo(previewTable);

        summary = new Label(composite, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(560, SWT.DEFAULT).applyTo(summary);
        problemList = new org.eclipse.swt.widgets.List(composite, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 70).applyTo(problemList);

        check.addListener(this::show);
        setControl(composite);
        refresh();
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            refresh();
            requestCheck();
        }
    }

    /**
     * Reads the header and first rows again when the source is another file or has changed since;
     * a new header gets the mapping its names suggest.
     */
    public void refresh() {
        if (previewTable == null) {
            return;
        }
        Path file = source.get();
        long modified = modified(file);
        if (file != null && file.equals(previewSource) && modified == previewModified && (preview != null || previewError != null)) {
            validate();
            return;
        }
        previewSource = file;
        previewModified = modified;
        preview = null;
        previewError = null;
        if (file != null) {
            try {
                preview = CsvPreview.read(file, PREVIEW_ROWS);
            } catch (IOException e) {
                previewError = FileErrors.describe(e);
            }
        }
        if (preview == null) {
            mapping = null;
        } else if (mapping == null || !mapping.columns().equals(preview.header())) {
            mapping = ColumnMapping.guess(preview.header());
        }
        rebuildColumns();
        fillPreview();
        validate();
    }

    private static long modified(Path file) {
        try {
            return file == null ? -1 : Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private void rebuildColumns() {
        for (Control child : columnsArea.getChildren()) {
            child.dispose();
        }
        combos.clear();
        if (mapping != null) {
            bold(new Label(columnsArea, SWT.NONE), "Column");
            bold(new Label(columnsArea, SWT.NONE), "Becomes");
            bold(new Label(columnsArea, SWT.NONE), "In the first row");
            List<String> first = preview.rows().isEmpty() ? List.of() : preview.rows().get(0).cells();
            String[] roles = new String[ColumnRole.values().length];
            for (ColumnRole role : ColumnRole.values()) {
                roles[role.ordinal()] = role.displayName();
            }
            for (int i = 0; i < mapping.size(); i++) {
                int column = i;
                Label name = new Label(columnsArea, SWT.NONE);
                name.setText((i + 1) + ". " + shorten(mapping.columns().get(i)));
                GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(name);
                Combo combo = new Combo(columnsArea, SWT.READ_ONLY | SWT.DROP_DOWN);
                combo.setItems(roles);
                combo.select(mapping.role(i).ordinal());
                combo.addListener(SWT.Selection, e -> {
                    mapping = mapping.with(column, ColumnRole.values()[combo.getSelectionIndex()]);
                    mappingChanged();
                });
                combos.add(combo);
                Label example = new Label(columnsArea, SWT.NONE);
                example.setText(i < first.size() ? shorten(first.get(i)) : "");
                GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(example);
            }
        }
        Point size = columnsArea.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        columnsScroll.setMinSize(size);
        columnsArea.layout(true, true);
    }

    private static void bold(Label label, String text) {
        label.setText(text);
        label.setFont(JFaceResources.getFontRegistry()
                .getBold(JFaceResources.DEFAULT_FONT));
    }

    private void fillPreview() {
        previewTable.setRedraw(false);
        try {
            previewTable.removeAll();
            for (TableColumn column : previewTable.getColumns()) {
                column.dispose();
            }
            if (preview == null) {
                return;
            }
            column("Line", 50);
            for (String name : preview.header()) {
                column(shorten(name), 110);
            }
            column("Problem", 220);
            int columns = preview.header().size();
            for (CsvPreview.Row row : preview.rows()) {
                TableItem item = new TableItem(previewTable, SWT.NONE);
                item.setText(0, Integer.toString(row.line()));
                for (int i = 0; i < columns && i < row.cells().size(); i++) {
                    item.setText(i + 1, shorten(row.cells().get(i)));
                }
                if (row.problem() != null) {
                    item.setText(columns + 1, row.problem());
                }
            }
        } finally {
            previewTable.setRedraw(true);
        }
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(previewTable, SWT.NONE);
        column.setText(title);
        column.setWidth(width);
    }

    /** One line, at most {@value #MAX_CELL} characters: cells may hold line breaks and long reasons. */
    private static String shorten(String text) {
        String line = text.replace("\r\n", " \u21b5 ").replace('\n', ' ').replace('\r', ' ');
        return line.length() > MAX_CELL ? line.substring(0, MAX_CELL) + "\u2026" : line;
    }

    private void mappingChanged() {
        validate();
        requestCheck();
    }

    private void validate() {
        if (previewError != null) {
            setErrorMessage(previewError);
            setPageComplete(false);
            return;
        }
        if (mapping == null) {
            setErrorMessage(null);
            setPageComplete(false);
            return;
        }
        List<String> problems = mapping.problems();
        setErrorMessage(problems.isEmpty() ? null : capitalized(problems.get(0)));
        setPageComplete(problems.isEmpty());
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private ImportCheck.Key key() {
        return ImportCheck.Key.of(previewSource, ImportFormat.CSV, mapping, schema.get());
    }

    private void requestCheck() {
        if (mapping != null && mapping.isValid() && previewSource != null && isCurrentPage()) {
            check.request(key());
        }
    }

    /** Reads the whole file with the current mapping now and shows the result; null when the mapping cannot be used. */
    public ImportCheck.Outcome checkNow() {
        refresh();
        if (mapping == null || !mapping.isValid()) {
            return null;
        }
        return check.checkNow(key());
    }

    private void show(ImportCheck.Outcome outcome) {
        if (summary == null || summary.isDisposed() || outcome.key().format() != ImportFormat.CSV) {
            return;
        }
        problemList.removeAll();
        if (outcome instanceof ImportCheck.Running) {
            summary.setText("Reading the whole file with this mapping...");
        } else if (outcome instanceof ImportCheck.Failed failed) {
            summary.setText("The file cannot be imported: " + failed.message());
        } else if (outcome instanceof ImportCheck.Read read) {
            summary.setText(summaryOf(read));
            for (ParseProblem problem : read.problems()) {
                problemList.add(Problems.atLine(problem));
            }
            if (read.problemCount() > read.problems().size()) {
                problemList.add("and " + (read.problemCount() - read.problems().size()) + " more");
            }
        }
        summary.getParent().layout(true, true);
    }

    /** "1,234 records; 2 lines cannot be read and are kept verbatim; 3 problems in all:". */
    static String summaryOf(ImportCheck.Read read) {
        StringBuilder text = new StringBuilder(Problems.count(read.records(), "record", "records"));
        if (read.unreadableLines() > 0) {
            text.append("; ").append(Problems.count(read.unreadableLines(), "row cannot", "rows cannot"))
                    .append(" be read and will be kept verbatim in the new file, so nothing is lost");
        }
        if (read.problemCount() == 0) {
            text.append("; no problems.");
        } else {
            text.append(". ").append(Problems.count(read.problemCount(), "problem", "problems")).append(':');
        }
        return text.toString();
    }

    /** The current mapping, or null before a header was read. */
    public ColumnMapping mapping() {
        return mapping;
    }

    /** The header and first rows shown, or null when the file cannot be read as CSV. */
    public CsvPreview preview() {
        return preview;
    }

    /** Gives the column a role, as choosing it in the column's combo box does. */
    public void setRole(int column, ColumnRole role) {
        mapping = mapping.with(column, role);
        combos.get(column).select(role.ordinal());
        mappingChanged();
    }

    /** The texts of the problems listed, for tests. */
    public List<String> shownProblems() {
        return List.of(problemList.getItems());
    }

    /** The summary above the problems, for tests. */
    public String shownSummary() {
        return summary.getText();
    }
}
