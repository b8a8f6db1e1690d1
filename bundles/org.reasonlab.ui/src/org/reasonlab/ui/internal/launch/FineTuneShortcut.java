package org.reasonlab.ui.internal.launch;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PlatformUI;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.prompt.TrainingMode;

/**
 * Run As shortcuts on dataset files: Fine-tune (L+R), Fine-tune (L), Evaluate base model. Each reuses
 * the configuration it made before for the same file and kind, or creates one, stored as a shared
 * {@code .launch} file in the dataset's project, and launches it.
 */
public abstract class FineTuneShortcut implements ILaunchShortcut2 {
    private final String action;
    private final TrainingMode mode;
    private final String suffix;

    protected FineTuneShortcut(String action, TrainingMode mode, String suffix) {
        this.action = action;
        this.mode = mode;
        this.suffix = suffix;
    }

    /** Run As &gt; Fine-tune (L+R). */
    public static class LabelAndReason extends FineTuneShortcut {
        public LabelAndReason() {
            super(LaunchAttributes.ACTION_TRAIN, TrainingMode.L_PLUS_R, "fine-tune L+R");
        }
    }

    /** Run As &gt; Fine-tune (L). */
    public static class LabelOnly extends FineTuneShortcut {
        public LabelOnly() {
            super(LaunchAttributes.ACTION_TRAIN, TrainingMode.L, "fine-tune L");
        }
    }

    /** Run As &gt; Evaluate base model. */
    public static class EvaluateBase extends FineTuneShortcut {
        public EvaluateBase() {
            super(LaunchAttributes.ACTION_EVALUATE, TrainingMode.L_PLUS_R, "evaluate base model");
        }
    }

    @Override
    public void launch(ISelection selection, String launchMode) {
        launch(datasetOf(selection), launchMode);
    }

    @Override
    public void launch(IEditorPart editor, String launchMode) {
        launch(datasetOf(editor), launchMode);
    }

    private void launch(IFile dataset, String launchMode) {
        if (dataset == null) {
            return;
        }
        try {
            DebugUITools.launch(configurationFor(dataset), launchMode);
        } catch (CoreException e) {
            ErrorDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "ReasonLab",
                    "Cannot create the launch configuration for " + dataset.getName(), e.getStatus());
        }
    }

    /** The existing configuration for this file and kind, or a new one saved in the dataset's project. */
    public ILaunchConfiguration configurationFor(IFile dataset) throws CoreException {
        ILaunchConfiguration[] existing = find(dataset);
        if (existing.length > 0) {
            return existing[0];
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
        String name = manager.generateLaunchConfigurationName(baseName(dataset) + " (" + suffix + ")");
        ILaunchConfigurationWorkingCopy wc = type.newInstance(dataset.getProject(), name);
        LaunchSettings.setDefaults(wc);
        wc.setAttribute(LaunchAttributes.DATASET, dataset.getFullPath().toString());
        wc.setAttribute(LaunchAttributes.ACTION, action);
        wc.setAttribute(LaunchAttributes.MODE, mode.id());
        wc.setMappedResources(new IResource[] { dataset });
        return wc.doSave();
    }

    private ILaunchConfiguration[] find(IFile dataset) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
        List<ILaunchConfiguration> found = new ArrayList<>();
        if (type == null) {
            return new ILaunchConfiguration[0];
        }
        String path = dataset.getFullPath().toString();
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
            if (path.equals(c.getAttribute(LaunchAttributes.DATASET, ""))
                    && action.equals(c.getAttribute(LaunchAttributes.ACTION, LaunchAttributes.ACTION_TRAIN))
                    && (LaunchAttributes.ACTION_EVALUATE.equals(action)
                            || TrainingMode.parse(c.getAttribute(LaunchAttributes.MODE, "")).orElse(null) == mode)) {
                found.add(c);
            }
        }
        return found.toArray(ILaunchConfiguration[]::new);
    }

    private static String baseName(IFile file) {
        String name = file.getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static IFile datasetOf(ISelection selection) {
        if (selection instanceof IStructuredSelection s && s.size() == 1) {
            Object o = s.getFirstElement();
            IFile file = o instanceof IFile f ? f : o instanceof IAdaptable a ? a.getAdapter(IFile.class) : null;
            return isDataset(file) ? file : null;
        }
        return null;
    }

    static IFile datasetOf(IEditorPart editor) {
        if (editor != null && editor.getEditorInput() instanceof IFileEditorInput input) {
            return isDataset(input.getFile()) ? input.getFile() : null;
        }
        return null;
    }

    static boolean isDataset(IFile file) {
        return file != null && file.getLocation() != null
                && DatasetFormat.fromFileName(file.getLocation().toPath()).isPresent();
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        IFile file = datasetOf(selection);
        try {
            return file == null ? null : find(file);
        } catch (CoreException e) {
            return null;
        }
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        IFile file = datasetOf(editor);
        try {
            return file == null ? null : find(file);
        } catch (CoreException e) {
            return null;
        }
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        return datasetOf(selection);
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return datasetOf(editor);
    }
}
