package org.reasonlab.ui.internal.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.reasonlab.core.compare.Proportion;
import org.reasonlab.core.counterfactual.LikelihoodShift;
import org.reasonlab.core.counterfactual.ProbeJson;
import org.reasonlab.core.counterfactual.ProbeResults;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.ReadOnlyEditorPart;

/**
 * A counterfactual probe's {@code probe.json} (written by {@code reasonlab probe}, read by the core's
 * {@link ProbeJson}): the flip rates and the shift of the label probabilities, per attribute value and substitution
 * pair, and the records whose predicted label flipped, each with its statement, label, reason and label
 * probabilities beside its variant's.
 */
public class ProbeEditor extends ReadOnlyEditorPart {
    public static final String ID = ReasonLabUi.PLUGIN_ID + ".editors.probe";

    private Path file;
    private ProbeResults probe;
    private final List<ProbeResults.Flip> flipped = new ArrayList<>();
    private Label summary;
    private Table pairs;
    private Table records;
    private Text original;
    private Text variant;
    private Group variantGroup;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput f) || f.getFile().getLocation() == null) {
            throw new PartInitException("The probe view opens on a probe.json file, not " + input.getName());
        }
        setSite(site);
        setInput(input);
        file = f.getFile().getLocation().toPath();
        setPartName("Probe " + f.getFile().getParent().getName());
        setTitleToolTip("Counterfactual probe " + f.getFile().getFullPath());
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        summary = new Label(root, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm top = new SashForm(sash, SWT.HORIZONTAL);
        pairs = table(top, "Substitution", "Label flips", "Rate", "Mean |\u0394p(gold)|", "Mean \u0394p(gold)");
        records = table(top, "Id", "Variant", "Substitutions", "Label", "Variant's label", "\u0394p(gold)", "Leaked");
        top.setWeights(2, 3); // the substitutions table has five columns
        records.addListener(SWT.Selection, e -> showRecord());
        Composite detail = new Composite(sash, SWT.NONE);
        detail.setLayout(new GridLayout(2, true));
        Group originalGroup = new Group(detail, SWT.NONE);
        originalGroup.setText("Record");
        original = text(originalGroup);
        variantGroup = new Group(detail, SWT.NONE);
        variantGroup.setText("Counterfactual variant");
        variant = text(variantGroup);
        sash.setWeights(3, 2);
        read();
    }

    private static Table table(Composite parent, String... titles) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (String title : titles) {
            TableColumn c = new TableColumn(t, SWT.LEFT);
            c.setText(title);
            c.setWidth(title.equals("Substitutions") ? 200 : 110);
        }
        return t;
    }

    private static Text text(Group g) {
        g.setLayout(new GridLayout(1, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Text t = new Text(g, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return t;
    }

    private void read() {
        try {
            probe = ProbeJson.read(file);
        } catch (IOException ex) {
            summary.setText("Cannot read the probe: " + FileErrors.describe(ex));
            return;
        }
        ProbeResults.Figures all = probe.all();
        ProbeResults.Figures clean = probe.clean();
        LikelihoodShift shift = all.likelihoodShift();
        summary.setText(probe.attributes() + ": " + probe.withAttribute() + " of " + probe.records()
                + " records hold its words, " + probe.skippedAsAmbiguous() + " left out as ambiguous.   Label flips "
                + ProbeResults.rateText(all.labelFlips()) + " (leakage-free " + ProbeResults.rateText(clean.labelFlips())
                + "), reason verdict flips " + ProbeResults.rateText(all.reasonVerdictFlips())
                + ", likely label flips " + ProbeResults.rateText(all.likelihoodLabelFlips())
                + (shift.n() == 0 ? "" : ".   Label probabilities: mean |\u0394p(gold)| "
                        + ProbeResults.number(shift.meanAbsGoldShift()) + ", mean \u0394p(gold) "
                        + ProbeResults.signed(shift.meanGoldShift()) + " over " + shift.n() + " pairs"
                        + byLabel(shift))
                + subject());
        addGroups(all.labelFlipsByValue(), all.likelihoodShiftByValue(), "value ");
        addGroups(all.labelFlipsByPair(), all.likelihoodShiftByPair(), "");
        for (ProbeResults.Flip f : probe.flipped()) {
            flipped.add(f);
            new TableItem(records, SWT.NONE).setText(new String[] {nz(f.id()), nz(f.value()), nz(f.pairs()),
                    label(f.label()), label(f.variantLabel()), ProbeResults.signed(f.goldShift()),
                    f.leaked() ? "yes" : ""});
        }
        for (Table t : List.of(pairs, records)) {
            for (TableColumn c : t.getColumns()) {
                c.pack();
            }
        }
        if (!flipped.isEmpty()) {
            records.select(0);
            showRecord();
        }
    }

    /** {@code  (Δp ethical -0.0123, unethical +0.0123)}, empty without labels. */
    private static String byLabel(LikelihoodShift shift) {
        List<String> parts = new ArrayList<>();
        shift.meanShiftByLabel().forEach((l, d) -> parts.add(l + " " + ProbeResults.signed(d)));
        return parts.isEmpty() ? "" : " (mean \u0394p " + String.join(", ", parts) + ")";
    }

    /** {@code .   Run lr-seed1, model tiny, split test}, empty when the file does not say. */
    private String subject() {
        ProbeResults.Subject s = probe.subject();
        List<String> parts = new ArrayList<>();
        if (s.run() != null) {
            parts.add("run " + s.run());
        }
        if (s.model() != null) {
            parts.add("model " + s.model());
        }
        if (s.split() != null) {
            parts.add("split " + s.split());
        }
        return parts.isEmpty() ? "" : ".   " + Character.toUpperCase(parts.get(0).charAt(0))
                + String.join(", ", parts).substring(1);
    }

    /** One row per attribute value ({@code value female}) or substitution pair: flips and the likelihood shift. */
    private void addGroups(Map<String, Proportion> flips, Map<String, LikelihoodShift> shifts, String prefix) {
        flips.forEach((key, p) -> {
            LikelihoodShift s = shifts.get(key);
            new TableItem(pairs, SWT.NONE).setText(new String[] {prefix + key, p.k() + " / " + p.n(),
                    ProbeResults.rateText(p), s == null || s.n() == 0 ? "n/a" : ProbeResults.number(s.meanAbsGoldShift()),
                    s == null || s.n() == 0 ? "n/a" : ProbeResults.signed(s.meanGoldShift())});
        });
    }

    private void showRecord() {
        int i = records.getSelectionIndex();
        if (i < 0 || i >= flipped.size()) {
            return;
        }
        ProbeResults.Flip f = flipped.get(i);
        original.setText(detail(f.statement(), f.label(), f.reason(), f.probabilities()));
        variant.setText(detail(f.variantStatement(), f.variantLabel(), f.variantReason(), f.variantProbabilities()));
        variantGroup.setText("Counterfactual variant (" + nz(f.pairs()) + ")");
    }

    private static String detail(String statement, String label, String reason, Map<String, Double> probabilities) {
        return "Statement: " + nz(statement) + "\n\nPredicted label: " + label(label) + "\n\nGenerated reason: "
                + nz(reason) + (probabilities == null ? ""
                        : "\n\nLabel probabilities: " + ProbeResults.probabilitiesText(probabilities));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String label(String l) {
        return l == null || l.isEmpty() ? "(unparseable)" : l;
    }

    @Override
    public void setFocus() {
        records.setFocus();
    }

    // ---- for tests ----

    List<List<String>> shownFlipped() {
        return rows(records);
    }

    List<List<String>> shownPairs() {
        return rows(pairs);
    }

    String summaryText() {
        return summary.getText();
    }

    List<String> shownDetail() {
        return List.of(original.getText(), variant.getText());
    }

    private static List<List<String>> rows(Table t) {
        List<List<String>> out = new ArrayList<>();
        for (TableItem item : t.getItems()) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < t.getColumnCount(); c++) {
                row.add(item.getText(c));
            }
            out.add(row);
        }
        return out;
    }
}
