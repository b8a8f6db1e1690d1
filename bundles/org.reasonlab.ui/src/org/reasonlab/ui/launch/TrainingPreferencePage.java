package org.reasonlab.ui.launch;

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
import org.reasonlab.ui.ReasonLabUiPlugin;

/**
 * Window &gt; Preferences &gt; ReasonLab &gt; Training: the defaults of new fine-tune launch
 * configurations. DJL telemetry is always off and has no setting.
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
        addField(new StringFieldEditor(TrainingPreferences.HEAP, "Trainer heap (e.g. 8g):", parent));
        addField(new ComboFieldEditor(TrainingPreferences.DEVICE, "Device:", new String[][] {
                { "auto (a GPU if there is one)", "auto" }, { "cpu", "cpu" }, { "gpu", "gpu" } }, parent));
        addField(new BooleanFieldEditor(TrainingPreferences.OFFLINE, "Offline: DJL downloads nothing", parent));
        addField(new DirectoryFieldEditor(TrainingPreferences.DJL_CACHE, "DJL cache folder (empty = ~/.djl.ai):", parent));
        addField(new DirectoryFieldEditor(TrainingPreferences.LIBTORCH_PATH, "Local libtorch lib folder:", parent));
        addField(positive(TrainingPreferences.LORA_R, "LoRA r:", 1, LaunchSettings.MAX_LORA_R));
        addField(positive(TrainingPreferences.LORA_ALPHA, "LoRA alpha:", 1, 4 * LaunchSettings.MAX_LORA_R));
        addField(number(TrainingPreferences.LORA_DROPOUT, "LoRA dropout (0 to below 1):", 0, 1, false));
        addField(number(TrainingPreferences.LEARNING_RATE, "Learning rate:", 0, 1, true));
        addField(positive(TrainingPreferences.EPOCHS, "Epochs:", 1, 10_000));
        addField(positive(TrainingPreferences.BATCH_SIZE, "Batch size:", 1, 4096));
        Label telemetry = new Label(parent, SWT.WRAP);
        telemetry.setText("DJL telemetry is always off: the trainer runs with OPT_OUT_TRACKING=true, whatever the"
                + " settings. Offline mode also stops DJL from contacting download or metadata hosts.");
        telemetry.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
    }

    private StringFieldEditor positive(String key, String label, int min, int max) {
        var f = new org.eclipse.jface.preference.IntegerFieldEditor(key, label, getFieldEditorParent());
        f.setValidRange(min, max);
        return f;
    }

    private StringFieldEditor number(String key, String label, double min, double max, boolean aboveMin) {
        StringFieldEditor f = new StringFieldEditor(key, label, getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                try {
                    double d = Double.parseDouble(getStringValue().strip());
                    boolean lowOk = aboveMin ? d > min : d >= min;
                    boolean highOk = aboveMin ? d <= max : d < max;
                    return lowOk && highOk;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        };
        f.setErrorMessage(label.replace(":", "") + " must be a number " + (aboveMin ? "above " : "from ") + min
                + (aboveMin ? " and at most " : " to below ") + max + ".");
        return f;
    }
}
