package org.reasonlab.ui.internal.samples;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.reasonlab.ui.ReasonLabUi;

/** File &gt; New &gt; Example... &gt; ReasonLab &gt; ReasonLab Sample Project: creates the sample project and selects its dataset. */
public class SampleProjectWizard extends Wizard implements INewWizard {
    public static final String ID = ReasonLabUi.SAMPLE_PROJECT_WIZARD;

    private IWorkbench workbench;

    public SampleProjectWizard() {
        setWindowTitle("ReasonLab Sample Project");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
    }

    @Override
    public void addPages() {
        addPage(new ExplanationPage());
    }

    @Override
    public boolean performFinish() {
        SampleProjectCreator creator = new SampleProjectCreator();
        IFile[] created = new IFile[1];
        WorkspaceModifyOperation operation = new WorkspaceModifyOperation(creator.schedulingRule()) {
            @Override
            protected void execute(IProgressMonitor monitor) throws CoreException {
                created[0] = creator.createOrReuse(monitor);
            }
        };
        try {
            getContainer().run(true, false, operation);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CoreException core) {
                ErrorDialog.openError(getShell(), "ReasonLab Sample Project", "The sample project could not be created.",
                        core.getStatus());
            } else {
                ErrorDialog.openError(getShell(), "ReasonLab Sample Project", "The sample project could not be created.",
                        Status.error(String.valueOf(cause), cause));
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
            BasicNewResourceWizard.selectAndReveal(created[0], workbench.getActiveWorkbenchWindow());
        }
        return true;
    }

    /** Says what Finish will do. */
    private static final class ExplanationPage extends WizardPage {
        ExplanationPage() {
            super("explanation");
            setTitle("ReasonLab Sample Project");
            setDescription("Creates the project '" + SampleProjectCreator.PROJECT_NAME + "' with a sample dataset.");
        }

        @Override
        public void createControl(Composite parent) {
            Label text = new Label(parent, SWT.WRAP);
            text.setText("The project holds " + SampleProjectCreator.DATASET_NAME
                    + ": about fifty everyday statements, each labelled ethical or unethical with a reason, split into"
                    + " train, validation and test. Select it to see its Dataset Overview."
                    + " If the project exists already, it is reused and its files are left as they are.");
            setControl(text);
        }
    }
}
