package org.reasonlab.ui.internal.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.ui.internal.launch.LaunchAttributes;
import org.reasonlab.ui.internal.launch.LaunchSettings;

/**
 * The sample project's ready launch configurations, stored as shared {@code .launch} files in the project: the
 * pre-trained baseline, L and L+R on the sample dataset with the built-in tiny model, sized to finish in well
 * under a minute on a laptop CPU so a new user can run all three and compare them, and a sweep of L and L+R over
 * three seeds (six such runs, one after another, and their run group) whose comparison shows intervals over seeds
 * and paired tests. Existing files are left as they are (the user may have edited them).
 */
public final class SampleLaunchConfigurations {
    public static final String PRETRAINED = "Sample pre-trained (tiny)";
    public static final String LABEL_ONLY = "Sample L (tiny)";
    public static final String LABEL_AND_REASON = "Sample L+R (tiny)";
    public static final String SWEEP = "Sample sweep L vs L+R, 3 seeds (tiny)";

    /**
     * The tiny model learns from scratch, so full tuning with a higher rate than the paper's LoRA set-up; its
     * tokenizer works on characters, so the DFAR prompt with a statement and a reason needs about 350 tokens.
     */
    private static final Map<String, String> TINY_TRAINING = Map.ofEntries(
            Map.entry(LaunchAttributes.MODEL, "tiny"),
            Map.entry(LaunchAttributes.TUNING, "full"),
            Map.entry(LaunchAttributes.LEARNING_RATE, "2e-3"),
            Map.entry(LaunchAttributes.SCHEDULE, "constant"),
            Map.entry(LaunchAttributes.WARMUP_STEPS, "10"),
            Map.entry(LaunchAttributes.BATCH_SIZE, "8"),
            Map.entry(LaunchAttributes.EPOCHS, "40"),
            Map.entry(LaunchAttributes.MAX_SEQUENCE_LENGTH, "384"),
            Map.entry(LaunchAttributes.CHECKPOINT_EVERY, "50"),
            Map.entry(LaunchAttributes.EVAL_SPLIT, "test"),
            Map.entry(LaunchAttributes.DEVICE, "cpu"),
            Map.entry(LaunchAttributes.HEAP, "2g"));

    private SampleLaunchConfigurations() {
    }

    /** Creates the missing configurations for the dataset; returns all four. */
    public static List<ILaunchConfiguration> createOrReuse(IFile dataset) throws CoreException {
        List<ILaunchConfiguration> configs = new ArrayList<>();
        configs.add(createOrReuse(dataset, PRETRAINED, LaunchAttributes.ACTION_EVALUATE, TrainingMode.L_PLUS_R, "48"));
        configs.add(createOrReuse(dataset, LABEL_ONLY, LaunchAttributes.ACTION_TRAIN, TrainingMode.L, "16"));
        configs.add(createOrReuse(dataset, LABEL_AND_REASON, LaunchAttributes.ACTION_TRAIN, TrainingMode.L_PLUS_R, "48"));
        configs.add(createOrReuse(dataset, SWEEP, LaunchAttributes.ACTION_TRAIN, TrainingMode.L_PLUS_R, "48",
                Map.of(LaunchAttributes.MODES, "l,l+r", LaunchAttributes.SEEDS, "1,2,3")));
        return configs;
    }

    private static ILaunchConfiguration createOrReuse(IFile dataset, String name, String action, TrainingMode mode,
            String maxNewTokens) throws CoreException {
        return createOrReuse(dataset, name, action, mode, maxNewTokens, Map.of());
    }

    private static ILaunchConfiguration createOrReuse(IFile dataset, String name, String action, TrainingMode mode,
            String maxNewTokens, Map<String, String> more) throws CoreException {
        IProject project = dataset.getProject();
        IFile file = project.getFile(name + "." + ILaunchConfiguration.LAUNCH_CONFIGURATION_FILE_EXTENSION);
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        if (file.exists()) {
            return manager.getLaunchConfiguration(file);
        }
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
        ILaunchConfigurationWorkingCopy wc = type.newInstance(project, name);
        LaunchSettings.setDefaults(wc);
        TINY_TRAINING.forEach(wc::setAttribute);
        wc.setAttribute(LaunchAttributes.DATASET, dataset.getFullPath().toString());
        wc.setAttribute(LaunchAttributes.ACTION, action);
        wc.setAttribute(LaunchAttributes.MODE, mode.id());
        wc.setAttribute(LaunchAttributes.EVAL_MAX_NEW_TOKENS, maxNewTokens);
        more.forEach(wc::setAttribute);
        wc.setMappedResources(new IResource[] { dataset });
        return wc.doSave();
    }
}
