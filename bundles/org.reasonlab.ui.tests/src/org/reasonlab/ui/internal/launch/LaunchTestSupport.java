package org.reasonlab.ui.internal.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.widgets.Shell;
import org.reasonlab.ui.internal.WorkbenchTestSupport;

/** Fine-tune launch configurations and their tabs' checks, for the launch tests. */
final class LaunchTestSupport {
    private LaunchTestSupport() {
    }

    static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
    }

    /** A new configuration with the defaults, training on {@code dataset}; skips when the type is not registered. */
    static ILaunchConfigurationWorkingCopy config(String name, IFile dataset) throws CoreException {
        ILaunchConfigurationType type = type();
        assumeTrue(type != null, "the launch configuration type is not registered (plugin.xml)");
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, name);
        LaunchSettings.setDefaults(wc);
        wc.setAttribute(LaunchAttributes.DATASET, dataset.getFullPath().toString());
        return wc;
    }

    /** Terminates the launches still running (a test's trainers). */
    static void terminateLaunches() throws DebugException {
        for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
            if (!launch.isTerminated()) {
                launch.terminate();
            }
        }
    }

    /** The tab's error message for the configuration, as the dialog would show it; null when valid. */
    static String errorOf(FineTuneTab tab, ILaunchConfiguration config) {
        Shell shell = new Shell(WorkbenchTestSupport.window().getShell());
        try {
            tab.createControl(shell);
            tab.initializeFrom(config);
            boolean valid = tab.isValid(config);
            String error = tab.getErrorMessage();
            assertEquals(valid, error == null, "isValid and the error message agree");
            return error;
        } finally {
            tab.dispose();
            shell.dispose();
        }
    }
}
