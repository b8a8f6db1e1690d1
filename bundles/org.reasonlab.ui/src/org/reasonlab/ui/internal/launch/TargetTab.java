package org.reasonlab.ui.internal.launch;

import static org.reasonlab.ui.internal.launch.LaunchAttributes.*;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.ComputeTargets;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.Connections;
import org.reasonlab.remote.TargetCheck;
import org.reasonlab.ui.internal.remote.ComputeTargetsPreferencePage;
import org.reasonlab.ui.internal.remote.TargetsFile;
import org.reasonlab.ui.internal.remote.WorkbenchCredentials;

/**
 * Target: where the run executes (this machine, an SSH host, a SLURM cluster of targets.json), a sweep's seeds and
 * modes, and Check Target, which connects and looks at Java, the workDir, the model folder and the partition.
 */
public class TargetTab extends FineTuneTab {
    private Text checkResult;
    private ILaunchConfiguration current;

    public TargetTab() {
        super("Target");
    }

    @Override
    protected void createFields(Composite c) {
        List<String> names = new ArrayList<>(List.of(ComputeTarget.LOCAL_NAME));
        List<String> labels = new ArrayList<>(List.of("local (this machine)"));
        String loadProblem = null;
        try {
            ComputeTargets targets = TargetsFile.load();
            for (ComputeTarget t : targets.all()) {
                names.add(t.name());
                labels.add(t.name() + " (" + t.kind().id() + ", " + t.address() + ")");
            }
        } catch (IOException e) {
            loadProblem = FileErrors.describe(e);
        }
        combo(c, "Target:", TARGET, names, labels);
        text(c, "Seeds:", SEEDS, "A sweep: several seeds, e.g. 1,2,3 (one run each, one SLURM job array);"
                + " empty = the Training tab's seed", null);
        text(c, "Modes:", MODES, "A sweep over modes, e.g. l,l+r; empty = the Data tab's mode", null);
        note(c, "On a compute target the model (Model tab) is a path on the target, or tiny. Targets are defined in "
                + TargetsFile.path() + (loadProblem == null ? "" : " (cannot be read: " + loadProblem + ")") + ".");
        Button preferences = new Button(c, SWT.PUSH);
        preferences.setText("Compute Targets...");
        preferences.addListener(SWT.Selection, e -> PreferencesUtil.createPreferenceDialogOn(c.getShell(),
                ComputeTargetsPreferencePage.ID, null, null).open());
        Button check = new Button(c, SWT.PUSH);
        check.setText("Check Target");
        check.setToolTipText("Connect, and check Java 21+, the workDir, the model folder and the SLURM partition");
        check.addListener(SWT.Selection, e -> checkTarget());
        new Label(c, SWT.NONE);
        checkResult = new Text(c, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.WRAP | SWT.V_SCROLL);
        checkResult.setFont(JFaceResources.getTextFont());
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        data.heightHint = 140;
        checkResult.setLayoutData(data);
    }

    @Override
    protected List<String> attributes() {
        return TARGET_ATTRIBUTES;
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        current = configuration;
        super.initializeFrom(configuration);
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        current = configuration;
        return super.isValid(configuration);
    }

    /** Runs the check in the dialog's progress area; the findings go into the text below the button. */
    void checkTarget() {
        String name = value(TARGET);
        if (ComputeTarget.LOCAL_NAME.equals(name) || name.isEmpty()) {
            checkResult.setText("The local target is this machine: the other tabs check it as you type.");
            return;
        }
        String model = modelOf(current);
        List<String> lines = new ArrayList<>();
        try {
            getLaunchConfigurationDialog().run(true, false, monitor -> {
                monitor.beginTask("Checking " + name, IProgressMonitor.UNKNOWN);
                lines.addAll(findings(name, model));
                monitor.done();
            });
        } catch (InvocationTargetException | InterruptedException ex) {
            lines.add("NO  " + ex.getMessage());
        }
        checkResult.setText(String.join("\n", lines));
    }

    /** The check without the launch dialog's progress area (tests). */
    public void checkTargetWithoutDialog(ILaunchConfiguration configuration) {
        checkResult.setText(String.join("\n", findings(value(TARGET), modelOf(configuration))));
    }

    private static String modelOf(ILaunchConfiguration configuration) {
        try {
            return configuration == null ? "" : LaunchSettings.of(configuration).get(MODEL);
        } catch (CoreException e) {
            return "";
        }
    }

    /** Connects and checks; each line starts with OK or NO. */
    static List<String> findings(String name, String model) {
        List<String> lines = new ArrayList<>();
        try {
            ComputeTarget target = TargetsFile.load().find(name).orElseThrow(
                    () -> new IOException("no target " + name + " in " + TargetsFile.path()));
            try (Connection connection = Connections.open(target, WorkbenchCredentials.hostKeys(),
                    WorkbenchCredentials.passphrases())) {
                TargetCheck.run(connection, target, model).forEach(f -> lines.add(f.toString()));
            }
        } catch (IOException | RuntimeException ex) {
            lines.add("NO  " + FileErrors.describe(ex instanceof IOException io ? io
                    : new IOException(ex.getMessage(), ex)));
        }
        return lines;
    }

    /** For tests: the check's text. */
    public String checkTextForTests() {
        return checkResult.getText();
    }
}
