package org.reasonlab.ui.internal.perspective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.runs.RunsView;
import org.reasonlab.ui.internal.views.overview.DatasetOverviewView;

class ReasonLabPerspectiveTest {

    @Test
    void perspectiveIsRegisteredAsReasonLab() {
        IPerspectiveDescriptor descriptor = PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(ReasonLabPerspectiveFactory.ID);
        assertNotNull(descriptor, "perspective " + ReasonLabPerspectiveFactory.ID + " is registered");
        assertEquals("ReasonLab", descriptor.getLabel());
    }

    @Test
    void perspectiveShowsOverviewProjectExplorerProblemsAndProperties() throws WorkbenchException {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(ReasonLabPerspectiveFactory.ID,
                WorkbenchTestSupport.window());
        page.resetPerspective();
        WorkbenchTestSupport.flushEvents();

        assertEquals(ReasonLabPerspectiveFactory.ID, page.getPerspective().getId());
        assertNotNull(page.findViewReference(DatasetOverviewView.ID), "Dataset Overview in the perspective");
        assertNotNull(page.findViewReference(IPageLayout.ID_PROJECT_EXPLORER), "Project Explorer in the perspective");
        assertNotNull(page.findViewReference("org.eclipse.ui.views.ProblemView"), "Problems in the perspective");
        assertNotNull(page.findViewReference("org.eclipse.ui.views.PropertySheet"), "Properties in the perspective");
        assertNotNull(page.findView(DatasetOverviewView.ID), "Dataset Overview is created");
        assertNotNull(page.findViewReference(RunsView.ID), "Runs in the perspective");
        assertNotNull(page.findViewReference("org.eclipse.ui.console.ConsoleView"), "Console in the perspective");
        assertTrue(page.isPartVisible(page.findView(RunsView.ID)),
                "the Runs view is on top of its stack (the Console is in another, where its output cannot hide it)");
    }

    @Test
    void overviewViewIsInTheReasonLabCategory() {
        var view = PlatformUI.getWorkbench().getViewRegistry().find(DatasetOverviewView.ID);
        assertNotNull(view);
        assertEquals("Dataset Overview", view.getLabel());
        assertEquals("ReasonLab", view.getCategoryPath()[0], "the view's category");
        var categories = PlatformUI.getWorkbench().getViewRegistry().getCategories();
        assertTrue(Arrays.stream(categories).anyMatch(c -> c.getId().equals("org.reasonlab.ui.views.category")
                && c.getLabel().equals("ReasonLab")), "a view category named ReasonLab");
    }
}
