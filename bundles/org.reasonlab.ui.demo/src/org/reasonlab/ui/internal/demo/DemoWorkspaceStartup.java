package org.reasonlab.ui.internal.demo;

import org.eclipse.ui.IStartup;
import org.reasonlab.ui.internal.samples.SampleWorkspace;

/** The demo IDE's start-up hook: prepares the sample workspace when {@value SampleWorkspace#PROPERTY} is set. */
public class DemoWorkspaceStartup implements IStartup {
    @Override
    public void earlyStartup() {
        SampleWorkspace.prepareIfRequested();
    }
}
