package org.reasonlab.ui.internal.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.ComputeTargets;

/**
 * ReasonLab &gt; Compute Targets: the targets file ({@code ~/.reasonlab/targets.json}, shared with the command
 * line) edited as the documented JSON, checked as you type (each problem names the target and field), with a table of
 * the targets it defines. Apply writes the file atomically. Passphrases are not here: Eclipse secure storage keeps
 * them when a connection first asks.
 */
public class ComputeTargetsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {
    public static final String ID = "org.reasonlab.ui.preferences.targets";
    static final String EXAMPLE = """
            {"targets":[{"name":"lab-cluster","kind":"slurm","host":"login.example.edu","port":22,
              "user":"alice","identityFile":"~/.ssh/id_ed25519","knownHosts":"~/.ssh/known_hosts",
              "workDir":"/scratch/alice/reasonlab","java":"/usr/lib/jvm/java-21/bin/java",
              "setup":["module load cuda/12.8"],"env":{"DJL_OFFLINE":"false"},
              "slurm":{"partition":"gpu","gpus":1,"cpus":8,"memory":"64G","time":"24:00:00",
                       "account":null,"qos":null,"extra":["--constraint=a100"]}}]}
            """;

    private Text file;
    private Text json;
    private Table table;

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(TargetsFile.store());
        setDescription("Where runs execute besides this machine: SSH hosts and SLURM clusters. The command line"
                + " reads the same file (./reasonlab submit --target NAME).");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText("Targets file:");
        file = new Text(c, SWT.BORDER);
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        file.setText(TargetsFile.path().toString());
        file.addModifyListener(e -> load());
        json = new Text(c, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        json.setFont(JFaceResources.getTextFont());
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        data.heightHint = 260;
        data.widthHint = 640;
        json.setLayoutData(data);
        json.addModifyListener(e -> validate());
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        tableData.heightHint = 90;
        table.setLayoutData(tableData);
        for (String[] column : new String[][] { { "Name", "120" }, { "Kind", "60" }, { "Address", "220" },
            { "workDir", "220" } }) {
            TableColumn col = new TableColumn(table, SWT.NONE);
            col.setText(column[0]);
            col.setWidth(Integer.parseInt(column[1]));
        }
        Label note = new Label(c, SWT.WRAP);
        note.setText("Fields: docs/compute-targets.md. Host keys are checked against known_hosts; an unknown key is"
                + " shown with its fingerprint before anything is trusted.");
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        load();
        return c;
    }

    private void load() {
        Path path = Path.of(file.getText().strip());
        try {
            json.setText(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            json.setText("{\"targets\":[]}\n");
        } catch (IOException | RuntimeException e) {
            setErrorMessage("Cannot read " + path + ": " + e.getMessage());
        }
        validate();
    }

    /** Parses the text; the first problem is the page's error; the table lists what parses. */
    void validate() {
        table.removeAll();
        ComputeTargets targets;
        try {
            targets = ComputeTargets.parse(json.getText());
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage());
            setValid(false);
            return;
        }
        for (ComputeTarget t : targets.all()) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { String.valueOf(t.name()), t.kind().id(), t.address(),
                String.valueOf(t.workDir()) });
        }
        List<String> problems = targets.problems();
        setErrorMessage(problems.isEmpty() ? null : problems.get(0));
        setValid(problems.isEmpty());
    }

    @Override
    protected void performDefaults() {
        json.setText(EXAMPLE);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        Path path = Path.of(file.getText().strip());
        try {
            ComputeTargets targets = ComputeTargets.parse(json.getText());
            if (!targets.problems().isEmpty()) {
                return false;
            }
            Files.createDirectories(path.toAbsolutePath().getParent());
            String text = json.getText().endsWith("\n") ? json.getText() : json.getText() + "\n";
            org.reasonlab.core.io.AtomicFiles.write(path, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            ScopedPreferenceStore store = (ScopedPreferenceStore) getPreferenceStore();
            store.setValue(TargetsFile.PREFERENCE, path.equals(ComputeTargets.defaultFile()) ? "" : path.toString());
            store.save();
            return true;
        } catch (IOException | RuntimeException e) {
            setErrorMessage("Cannot write " + path + ": " + FileErrors.describe(e instanceof IOException io ? io
                    : new IOException(e.getMessage(), e)));
            return false;
        }
    }

    /** For tests. */
    Text jsonText() {
        return json;
    }

    Table targetTable() {
        return table;
    }
}
