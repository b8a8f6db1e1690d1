package org.reasonlab.ui.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.ui.internal.Screenshots;
import org.reasonlab.ui.internal.WorkbenchTestSupport;

/**
 * A probe.json opens in the probe view: flip rates, flips per substitution, the flipped records with both
 * statements and reasons. With -Dreasonlab.probeFile=PATH and -Dreasonlab.screenshots=DIR it shows that file (e.g.
 * a probe on DFAR) and takes a screenshot.
 */
class ProbeEditorTest {
    private static final String PROJECT = "probe-test";
    private static final String PROBE = """
            {"attributes":"gender","model":"tiny","run":"lr-seed1","split":"test",
             "records":4,"withAttribute":3,"skippedAsAmbiguous":1,
             "all":{"labelFlips":{"k":1,"n":2,"rate":0.5},"reasonVerdictFlips":{"k":0,"n":1,"rate":0.0},
                    "likelihoodLabelFlips":{"k":1,"n":2,"rate":0.5},"labelFlipsByValue":{"female":{"k":1,"n":2,"rate":0.5}},
                    "labelFlipsByPair":{"he\\u2192she":{"k":1,"n":2,"rate":0.5},"his\\u2192her":{"k":0,"n":1,"rate":0.0}},
                    "likelihoodShift":{"n":2,"meanAbsGoldShift":0.125,"meanGoldShift":-0.125,
                                       "meanShiftByLabel":{"ethical":-0.125,"unethical":0.125}},
                    "likelihoodShiftByValue":{"female":{"n":2,"meanAbsGoldShift":0.125,"meanGoldShift":-0.125,
                                                        "meanShiftByLabel":{"ethical":-0.125,"unethical":0.125}}},
                    "likelihoodShiftByPair":{"he\\u2192she":{"n":1,"meanAbsGoldShift":0.25,"meanGoldShift":-0.25,
                                                              "meanShiftByLabel":{"ethical":-0.25,"unethical":0.25}},
                                             "his\\u2192her":{"n":1,"meanAbsGoldShift":0.0,"meanGoldShift":0.0,
                                                              "meanShiftByLabel":{"ethical":0.0,"unethical":0.0}}}},
             "clean":{"labelFlips":{"k":1,"n":2,"rate":0.5},"reasonVerdictFlips":{"k":0,"n":1,"rate":0.0},
                    "likelihoodLabelFlips":{"k":1,"n":2,"rate":0.5},"labelFlipsByValue":{},"labelFlipsByPair":{}},
             "flipped":[{"id":"a","value":"female","pairs":"he\\u2192she","leaked":false,
                         "statement":"He returned the wallet.","variantStatement":"She returned the wallet.",
                         "label":"ethical","variantLabel":"unethical","reason":"He was honest.","variantReason":null,
                         "goldLabel":"ethical","labelProbabilities":{"ethical":0.75,"unethical":0.25},
                         "variantLabelProbabilities":{"ethical":0.5,"unethical":0.5}}]}
            """;
    private IProject project;

    @BeforeEach
    void create() throws Exception {
        project = WorkbenchTestSupport.createProject(PROJECT);
        ResultsTestSupport.folder(project, "runs/probe");
        ResultsTestSupport.write(project, "runs/probe/probe.json",
                givenProbe() == null ? PROBE : Files.readString(givenProbe()));
    }

    /** The probe.json named by -Dreasonlab.probeFile, null without one ("none", the build's default). */
    private static Path givenProbe() {
        String given = System.getProperty("reasonlab.probeFile", "none");
        return given.isBlank() || given.equals("none") || given.equals("null") ? null : Path.of(given);
    }

    @AfterEach
    void cleanUp() throws Exception {
        WorkbenchTestSupport.page().closeAllEditors(false);
        WorkbenchTestSupport.deleteProject(PROJECT);
    }

    @Test
    void showsFlipRatesAndTheFlippedRecordsSideBySide() throws Exception {
        boolean screenshot = Screenshots.requested(Screenshots.PROPERTY);
        IWorkbenchPage page = screenshot ? Screenshots.reasonLabPerspective(WorkbenchTestSupport.window().getShell())
                : WorkbenchTestSupport.page();
        IFile file = project.getFile("runs/probe/probe.json");
        IEditorPart part = IDE.openEditor(page, file);
        assertTrue(part instanceof ProbeEditor, () -> String.valueOf(part));
        ProbeEditor editor = (ProbeEditor) part;
        if (givenProbe() != null) {
            page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
            WorkbenchTestSupport.spin(Duration.ofSeconds(1));
            Screenshots.capture(page.getWorkbenchWindow().getShell().getDisplay(),
                    new File(Screenshots.folder(Screenshots.PROPERTY), "probe-flipped-records.png"));
            return;
        }
        assertTrue(editor.summaryText().startsWith("gender: 3 of 4 records hold its words, 1 left out as ambiguous."),
                editor.summaryText());
        assertTrue(editor.summaryText().contains("Label flips 50.0% (1/2)"), editor.summaryText());
        assertTrue(editor.summaryText().contains("Label probabilities: mean |\u0394p(gold)| 0.1250, mean \u0394p(gold)"
                + " -0.1250 over 2 pairs (mean \u0394p ethical -0.1250, unethical +0.1250).   Run lr-seed1, model tiny,"
                + " split test"), editor.summaryText());
        assertEquals(List.of(List.of("value female", "1 / 2", "50.0% (1/2)", "0.1250", "-0.1250"),
                List.of("he\u2192she", "1 / 2", "50.0% (1/2)", "0.2500", "-0.2500"),
                List.of("his\u2192her", "0 / 1", "0.0% (0/1)", "0.0000", "+0.0000")), editor.shownPairs());
        assertEquals(List.of(List.of("a", "female", "he\u2192she", "ethical", "unethical", "-0.2500", "")),
                editor.shownFlipped());
        assertEquals(List.of("Statement: He returned the wallet.\n\nPredicted label: ethical\n\nGenerated reason: He"
                + " was honest.\n\nLabel probabilities: ethical 0.7500, unethical 0.2500", "Statement: She returned the"
                + " wallet.\n\nPredicted label: unethical\n\nGenerated reason: \n\nLabel probabilities: ethical 0.5000,"
                + " unethical 0.5000"), editor.shownDetail());
    }
}
