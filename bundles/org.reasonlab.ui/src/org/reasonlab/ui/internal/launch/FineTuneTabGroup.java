package org.reasonlab.ui.internal.launch;

import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;

/** The tabs of a "ReasonLab Fine-tune" configuration: Data, Model, Training, Robustness, Runtime, Target, Common. */
public class FineTuneTabGroup extends AbstractLaunchConfigurationTabGroup {
    @Override
    public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
        setTabs(new ILaunchConfigurationTab[] { new DataTab(), new ModelTab(), new TrainingTab(), new RobustnessTab(),
                new RuntimeTab(), new TargetTab(), new CommonTab() });
    }
}
