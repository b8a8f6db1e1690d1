package org.reasonlab.ui;

import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The ReasonLab UI bundle's activator. */
public class ReasonLabUiPlugin extends AbstractUIPlugin {
    public static final String PLUGIN_ID = "org.reasonlab.ui";

    private static ReasonLabUiPlugin plugin;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        plugin = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        plugin = null;
        super.stop(context);
    }

    public static ReasonLabUiPlugin getDefault() {
        return plugin;
    }
}
