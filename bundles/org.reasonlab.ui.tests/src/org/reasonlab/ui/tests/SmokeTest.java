package org.reasonlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.reasonlab.ui.ReasonLabUiPlugin;

public class SmokeTest {
    @Test
    void workbenchRuns() {
        assertNotNull(PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        assertNotNull(ReasonLabUiPlugin.PLUGIN_ID);
    }
}
