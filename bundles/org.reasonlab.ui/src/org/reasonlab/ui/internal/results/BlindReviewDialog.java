package org.reasonlab.ui.internal.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.review.blind.ReviewSessionFile;
import org.reasonlab.ui.internal.launch.LaunchSettings;

/** The settings of a new blinded review session: name, seed, hidden predicted label, reasons per run. */
final class BlindReviewDialog extends TitleAreaDialog {
    /** What the user chose. */
    record Choice(String name, long seed, boolean hidePredictedLabel, Integer perRunLimit) {
    }

    private final Path folder;
    private final int runs;
    private Text name;
    private Text seed;
    private Button hide;
    private Text limit;
    private Choice choice;

    BlindReviewDialog(Shell parent, Path folder, int runs) {
        super(parent);
        this.folder = folder;
        this.runs = runs;
    }

    Choice choice() {
        return choice;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Blinded Review");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Blinded review of " + runs + " runs");
        setMessage("Their generated reasons are mixed in a seeded random order and shown without run, model or mode.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        name = field(c, "Session &name:", "blind-review");
        seed = field(c, "&Seed:", Long.toString(ThreadLocalRandom.current().nextLong(1, 1_000_000)));
        limit = field(c, "&Reasons per run:", "");
        limit.setMessage("all");
        new Label(c, SWT.NONE);
        hide = new Button(c, SWT.CHECK);
        hide.setText("&Hide the predicted label");
        new Label(c, SWT.NONE).setText("Saved as:");
        new Label(c, SWT.NONE).setText(folder + "/NAME" + ReviewSessionFile.SUFFIX);
        return area;
    }

    private static Text field(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE);
        t.setText(value);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            String problem = validate();
            if (problem != null) {
                setErrorMessage(problem);
                return;
            }
        }
        super.buttonPressed(buttonId);
    }

    private String validate() {
        String n = name.getText().strip();
        if (n.isEmpty() || !LaunchSettings.safeName(n).equals(n)) {
            return "Name: use letters, digits, '.', '_' and '-'.";
        }
        if (Files.exists(folder.resolve(n + ReviewSessionFile.SUFFIX))) {
            return "A session of that name exists already.";
        }
        long s;
        try {
            s = Long.parseLong(seed.getText().strip());
        } catch (NumberFormatException e) {
            return "Seed: a whole number.";
        }
        Integer k = null;
        if (!limit.getText().isBlank()) {
            try {
                k = Integer.parseInt(limit.getText().strip());
            } catch (NumberFormatException e) {
                k = -1;
            }
            if (k <= 0) {
                return "Reasons per run: a whole number above 0, or empty for all.";
            }
        }
        choice = new Choice(n, s, hide.getSelection(), k);
        return null;
    }
}
