package org.reasonlab.ui.internal.launch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * Defaults of new fine-tune launch configurations (Window &gt; Preferences &gt; ReasonLab &gt;
 * Training), in the UI bundle's instance preferences. The hyper-parameters default to the DFAR
 * paper's (those of a new {@link RunSpec}). DJL telemetry has no preference: it is always off.
 */
public final class TrainingPreferences extends AbstractPreferenceInitializer {
    private static final String P = "training.";
    public static final String HEAP = P + "heap";
    public static final String DEVICE = P + "device";
    public static final String OFFLINE = P + "offline";
    public static final String DJL_CACHE = P + "djlCache";
    public static final String LIBTORCH_PATH = P + "libtorchPath";
    public static final String LORA_R = P + "loraR";
    public static final String LORA_ALPHA = P + "loraAlpha";
    public static final String LORA_DROPOUT = P + "loraDropout";
    public static final String LEARNING_RATE = P + "learningRate";
    public static final String EPOCHS = P + "epochs";
    public static final String BATCH_SIZE = P + "batchSize";

    public static final String DEFAULT_HEAP = "8g";

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences node = DefaultScope.INSTANCE.getNode(ReasonLabUiPlugin.PLUGIN_ID);
        builtInDefaults().forEach(node::put);
    }

    /** The built-in defaults, also used when the initializer has not run. */
    public static Map<String, String> builtInDefaults() {
        RunSpec spec = new RunSpec();
        Map<String, String> m = new LinkedHashMap<>();
        m.put(HEAP, DEFAULT_HEAP);
        m.put(DEVICE, spec.device());
        m.put(OFFLINE, "true");
        m.put(DJL_CACHE, "");
        m.put(LIBTORCH_PATH, "");
        m.put(LORA_R, Integer.toString(spec.loraR()));
        m.put(LORA_ALPHA, Integer.toString(spec.loraAlpha()));
        m.put(LORA_DROPOUT, Double.toString(spec.loraDropout()));
        m.put(LEARNING_RATE, Double.toString(spec.learningRate()));
        m.put(EPOCHS, Integer.toString(spec.epochs()));
        m.put(BATCH_SIZE, Integer.toString(spec.batchSize()));
        return m;
    }

    /** The preference's value: instance scope, then default scope, then the built-in default. */
    public static String get(String key) {
        String fallback = builtInDefaults().getOrDefault(key, "");
        try {
            return Platform.getPreferencesService().getString(ReasonLabUiPlugin.PLUGIN_ID, key, fallback, null);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
