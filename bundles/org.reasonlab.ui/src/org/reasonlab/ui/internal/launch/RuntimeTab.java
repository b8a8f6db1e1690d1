package org.reasonlab.ui.internal.launch;

import static org.reasonlab.ui.internal.launch.LaunchAttributes.*;

import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.reasonlab.core.run.RunSpec;

/** Runtime: the trainer JVM's Java runtime and heap, the device, DJL's cache, offline mode and a local libtorch. */
public class RuntimeTab extends FineTuneTab {
    public RuntimeTab() {
        super("Runtime");
    }

    @Override
    protected void createFields(Composite c) {
        text(c, "Java runtime:", JAVA_HOME, "Home folder of a Java 21+ runtime; empty = the one the IDE runs on", "folder");
        text(c, "Heap:", HEAP, "Maximum heap of the trainer JVM, e.g. 8g", null);
        combo(c, "Device:", DEVICE, RunSpec.DEVICES, List.of("auto (a GPU if there is one)", "cpu", "gpu"));
        text(c, "DJL cache folder:", DJL_CACHE, "DJL_CACHE_DIR; empty = ~/.djl.ai", "folder");
        combo(c, "Offline:", OFFLINE, List.of("true", "false"),
                List.of("Offline (no downloads)", "Allow DJL to download libtorch once"));
        text(c, "Local libtorch:", LIBTORCH_PATH, "The lib folder of libtorch " + TrainerCommand.LIBTORCH_VERSION
                + " (PYTORCH_LIBRARY_PATH); empty = the bundled CPU build or DJL's cache", "folder");
        note(c, "DJL telemetry is always off (OPT_OUT_TRACKING=true), whatever the settings.");
    }

    @Override
    protected List<String> attributes() {
        return RUNTIME;
    }
}
