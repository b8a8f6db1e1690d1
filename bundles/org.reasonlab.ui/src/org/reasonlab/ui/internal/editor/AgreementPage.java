package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.reasonlab.core.agreement.AdjudicationStamp;
import org.reasonlab.core.agreement.Adjudicator;
import org.reasonlab.core.agreement.AgreementAnalyzer;
import org.reasonlab.core.agreement.AgreementReport;
import org.reasonlab.core.agreement.Coefficient;
import org.reasonlab.core.agreement.Disagreement;
import org.reasonlab.core.agreement.PairAgreement;
import org.reasonlab.core.agreement.Rating;
import org.reasonlab.core.edit.EntryReplacement;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.ui.internal.JobFamilies;

/**
 * Annotator agreement (percent agreement, Fleiss' kappa, Krippendorff's alpha, Cohen's kappa per
 * pair) and adjudication: the disagreeing records with every annotator's label and reason side by
 * side; the curator adopts one or writes the final label and reason, recorded with their name.
 */
final class AgreementPage {

    private final DatasetEditor editor;
    private final FormToolkit toolkit;
    private final ScrolledForm form;
    private final Label summary;
    private final Table pairs;
    private final Table disagreements;
    private final Label recordTitle;
    private final Composite annotatorColumns;
    private final Text curator;
    private final Combo finalLabel;
    private final Text finalReason;
    private final Button writeFinal;
    private DatasetModel model;
    private boolean stale = true;
    private AgreementReport report;
    private Disagreement selected;

    AgreementPage(Composite parent, DatasetEditor editor) {
        this.editor = editor;
        toolkit = new FormToolkit(parent.getDisplay());
        form = toolkit.createScrolledForm(parent);
        form.setText("Annotator agreement");
        Composite body = form.getBody();
        body.setLayout(new GridLayout(1, false));
        summary = toolkit.createLabel(body, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(summary);

        Composite pairBody = PageSupport.section(toolkit, body, "Cohen's kappa per pair of annotators");
        pairs = table(pairBody, 110, new String[][] {{"Annotator A", "120"}, {"Annotator B", "120"},
                {"Records in common", "130"}, {"Observed agreement", "140"}, {"Cohen's kappa", "120"}});

        Composite adjudication = PageSupport.section(toolkit, body, "Disagreements and adjudication");
        SashForm sash = new SashForm(adjudication, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 520).applyTo(sash);
        disagreements = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        disagreements.setHeaderVisible(true);
        disagreements.setLinesVisible(true);
        for (String[] c : new String[][] {{"Id", "80"}, {"Line", "60"}, {"Final label", "100"}, {"Majority", "100"},
                {"Annotators' labels", "320"}, {"Decided by", "140"}}) {
            TableColumn column = new TableColumn(disagreements, SWT.LEFT);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        disagreements.addListener(SWT.Selection, e -> select(disagreements.getSelectionIndex()));
        disagreements.addListener(SWT.DefaultSelection, e -> {
            if (selected != null) {
                editor.revealEntry(selected.entryIndex());
            }
        });

        Composite detail = toolkit.createComposite(sash);
        GridLayoutFactory.fillDefaults().numColumns(1).applyTo(detail);
        recordTitle = toolkit.createLabel(detail, "Select a disagreement to adjudicate it.", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(recordTitle);
        annotatorColumns = toolkit.createComposite(detail);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(annotatorColumns);
        annotatorColumns.setLayout(new GridLayout(1, true));

        Composite write = toolkit.createComposite(detail);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(write);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(write);
        toolkit.createLabel(write, "Curator:");
        curator = toolkit.createText(write, System.getProperty("user.name", "curator"), SWT.BORDER);
        GridDataFactory.fillDefaults().hint(120, SWT.DEFAULT).applyTo(curator);
        toolkit.createLabel(write, "Final label:");
        finalLabel = new Combo(write, SWT.READ_ONLY);
        toolkit.createLabel(write, "Final reason:");
        finalReason = toolkit.createText(write, "", SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(300, 50).applyTo(finalReason);
        writeFinal = toolkit.createButton(write, "&Set Final Label and Reason", SWT.PUSH);
        GridDataFactory.fillDefaults().span(4, 1).align(SWT.END, SWT.CENTER).applyTo(writeFinal);
        writeFinal.addListener(SWT.Selection, e -> writeFinal());
        sash.setWeights(28, 72);
        select(-1);
    }

    private static Table table(Composite parent, int height, String[][] columns) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (String[] c : columns) {
            TableColumn column = new TableColumn(t, SWT.LEFT);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, height).applyTo(t);
        return t;
    }

    Control control() {
        return form;
    }

    void setModel(DatasetModel newModel) {
        model = newModel;
        stale = true;
        finalLabel.setItems(newModel.dataset().schema().names().toArray(String[]::new));
    }

    void modelChanged(DatasetModel.Change change) {
        if (change == DatasetModel.Change.PROBLEMS) {
            return;
        }
        stale = true;
        if (form.isVisible()) {
            pageShown();
        }
    }

    /** Recomputes in the background if something changed since the last time. */
    void pageShown() {
        if (model == null || !stale) {
            return;
        }
        stale = false;
        Dataset snapshot = PageSupport.snapshot(model);
        PageSupport.computeInBackground("Agreement of " + editor.file().getName(), JobFamilies.AGREEMENT, form,
                () -> AgreementAnalyzer.analyze(snapshot), this::show);
    }

    AgreementReport report() {
        return report;
    }

    Table disagreementTable() {
        return disagreements;
    }

    private void show(AgreementReport newReport) {
        String selectedId = selected == null ? null : selected.recordId();
        report = newReport;
        summary.setText(summaryText(newReport));
        pairs.removeAll();
        for (PairAgreement p : newReport.pairs()) {
            new TableItem(pairs, SWT.NONE).setText(new String[] {p.annotatorA(), p.annotatorB(),
                    Integer.toString(p.items()), String.format("%.1f%%", 100 * p.observedAgreement()), format(p.kappa())});
        }
        disagreements.removeAll();
        int reselect = -1;
        for (Disagreement d : newReport.disagreements()) {
            String labels = d.ratings().stream().map(r -> r.annotator() + ": " + r.label()).collect(Collectors.joining(", "));
            new TableItem(disagreements, SWT.NONE).setText(new String[] {nz(d.recordId()),
                    d.line() > 0 ? Integer.toString(d.line()) : "", nz(d.finalLabel()),
                    d.majorityLabel() == null ? "(tie)" : d.majorityLabel(), labels, decidedBy(d.entryIndex())});
            if (selectedId != null && selectedId.equals(d.recordId())) {
                reselect = disagreements.getItemCount() - 1;
            }
        }
        if (reselect >= 0) {
            disagreements.setSelection(reselect);
        }
        select(reselect);
        form.reflow(true);
    }

    private String decidedBy(int entryIndex) {
        if (entryIndex < 0 || entryIndex >= model.index().size() || !(model.entry(entryIndex) instanceof DatasetRecord r)
                || r.metadata() == null) {
            return "";
        }
        return AdjudicationStamp.read(r.metadata()).map(s -> s.by() + (s.fromCurator() ? " (written)" : " (adopted " + s.annotator() + ")")).orElse("");
    }

    static String summaryText(AgreementReport r) {
        if (!r.measurable()) {
            return r.notice();
        }
        return String.format("%,d records, %,d labelled by two or more of %d annotators (%s).%n"
                + "Percent agreement %s   Fleiss' kappa %s   Krippendorff's alpha (nominal) %s%n"
                + "%,d records with disagreement; %,d final labels differ from the annotators' majority.",
                r.records(), r.pairableItems(), r.annotators().size(), String.join(", ", r.annotators()),
                percent(r.percentAgreement()), format(r.fleissKappa()), format(r.krippendorffAlpha()),
                r.disagreements().size(), r.finalDiffersFromMajority());
    }

    private static String percent(Coefficient c) {
        return c.isDefined() ? String.format("%.1f%%", 100 * c.value()) : "undefined (" + c.undefinedReason() + ")";
    }

    private static String format(Coefficient c) {
        return c.isDefined() ? String.format("%.3f", c.value()) : "undefined (" + c.undefinedReason() + ")";
    }

    /** Shows the annotators of a disagreement side by side (row of the table, -1 for none). */
    void select(int row) {
        for (Control c : annotatorColumns.getChildren()) {
            c.dispose();
        }
        selected = report != null && row >= 0 && row < report.disagreements().size() ? report.disagreements().get(row) : null;
        boolean enabled = selected != null;
        writeFinal.setEnabled(enabled);
        finalLabel.setEnabled(enabled);
        finalReason.setEnabled(enabled);
        if (selected == null) {
            recordTitle.setText("Select a disagreement to adjudicate it. Double-click opens the record.");
            annotatorColumns.layout();
            return;
        }
        DatasetEntry entry = model.entry(selected.entryIndex());
        String statement = entry instanceof DatasetRecord r ? r.statement() : "";
        recordTitle.setText("Record " + nz(selected.recordId()) + ": " + statement);
        List<Rating> ratings = new ArrayList<>(selected.ratings());
        ((GridLayout) annotatorColumns.getLayout()).numColumns = Math.max(1, ratings.size());
        for (Rating rating : ratings) {
            Composite column = toolkit.createComposite(annotatorColumns, SWT.BORDER);
            GridLayoutFactory.swtDefaults().applyTo(column);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(column);
            Label who = toolkit.createLabel(column, rating.annotator() + ": " + rating.label());
            who.setFont(JFaceResources.getBannerFont());
            Text reason = toolkit.createText(column, nz(rating.reason()), SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
            GridDataFactory.fillDefaults().grab(true, true).hint(150, 60).applyTo(reason);
            Button adopt = toolkit.createButton(column, "Adopt " + rating.annotator() + "'s label and reason", SWT.PUSH);
            adopt.addListener(SWT.Selection, e -> adopt(rating.annotator()));
        }
        if (entry instanceof DatasetRecord r) {
            finalLabel.select(Math.max(0, model.dataset().schema().names().indexOf(r.label())));
            finalReason.setText(nz(r.reason()));
        }
        annotatorColumns.layout(true, true);
        form.reflow(true);
    }

    /** Makes an annotator's label and reason the record's final ones. */
    void adopt(String annotator) {
        if (selected == null) {
            return;
        }
        try {
            EntryReplacement edit = new Adjudicator(curator.getText()).adopt(model.dataset(), selected.entryIndex(), annotator);
            editor.execute("Adopt " + annotator + "'s label", List.of(edit));
        } catch (IllegalArgumentException e) {
            editor.showError("Cannot adjudicate", e);
        }
    }

    /** Sets the label and reason written in the form as the record's final ones. */
    void writeFinal() {
        if (selected == null || finalLabel.getSelectionIndex() < 0) {
            return;
        }
        try {
            EntryReplacement edit = new Adjudicator(curator.getText()).write(model.dataset(), selected.entryIndex(),
                    finalLabel.getText(), finalReason.getText());
            editor.execute("Adjudicate record", List.of(edit));
        } catch (IllegalArgumentException e) {
            editor.showError("Cannot adjudicate", e);
        }
    }

    Text curatorText() {
        return curator;
    }

    Combo finalLabelCombo() {
        return finalLabel;
    }

    Text finalReasonText() {
        return finalReason;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
