package org.reasonlab.ui.internal.samples;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.views.overview.DatasetOverviewView;

/**
 * The demo workspace: when the system property {@value #PROPERTY} is {@code true}, creates the sample project if
 * missing, opens the ReasonLab perspective, selects the sample dataset in the Project Explorer and shows its
 * Dataset Overview. The demo IDE's start-up fragment ({@code org.reasonlab.ui.demo}) asks for it; an ordinary
 * installation has no start-up hook, so the UI bundle is not started with every workbench.
 */
public final class SampleWorkspace {
    public static final String PROPERTY = "reasonlab.sampleWorkspace";

    private SampleWorkspace() {
    }

    /** Prepares the demo workspace in a job when the property asks for it; else does nothing. */
    public static void prepareIfRequested() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        SampleProjectCreator creator = new SampleProjectCreator();
        WorkspaceJob job = new WorkspaceJob("Preparing the ReasonLab sample workspace") {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                IFile file = creator.createOrReuse(monitor);
                PlatformUI.getWorkbench().getDisplay().asyncExec(() -> present(file));
                return Status.OK_STATUS;
            }
        };
        job.setRule(creator.schedulingRule());
        job.schedule();
    }

    /** Opens the ReasonLab perspective, selects the file in the Project Explorer, shows its overview and opens it in the dataset editor. */
    public static void present(IFile file) {
        IWorkbench workbench = PlatformUI.getWorkbench();
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        if (window == null && workbench.getWorkbenchWindowCount() > 0) {
            window = workbench.getWorkbenchWindows()[0];
        }
        if (window == null) {
            return;
        }
        try {
            IWorkbenchPage page = workbench.showPerspective(ReasonLabUi.PERSPECTIVE, window);
            IViewPart explorer = page.showView(IPageLayout.ID_PROJECT_EXPLORER);
            if (explorer instanceof ISetSelectionTarget target) {
                target.selectReveal(new StructuredSelection(file));
            }
            IViewPart overview = page.showView(DatasetOverviewView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
            if (overview instanceof DatasetOverviewView view) {
                view.showDataset(file);
            }
            IDE.openEditor(page, file, true);
        } catch (WorkbenchException | RuntimeException e) {
            ILog.of(SampleWorkspace.class).error("Could not present the ReasonLab sample workspace", e);
        }
    }
}
