package org.reasonlab.ui.internal.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardCategory;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.perspective.ReasonLabPerspectiveFactory;
import org.reasonlab.ui.internal.views.overview.DatasetOverviewView;

class SampleWorkspaceTest {

    @AfterEach
    void tearDown() throws Exception {
        WorkbenchTestSupport.flushEvents();
        WorkbenchTestSupport.deleteProject(SampleProjectCreator.PROJECT_NAME);
    }

    @Test
    void startupIsInertWithoutTheSystemProperty() {
        assertTrue(!Boolean.getBoolean(SampleWorkspace.PROPERTY), "the test run does not set the property");
        SampleWorkspace.prepareIfRequested();
        assertTrue(!new SampleProjectCreator().sampleFile().getProject().exists(), "no sample project created");
    }

    @Test
    void presentingTheSampleOpensThePerspectiveSelectsTheFileAndShowsItsOverview() throws Exception {
        IFile file = new SampleProjectCreator().createOrReuse(null);

        SampleWorkspace.present(file);

        IWorkbenchPage page = WorkbenchTestSupport.page();
        assertEquals(ReasonLabPerspectiveFactory.ID, page.getPerspective().getId());
        var explorer = page.findView(IPageLayout.ID_PROJECT_EXPLORER);
        assertNotNull(explorer);
        IStructuredSelection selection = (IStructuredSelection) explorer.getSite().getSelectionProvider().getSelection();
        assertEquals(file, selection.getFirstElement());
        DatasetOverviewView view = (DatasetOverviewView) page.findView(DatasetOverviewView.ID);
        assertNotNull(view);
        WorkbenchTestSupport.waitUntil("the overview shows the sample",
                () -> view.shownOverview() != null && view.shownOverview().file().equals(file));
        assertEquals(50, view.shownStatistics().records());
    }

    @Test
    void theUiBundleHasNoStartUpHook() {
        // only the demo IDE's fragment (org.reasonlab.ui.demo) prepares the sample at start-up
        for (IExtension e : Platform.getExtensionRegistry().getExtensionPoint("org.eclipse.ui.startup").getExtensions()) {
            assertTrue(!e.getContributor().getName().startsWith("org.reasonlab"),
                    "start-up hook contributed by " + e.getContributor().getName());
        }
    }

    @Test
    void sampleWizardIsAReasonLabExample() {
        IWizardDescriptor wizard = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(SampleProjectWizard.ID);
        assertNotNull(wizard, "the sample project wizard is registered");
        assertEquals("ReasonLab Sample Project", wizard.getLabel());
        IWizardCategory category = wizard.getCategory();
        assertEquals("ReasonLab", category.getLabel());
        assertEquals("org.eclipse.ui.Examples", category.getParent().getId());
        assertTrue(Arrays.stream(category.getWizards()).anyMatch(w -> w.getId().equals(SampleProjectWizard.ID)));
    }
}
