package org.reasonlab.ui.runs;

import java.nio.file.Path;

import org.reasonlab.ui.launch.TrainerLauncher;

/**
 * What the Runs view's Resume action calls: by default {@link TrainerLauncher#resume(Path)} with the runtime
 * settings of the Training preferences; tests may install their own with {@link #set}.
 */
public interface RunLauncher {

    /** Resumes the run in the folder from its last checkpoint. */
    void resume(Path runFolder) throws Exception;

    static RunLauncher get() {
        return Holder.instance;
    }

    /** Installs the launcher; null restores the default. */
    static void set(RunLauncher launcher) {
        Holder.instance = launcher == null ? Holder.DEFAULT : launcher;
    }

    /** Holds the installed instance. */
    final class Holder {
        static final RunLauncher DEFAULT = TrainerLauncher::resume;
        static volatile RunLauncher instance = DEFAULT;

        private Holder() {
        }
    }
}
