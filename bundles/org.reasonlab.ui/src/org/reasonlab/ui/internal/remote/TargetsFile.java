package org.reasonlab.ui.internal.remote;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.reasonlab.core.target.ComputeTargets;
import org.reasonlab.ui.ReasonLabUi;

/**
 * Where the workbench keeps its compute targets: the same {@code targets.json} the command line reads (default
 * {@value ComputeTargets#DEFAULT_LOCATION}); the preference {@value #PREFERENCE} may point elsewhere.
 */
public final class TargetsFile {
    public static final String PREFERENCE = "computeTargetsFile";

    private TargetsFile() {
    }

    public static IPreferenceStore store() {
        return new ScopedPreferenceStore(InstanceScope.INSTANCE, ReasonLabUi.PLUGIN_ID);
    }

    public static Path path() {
        String value = store().getString(PREFERENCE);
        return value == null || value.isBlank() ? ComputeTargets.defaultFile() : Path.of(value);
    }

    /** The targets; {@code local} only when the file does not exist. */
    public static ComputeTargets load() throws IOException {
        return ComputeTargets.read(path());
    }
}
