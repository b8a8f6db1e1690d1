package org.reasonlab.ui.internal.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.JsonFields;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.ReadOnlyEditorPart;

/**
 * A counterfactual probe's {@code probe.json} (written by {@code reasonlab probe}): the flip rates, the flip rate
 * per substitution pair, and the records whose predicted label flipped, each with its statement, label and reason
 * beside its variant's.
 */
public class ProbeEditor extends ReadOnlyEditorPart {
    public static final String ID = ReasonLabUi.PLUGIN_ID + ".editors.probe";

    private Path file;
    private JsonObject probe;
    private final List<JsonObject> flipped = new ArrayList<>();
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
        pairs = table(top, "Substitution", "Label flips", "Rate");
        records = table(top, "Id", "Variant", "Substitutions", "Label", "Variant's label", "Leaked");
        top.setWeights(1, 3);
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
            JsonElement e = JsonFields.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject() || !e.getAsJsonObject().has("all")) {
                throw new IOException(file + ": not a probe.json (no \"all\" figures)");
            }
            probe = e.getAsJsonObject();
        } catch (IOException | IllegalArgumentException ex) {
            summary.setText("Cannot read the probe: " + (ex instanceof IOException io ? FileErrors.describe(io)
                    : file + ": " + ex.getMessage()));
            return;
        }
        JsonObject all = probe.getAsJsonObject("all");
        JsonObject clean = probe.getAsJsonObject("clean");
        summary.setText(probe.get("attributes").getAsString() + ": " + probe.get("withAttribute").getAsInt() + " of "
                + probe.get("records").getAsInt() + " records hold its words, "
                + probe.get("skippedAsAmbiguous").getAsInt() + " left out as ambiguous.   Label flips "
                + rate(all.getAsJsonObject("labelFlips")) + " (leakage-free " + rate(clean.getAsJsonObject("labelFlips"))
                + "), reason verdict flips " + rate(all.getAsJsonObject("reasonVerdictFlips"))
                + ", likely label flips " + rate(all.getAsJsonObject("likelihoodLabelFlips")));
        for (Map.Entry<String, JsonElement> p : all.getAsJsonObject("labelFlipsByPair").entrySet()) {
            JsonObject o = p.getValue().getAsJsonObject();
            new TableItem(pairs, SWT.NONE).setText(new String[] {p.getKey(),
                    o.get("k").getAsInt() + " / " + o.get("n").getAsInt(), rate(o)});
        }
        JsonArray list = probe.getAsJsonArray("flipped");
        for (JsonElement f : list) {
            JsonObject o = f.getAsJsonObject();
            flipped.add(o);
            new TableItem(records, SWT.NONE).setText(new String[] {s(o, "id"), s(o, "value"), s(o, "pairs"),
                    label(o, "label"), label(o, "variantLabel"), o.get("leaked").getAsBoolean() ? "yes" : ""});
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

    private void showRecord() {
        int i = records.getSelectionIndex();
        if (i < 0 || i >= flipped.size()) {
            return;
        }
        JsonObject o = flipped.get(i);
        original.setText("Statement: " + s(o, "statement") + "\n\nPredicted label: " + label(o, "label")
                + "\n\nGenerated reason: " + s(o, "reason"));
        variant.setText("Statement: " + s(o, "variantStatement") + "\n\nPredicted label: " + label(o, "variantLabel")
                + "\n\nGenerated reason: " + s(o, "variantReason"));
        variantGroup.setText("Counterfactual variant (" + s(o, "pairs") + ")");
    }

    private static String rate(JsonObject p) {
        int n = p.get("n").getAsInt();
        return n == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * p.get("k").getAsInt() / n,
                p.get("k").getAsInt(), n);
    }

    private static String s(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static String label(JsonObject o, String field) {
        String l = s(o, field);
        return l.isEmpty() ? "(unparseable)" : l;
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
