package org.reasonlab.ui.internal.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.run.group.RunGroup;
import org.reasonlab.core.run.group.RunGroupFile;
import org.reasonlab.core.training.MixtureSource;
import org.reasonlab.ui.internal.Screenshots;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.runs.TrainerTestSupport;

/**
 * The Robustness tab of the fine-tune launch: counterfactual training and a data mixture with mitigations, checked
 * as typed; a sweep over mixture ratios and consistency weights launched on this machine as one run group.
 */
class RobustnessLaunchTest {
    private static final String PROJECT = "robustness-test";
    private IProject project;
    private IFile dataset;
    private IFile augmented;

    @BeforeEach
    void setUp() throws CoreException {
        project = WorkbenchTestSupport.createProject(PROJECT);
        dataset = WorkbenchTestSupport.writeFile(project, "data.jsonl", records("I helped", 24));
        augmented = WorkbenchTestSupport.writeFile(project, "augmented.jsonl", records("He helped", 16));
    }

    private static String records(String start, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String label = i % 2 == 0 ? "ethical" : "unethical";
            String split = i < n * 2 / 3 ? "train" : "test";
            b.append("{\"id\":\"").append(start.charAt(0)).append(i).append("\",\"statement\":\"").append(start)
                    .append(" person ").append(i).append(" today.\",\"label\":\"").append(label)
                    .append("\",\"reason\":\"Because reason ").append(i).append(".\",\"split\":\"").append(split)
                    .append("\"}\n");
        }
        return b.toString();
    }

    @AfterEach
    void tearDown() throws CoreException {
        LaunchTestSupport.terminateLaunches();
        WorkbenchTestSupport.deleteProject(PROJECT);
    }

    private ILaunchConfigurationWorkingCopy config(String name) throws CoreException {
        return LaunchTestSupport.config(name, dataset);
    }

    private static String errorOf(ILaunchConfiguration config) {
        return LaunchTestSupport.errorOf(new RobustnessTab(), config);
    }

    @Test
    void theTabChecksCounterfactualAndMixtureSettingsAndTheSweepsLists() throws CoreException {
        ILaunchConfigurationWorkingCopy wc = config("robustness");
        assertNull(errorOf(wc), "the defaults: no counterfactual training, no mixture");

        wc.setAttribute(LaunchAttributes.COUNTERFACTUAL_ATTRIBUTES, "builtin:gender");
        assertTrue(errorOf(wc).contains("neither augmentation nor a consistency weight"), errorOf(wc));
        wc.setAttribute(LaunchAttributes.LAMBDAS, "0,1");
        assertNull(errorOf(wc), "a lambda sweep above 0 uses the attributes");
        wc.setAttribute(LaunchAttributes.LAMBDAS, "");
        wc.setAttribute(LaunchAttributes.CONSISTENCY_WEIGHT, "0.5");
        assertNull(errorOf(wc));
        wc.setAttribute(LaunchAttributes.COUNTERFACTUAL_ATTRIBUTES, "builtin:colours");
        assertTrue(errorOf(wc).startsWith("Counterfactual attributes: no built-in set builtin:colours"), errorOf(wc));
        wc.setAttribute(LaunchAttributes.COUNTERFACTUAL_ATTRIBUTES, "/" + PROJECT + "/missing.json");
        assertTrue(errorOf(wc).startsWith("Attribute set file not found"), errorOf(wc));
        wc.setAttribute(LaunchAttributes.COUNTERFACTUAL_ATTRIBUTES, "builtin:gender");

        // one source per line; a workspace path is the file on disk
        wc.setAttribute(LaunchAttributes.MIXTURE, "self=0.75\n" + augmented.getFullPath() + "=0.25,tag,weight=0.5");
        assertNull(errorOf(wc));
        RunSpec spec = LaunchSettings.of(wc).toSpec("r");
        assertEquals(List.of(MixtureSource.plain("self", 0.75), new MixtureSource(
                augmented.getLocation().toPath().toString(), 0.25, true, 0.5, null)), spec.mixture());
        assertEquals("builtin:gender", spec.counterfactualAttributes());
        assertEquals(0.5, spec.consistencyWeight());
        wc.setAttribute(LaunchAttributes.MIXTURE, "self=0.75\n/" + PROJECT + "/missing.jsonl=0.25");
        assertTrue(errorOf(wc).startsWith("Mixture: dataset file not found"), errorOf(wc));
        wc.setAttribute(LaunchAttributes.MIXTURE, "self=0.75\n" + augmented.getFullPath() + "=0.25,shout");
        assertTrue(errorOf(wc).contains("unknown 'shout'"), errorOf(wc));

        wc.setAttribute(LaunchAttributes.MIXTURE, "self=1");
        wc.setAttribute(LaunchAttributes.RATIOS, "0.1,0.5");
        assertTrue(errorOf(wc).contains("needs a mixture of two or more sources"), errorOf(wc));
        wc.setAttribute(LaunchAttributes.MIXTURE, "self=0.75\n" + augmented.getFullPath() + "=0.25");
        assertNull(errorOf(wc));
        wc.setAttribute(LaunchAttributes.RATIOS, "0.1,x");
        assertEquals("Ratios must be numbers from 0 to 1 separated by commas (0.1,0.25,0.5), not 'x'.", errorOf(wc));
        wc.setAttribute(LaunchAttributes.RATIOS, "0.1,1.5");
        assertTrue(errorOf(wc).contains("from 0 to 1, not 1.5"), errorOf(wc));
        wc.setAttribute(LaunchAttributes.RATIOS, "0.1,0.5");
        wc.setAttribute(LaunchAttributes.RUN_DIR, "/tmp/one-folder");
        assertTrue(errorOf(wc).startsWith("A sweep makes one run folder per run"), errorOf(wc));
        wc.setAttribute(LaunchAttributes.RUN_DIR, "");

        // with lambdas the single weight is not used: an empty field is no problem, and the spec can be made
        wc.setAttribute(LaunchAttributes.LAMBDAS, "0,1");
        wc.setAttribute(LaunchAttributes.CONSISTENCY_WEIGHT, "");
        assertNull(errorOf(wc));
        assertEquals(0.0, LaunchSettings.of(wc).toSpec("r").consistencyWeight());
        // evaluating the base model neither checks nor uses the training's mixture
        ILaunchConfigurationWorkingCopy eval = config("evaluate");
        eval.setAttribute(LaunchAttributes.ACTION, LaunchAttributes.ACTION_EVALUATE);
        eval.setAttribute(LaunchAttributes.MIXTURE, "self=0.75\nhalf-typed");
        eval.setAttribute(LaunchAttributes.CONSISTENCY_WEIGHT, "");
        assertNull(LaunchSettings.of(eval).firstProblem());
        assertEquals(List.of(), LaunchSettings.of(eval).toSpec("e").mixture());
    }

    @Test
    void theTabAsTheDialogShowsIt() throws Exception {
        assumeTrue(Screenshots.requested(Screenshots.PROPERTY), "screenshots only (-Dreasonlab.screenshots=DIR)");
        ILaunchConfigurationWorkingCopy wc = config("robustness-screenshot");
        wc.setAttribute(LaunchAttributes.COUNTERFACTUAL_ATTRIBUTES, "builtin:gender");
        wc.setAttribute(LaunchAttributes.LAMBDAS, "0,0.5,1");
        wc.setAttribute(LaunchAttributes.MIXTURE, "self=0.75\n" + augmented.getFullPath() + "=0.25,tag,weight=0.5,"
                + "mask=builtin:gender");
        wc.setAttribute(LaunchAttributes.RATIOS, "0,0.25,0.5");
        Shell shell = new Shell(WorkbenchTestSupport.window().getShell(), SWT.SHELL_TRIM);
        try {
            shell.setText("Run Configurations: Robustness tab");
            shell.setLayout(new FillLayout());
            RobustnessTab tab = new RobustnessTab();
            tab.createControl(shell);
            tab.initializeFrom(wc);
            assertTrue(tab.isValid(wc), tab.getErrorMessage());
            shell.setBounds(60, 60, 900, 520);
            shell.open();
            WorkbenchTestSupport.spin(Duration.ofMillis(500));
            Screenshots.capture(shell.getDisplay(), new File(Screenshots.folder(Screenshots.PROPERTY),
                    "robustness-tab.png"));
        } finally {
            shell.dispose();
        }
    }

    @Test
    void aRatioAndLambdaSweepTrainsOneRunPerPairAsOneGroup() throws Exception {
        assumeTrue(TrainerClassPath.trainerBundle().isPresent(), "org.reasonlab.train is not installed");
        ILaunchConfigurationWorkingCopy wc = config("mix");
        wc.setAttribute(LaunchAttributes.MODEL, "tiny");
        wc.setAttribute(LaunchAttributes.TUNING, "full");
        wc.setAttribute(LaunchAttributes.BATCH_SIZE, "4");
        wc.setAttribute(LaunchAttributes.MAX_STEPS, "2");
        wc.setAttribute(LaunchAttributes.MAX_SEQUENCE_LENGTH, "64");
        wc.setAttribute(LaunchAttributes.EVAL_MAX_NEW_TOKENS, "4");
        wc.setAttribute(LaunchAttributes.DEVICE, "cpu");
        wc.setAttribute(LaunchAttributes.HEAP, "1g");
        wc.setAttribute(LaunchAttributes.COUNTERFACTUAL_ATTRIBUTES, "builtin:gender");
        wc.setAttribute(LaunchAttributes.MIXTURE, "self=0.5\n" + augmented.getFullPath() + "=0.5,tag");
        wc.setAttribute(LaunchAttributes.RATIOS, "0.25,0.5");
        wc.setAttribute(LaunchAttributes.LAMBDAS, "0,1");
        assertNull(LaunchSettings.of(wc).firstProblem());
        wc.launch(ILaunchManager.RUN_MODE, null);

        Path runs = project.getLocation().toPath().resolve("runs");
        List<Path> groups = RunGroupFile.list(runs); // written by the launch, before the first run starts
        assertEquals(1, groups.size(), groups::toString);
        RunGroup group = RunGroupFile.read(groups.get(0));
        List<String> names = group.members().stream().map(p -> p.getFileName().toString()).toList();
        List<String> expected = List.of("mix-ratio0.25-lambda0-", "mix-ratio0.25-lambda1-", "mix-ratio0.5-lambda0-",
                "mix-ratio0.5-lambda1-");
        for (int i = 0; i < 4; i++) {
            assertTrue(names.get(i).startsWith(expected.get(i)), names::toString);
        }
        TrainerTestSupport.spinUntil(() -> group.members().stream().allMatch(p -> RunReader.readOnce(p).info().state()
                == RunState.COMPLETED && Files.isRegularFile(p.resolve(RunDirectory.METRICS))), Duration.ofMinutes(6));

        RunSpec quarterWithLambda = new RunDirectory(group.members().get(1)).readSpec();
        assertEquals(1.0, quarterWithLambda.consistencyWeight());
        assertEquals("builtin:gender", quarterWithLambda.counterfactualAttributes());
        assertEquals(0.75, quarterWithLambda.mixture().get(0).ratio(), 1e-12);
        assertEquals(0.25, quarterWithLambda.mixture().get(1).ratio(), 1e-12);
        assertEquals(augmented.getLocation().toPath().toString(), quarterWithLambda.mixture().get(1).dataset());
        assertNull(new RunDirectory(group.members().get(0)).readSpec().counterfactualAttributes(),
                "lambda 0 without variants is the run without counterfactual training");
        for (Path member : group.members()) {
            assertEquals(RunState.COMPLETED, RunReader.readOnce(member).info().state(), member.toString());
            assertTrue(Files.isRegularFile(member.resolve(RunDirectory.METRICS)), member.toString());
        }
    }
}
