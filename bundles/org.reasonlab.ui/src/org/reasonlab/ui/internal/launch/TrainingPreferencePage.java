package org.reasonlab.ui.internal.launch;

import java.util.Map;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.reasonlab.core.run.RunSetting;
import org.reasonlab.core.run.RunSettings;
import org.reasonlab.core.run.SettingProblem;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * Window &gt; Preferences &gt; ReasonLab &gt; Training: the defaults of new fine-tune launch
 * configurations, each field checked by the core's {@link RunSettings}, as in the launch dialog. DJL telemetry is
 * always off and has no setting.
 */
public class TrainingPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public TrainingPreferencePage() {
        super(GRID);
        setDescription("Defaults for new ReasonLab fine-tune launch configurations. The hyper-parameters"
                + " start at the DFAR paper's LoRA set-up.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, ReasonLabUiPlugin.PLUGIN_ID));
    }

    @Override
    protected void createFieldEditors() {
        var parent = getFieldEditorParent();
        addField(checked(TrainingPreferences.HEAP, RunSetting.HEAP, "Trainer heap (e.g. 8g):"));
        addField(new ComboFieldEditor(TrainingPreferences.DEVICE, "Device:", new String[][] {
                { "auto (a GPU if there is one)", "auto" }, { "cpu", "cpu" }, { "gpu", "gpu" } }, parent));
        addField(new BooleanFieldEditor(TrainingPreferences.OFFLINE, "Offline: DJL downloads nothing", parent));
        addField(new DirectoryFieldEditor(TrainingPreferences.DJL_CACHE, "DJL cache folder (empty = ~/.djl.ai):", parent));
        addField(new DirectoryFieldEditor(TrainingPreferences.LIBTORCH_PATH, "Local libtorch lib folder:", parent));
        addField(checked(TrainingPreferences.LORA_R, RunSetting.LORA_R, "LoRA r:"));
        addField(checked(TrainingPreferences.LORA_ALPHA, RunSetting.LORA_ALPHA, "LoRA alpha:"));
        addField(checked(TrainingPreferences.LORA_DROPOUT, RunSetting.LORA_DROPOUT, "LoRA dropout (0 to below 1):"));
        addField(checked(TrainingPreferences.LEARNING_RATE, RunSetting.LEARNING_RATE, "Learning rate:"));
        addField(checked(TrainingPreferences.EPOCHS, RunSetting.EPOCHS, "Epochs:"));
        addField(checked(TrainingPreferences.BATCH_SIZE, RunSetting.BATCH_SIZE, "Batch size:"));
        Label telemetry = new Label(parent, SWT.WRAP);
        telemetry.setText("DJL telemetry is always off: the trainer runs with OPT_OUT_TRACKING=true, whatever the"
                + " settings. Offline mode also stops DJL from contacting download or metadata hosts.");
        telemetry.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
    }

    /** A text field checked by the core's rule for its run setting, with the core's message. */
    private StringFieldEditor checked(String key, RunSetting setting, String label) {
        return new StringFieldEditor(key, label, getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                SettingProblem problem = RunSettings.of(Map.of(setting, getStringValue())).problemOf(setting);
                setErrorMessage(problem == null ? null : problem.message());
                return problem == null;
            }
        };
    }
}
