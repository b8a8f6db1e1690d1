package org.reasonlab.ui.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.reasonlab.core.run.folder.RunProcesses;
import org.reasonlab.ui.ReasonLabUi;

/** The ReasonLab UI bundle's activator. */
public class ReasonLabUiPlugin extends AbstractUIPlugin {
    public static final String PLUGIN_ID = ReasonLabUi.PLUGIN_ID;

    private static final RunProcesses RUN_PROCESSES = new RunProcesses();
    private static ReasonLabUiPlugin plugin;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        plugin = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        org.reasonlab.ui.internal.remote.RemoteRunJob.stopAll(); // the next start reattaches
        plugin = null;
        super.stop(context);
    }

    public static ReasonLabUiPlugin getDefault() {
        return plugin;
    }

    /** Logs an error of the UI bundle (Error Log view). */
    public static void log(String message, Throwable error) {
        ILog.of(ReasonLabUiPlugin.class).error(message, error);
    }

    /** The trainer processes this workbench started, for telling running runs from crashed ones. */
    public static RunProcesses runProcesses() {
        return RUN_PROCESSES;
    }
}
