package org.reasonlab.ui.internal.wizards;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.traces.Correctness;
import org.reasonlab.core.traces.DropReason;
import org.reasonlab.core.traces.LengthBuckets;
import org.reasonlab.core.traces.TraceFilter;

/**
 * The second page of Import Reasoning Traces: how the traces join the dataset, how many argue for the gold label and
 * how long they are, and which to keep: by verdict and by length tertile (ReGiFT keeps the correct ones). Keeping
 * everything writes the whole import; any other choice writes only the records whose traces pass.
 */
class TraceFilterPage extends WizardPage {
    private static final Map<Correctness, String> VERDICTS = Map.of(
            Correctness.CORRECT, "correct: argues for the gold label",
            Correctness.INCORRECT, "incorrect: argues for another label",
            Correctness.UNCLEAR, "unclear: no clear verdict");
    private TracePreview preview;
    private Text summary;
    private final Map<Correctness, Button> verdicts = new EnumMap<>(Correctness.class);
    private Group lengths;
    private final Map<String, Button> buckets = new LinkedHashMap<>();
    private Label kept;

    TraceFilterPage() {
        super("traceFilter");
        setTitle("Correctness and length of the traces");
        setDescription("Keep the traces to train on: a teacher's incorrect or rambling traces teach the wrong thing.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).equalWidth(true).applyTo(c);
        summary = new Text(c, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        summary.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(600, 240).applyTo(summary);

        Group verdictGroup = new Group(c, SWT.NONE);
        verdictGroup.setText("Keep traces that are");
        GridLayoutFactory.swtDefaults().applyTo(verdictGroup);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(verdictGroup);
        for (Correctness correctness : Correctness.values()) {
            Button b = new Button(verdictGroup, SWT.CHECK);
            b.setText(VERDICTS.get(correctness));
            b.setSelection(true);
            b.addListener(SWT.Selection, e -> update());
            verdicts.put(correctness, b);
        }
        lengths = new Group(c, SWT.NONE);
        lengths.setText("Keep traces whose length (words) is");
        GridLayoutFactory.swtDefaults().applyTo(lengths);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(lengths);

        kept = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(600, SWT.DEFAULT).applyTo(kept);
        setControl(c);
    }

    /** Forgets the shown preview (its traces are being read again, or could not be): nothing to finish with. */
    void clear(String error) {
        preview = null;
        summary.setText("");
        for (Control child : lengths.getChildren()) {
            child.dispose();
        }
        buckets.clear();
        kept.setText("");
        setMessage(null);
        setErrorMessage(error);
        setPageComplete(false);
    }

    /** Shows a new preview: its summary, and one length choice per tertile. */
    void show(TracePreview p) {
        preview = p;
        summary.setText(p.summary());
        for (Control child : lengths.getChildren()) {
            child.dispose();
        }
        buckets.clear();
        for (LengthBuckets.Bucket bucket : p.buckets().buckets()) {
            Button b = new Button(lengths, SWT.CHECK);
            b.setText(bucket.name() + " (" + bucket.range() + ")");
            b.setSelection(true);
            b.addListener(SWT.Selection, e -> update());
            buckets.put(bucket.name(), b);
        }
        lengths.getParent().layout(true, true);
        lengths.redraw();
        update();
    }

    private void update() {
        if (preview == null) {
            setPageComplete(false);
            return;
        }
        setMessage(preview.hasProblems() ? "Some lines could not be read or an id is there twice: see Problems"
                + " above." : null, WARNING);
        if (preview.refusal() != null) {
            setErrorMessage("Nothing can be imported: " + preview.refusal() + ".");
            kept.setText("");
            setPageComplete(false);
            return;
        }
        if (keep().isEmpty() || bucketNames().isEmpty()) {
            setErrorMessage("Keep at least one verdict and one length.");
            setPageComplete(false);
            return;
        }
        setErrorMessage(null);
        if (keepsEverything()) {
            kept.setText("Writes all " + preview.imported().dataset().recordCount() + " records: "
                    + preview.imported().traced() + " with their trace as the reason, "
                    + preview.imported().untraced().size() + " without a trace (R->L training skips them).");
        } else {
            TraceFilter.Result r = preview.filter(keep(), bucketNames());
            StringBuilder dropped = new StringBuilder();
            for (DropReason reason : DropReason.values()) {
                int n = r.dropped().get(reason);
                if (n > 0) {
                    dropped.append(dropped.length() == 0 ? "" : ", ").append(n).append(' ')
                            .append(reason == DropReason.OTHER_BUCKET ? "of another length" : reason.description());
                }
            }
            kept.setText("Writes " + r.kept() + " traced record(s)" + (r.notFiltered() > 0 ? " and the "
                    + r.notFiltered() + " record(s) of other splits" : "") + "; leaves out " + r.droppedTotal()
                    + (dropped.length() == 0 ? "" : " (" + dropped + ")") + ".");
        }
        setPageComplete(true);
    }

    Set<Correctness> keep() {
        Set<Correctness> keep = EnumSet.noneOf(Correctness.class);
        verdicts.forEach((c, b) -> {
            if (b.getSelection()) {
                keep.add(c);
            }
        });
        return keep;
    }

    Set<String> bucketNames() {
        Set<String> names = new LinkedHashSet<>();
        buckets.forEach((name, b) -> {
            if (b.getSelection()) {
                names.add(name);
            }
        });
        return names;
    }

    boolean keepsEverything() {
        return preview.keepsEverything(keep(), bucketNames());
    }

    TracePreview preview() {
        return preview;
    }

    /** Ticks the verdicts and lengths to keep (tests). */
    void choose(Set<Correctness> keep, Set<String> lengthNames) {
        verdicts.forEach((c, b) -> b.setSelection(keep.contains(c)));
        buckets.forEach((name, b) -> b.setSelection(lengthNames.contains(name)));
        update();
    }

    /** What the page says it writes (tests). */
    String keptText() {
        return kept.getText();
    }
}
