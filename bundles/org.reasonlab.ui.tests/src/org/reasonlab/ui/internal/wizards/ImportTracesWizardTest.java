package org.reasonlab.ui.internal.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.traces.Correctness;
import org.reasonlab.core.traces.TraceMetadata;
import org.reasonlab.ui.internal.Screenshots;

/** File > Import > ReasonLab > Reasoning Traces: join, statistics, filter by verdict and length, write. */
class ImportTracesWizardTest {
    private static final String PROJECT = "reasonlab-traces-test";
    private static final String DATASET = """
            {"id":"1","statement":"I hid my income from the tax office.","label":"unethical","reason":"Tax evasion.","split":"train"}
            {"id":"2","statement":"I ate lunch in the cafeteria.","label":"ethical","reason":"Harmless.","split":"train"}
            {"id":"3","statement":"I returned a lost wallet.","label":"ethical","reason":"Honest.","split":"train"}
            {"id":"4","statement":"I kicked a dog.","label":"unethical","reason":"Cruel.","split":"train"}
            {"id":"5","statement":"I thanked the driver.","label":"ethical","reason":"Polite.","split":"train"}
            {"id":"6","statement":"I took a pen from work.","label":"unethical","reason":"Theft.","split":"test"}
            """;
    private static final String TRACES = """
            {"id":"1","trace":"Step 1: The person under-reported their income. Step 2: That is tax evasion. So this is unethical."}
            {"id":"2","trace":"Eating lunch harms no one. Therefore the action is ethical."}
            {"id":"3","trace":"Returning the wallet is unethical."}
            {"id":"4","trace":"Hmm."}
            {"id":"6","trace":"Taking a pen is theft. So this is unethical."}
            {"id":"99","trace":"This is ethical."}
            """;

    private IProject project;
    private IFile dataset;
    private Path traces;
    private ImportTracesWizard wizard;
    private WizardDialog dialog;
    private final WizardTestSupport.RecordingPrompter prompter = new WizardTestSupport.RecordingPrompter();

    @BeforeEach
    void setUp() throws Exception {
        project = WizardTestSupport.createProject(PROJECT);
        dataset = WizardTestSupport.writeFile(project, "ethics.jsonl", DATASET);
        traces = Files.createTempFile("teacher-traces", ".jsonl");
        Files.writeString(traces, TRACES);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        WizardTestSupport.deleteProject(PROJECT);
        Files.deleteIfExists(traces);
    }

    private void openAndPreview(String split) {
        wizard = new ImportTracesWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(dataset));
        wizard.setPrompter(prompter);
        wizard.setOpenEditor(false);
        dialog = WizardTestSupport.open(wizard);
        assertEquals(dataset, wizard.sourcePage().dataset(), "the selected dataset");
        assertFalse(wizard.canFinish(), "nothing to write before the traces are read");
        wizard.sourcePage().set(dataset, traces, split, "/" + PROJECT + "/ethics-traces.jsonl");
        assertTrue(wizard.sourcePage().isPageComplete(), wizard.sourcePage().getErrorMessage());
        dialog.showPage(wizard.filterPage());
        WizardTestSupport.flushEvents();
        assertEquals(wizard.filterPage(), dialog.getCurrentPage());
        assertTrue(wizard.filterPage().preview() != null, () -> "no preview: " + wizard.filterPage().getErrorMessage());
    }

    @Test
    void importsTheTrainSplitsTracesThenKeepsTheCorrectOnes() throws Exception {
        openAndPreview("train");
        TracePreview preview = wizard.filterPage().preview();
        assertNull(preview.refusal());
        assertEquals(4, preview.imported().traced(), "ids 1-4 of the train split; 6 is a test record, 99 no record's");
        assertEquals(2, preview.imported().count(Correctness.CORRECT));
        assertEquals(1, preview.imported().count(Correctness.INCORRECT), "3 argues for unethical, gold ethical");
        assertEquals(1, preview.imported().count(Correctness.UNCLEAR));
        assertTrue(preview.summary().contains("1 trace(s) for no record"), preview.summary());
        assertTrue(wizard.filterPage().keptText().startsWith("Writes all 6 records: 4 with their trace"),
                wizard.filterPage().keptText());
        assertTrue(preview.summary().contains("4 of 5 records have a trace (1 without)"), "the train split's: "
                + preview.summary());
        if (Screenshots.requested(Screenshots.PROPERTY)) {
            dialog.getShell().setSize(900, 720);
            WizardTestSupport.flushEvents();
            Screenshots.capture(dialog.getShell().getDisplay(), new File(Screenshots.folder(Screenshots.PROPERTY),
                    "import-traces.png"));
        }
        assertTrue(wizard.canFinish());
        assertTrue(wizard.performFinish());
        IFile written = wizard.writtenFile();
        assertEquals(project.getFile("ethics-traces.jsonl"), written);
        List<DatasetRecord> all = DatasetLoader.load(written.getLocation().toPath()).dataset().records();
        assertEquals(6, all.size());
        assertTrue(all.get(0).reason().startsWith("Step 1: The person under-reported"));
        assertEquals("Tax evasion.", all.get(0).metadata().get(TraceMetadata.HUMAN_REASON).getAsString());
        assertEquals("Theft.", all.get(5).reason(), "the test record keeps its human reason");

        // only the correct traces: the two, and the test record as it is
        wizard.filterPage().choose(EnumSet.of(Correctness.CORRECT), Set.copyOf(preview.buckets().names()));
        assertTrue(wizard.filterPage().keptText().startsWith("Writes 2 traced record(s) and the 1 record(s) of other"
                + " splits; leaves out 3"), wizard.filterPage().keptText());
        prompter.replace = true;
        assertTrue(wizard.performFinish());
        assertEquals(1, prompter.asked.size(), "asked before replacing the first import");
        List<DatasetRecord> kept = DatasetLoader.load(written.getLocation().toPath()).dataset().records();
        assertEquals(List.of("1", "2", "6"), kept.stream().map(DatasetRecord::id).toList());
        assertEquals(DATASET, WizardTestSupport.read(dataset), "the dataset itself is untouched");

        wizard.filterPage().choose(EnumSet.noneOf(Correctness.class), Set.copyOf(preview.buckets().names()));
        assertFalse(wizard.canFinish());
        assertEquals("Keep at least one verdict and one length.", wizard.filterPage().getErrorMessage());
    }

    @Test
    void tracesForNoRecordOrAnUnreadableLineWriteNothing() throws Exception {
        Files.writeString(traces, "{\"id\":\"99\",\"trace\":\"This is ethical.\"}\nnot json\n");
        openAndPreview("");
        assertTrue(wizard.filterPage().getErrorMessage().startsWith("Nothing can be imported: 1 line(s) of "),
                wizard.filterPage().getErrorMessage());
        assertTrue(wizard.filterPage().preview().summary().contains(traces + ":2:"), "the line is named: "
                + wizard.filterPage().preview().summary());
        assertFalse(wizard.canFinish());
        Files.writeString(traces, "{\"id\":\"99\",\"trace\":\"This is ethical.\"}\n");
        dialog.showPage(wizard.sourcePage());
        dialog.showPage(wizard.filterPage());
        assertTrue(wizard.filterPage().getErrorMessage().contains("no trace names a record of"),
                wizard.filterPage().getErrorMessage());
        assertFalse(project.getFile("ethics-traces.jsonl").exists());
    }

    @Test
    void goingBackToAFileThatCannotBeReadLeavesNothingToFinishWith() throws Exception {
        openAndPreview("train");
        assertTrue(wizard.canFinish());
        dialog.showPage(wizard.sourcePage());
        Files.delete(traces);
        Files.createDirectory(traces); // passes nothing to read
        wizard.sourcePage().set(dataset, traces, "train", "/" + PROJECT + "/ethics-traces.jsonl");
        assertFalse(wizard.sourcePage().isPageComplete(), "a folder is no traces file");
        Files.delete(traces);
        Files.writeString(traces, "{\"id\":\"1\",\"trace\":\"This is unethical.\"}\n");
        wizard.sourcePage().set(dataset, traces, "train", "/" + PROJECT + "/ethics-traces.jsonl");
        dialog.showPage(wizard.filterPage());
        assertEquals(1, wizard.filterPage().preview().imported().traced(), "read again, not the first preview");
    }

    @Test
    void theOutputIsNeverTheDatasetItsLabelFileOrTheTracesAndTheDatasetsProblemsAreShown() throws Exception {
        IFile broken = WizardTestSupport.writeFile(project, "broken.jsonl", DATASET.replace(
                "{\"id\":\"5\"", "{oops\n{\"id\":\"5\""));
        wizard = new ImportTracesWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(broken));
        wizard.setPrompter(prompter);
        wizard.setOpenEditor(false);
        dialog = WizardTestSupport.open(wizard);
        TraceSourcePage source = wizard.sourcePage();
        source.set(broken, traces, "train", "/" + PROJECT + "/broken.labels.json");
        assertEquals("The new dataset must end in .jsonl or .csv (metadata keeps the human reasons).",
                source.getErrorMessage());
        source.set(broken, traces, "train", "/" + PROJECT + "/broken.jsonl");
        assertEquals("The new dataset must be another file than the dataset and the traces file.",
                source.getErrorMessage());
        source.set(broken, traces, "train", "/no-such-project/out.jsonl");
        assertTrue(source.getErrorMessage().contains("does not exist or is closed"), source.getErrorMessage());
        source.set(broken, traces, "train", "/" + PROJECT + "/broken-traces.jsonl");
        assertNull(source.getErrorMessage());
        dialog.showPage(wizard.filterPage());
        TracePreview preview = wizard.filterPage().preview();
        assertTrue(preview.summary().contains(broken.getLocation() + ":5:"), preview.summary());
        assertTrue(preview.summary().contains("1 unparsed line(s) of broken.jsonl are copied verbatim"),
                preview.summary());
        assertTrue(wizard.filterPage().getMessage().startsWith("Some lines could not be read"));
        assertTrue(wizard.performFinish());
        assertTrue(WizardTestSupport.read(project.getFile("broken-traces.jsonl")).contains("{oops\n"),
                "the unreadable line is kept byte for byte");
    }

    @Test
    void aDatasetWithoutSplitsSaysToTakeTracesForAllRecords() throws Exception {
        dataset = WizardTestSupport.writeFile(project, "nosplit.jsonl", DATASET.replaceAll(",\"split\":\"[a-z]+\"", ""));
        wizard = new ImportTracesWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(dataset));
        wizard.setPrompter(prompter);
        dialog = WizardTestSupport.open(wizard);
        wizard.sourcePage().set(dataset, traces, "train", "/" + PROJECT + "/nosplit-traces.jsonl");
        dialog.showPage(wizard.filterPage());
        assertTrue(wizard.filterPage().getErrorMessage().contains("has no record of split train: take traces for all"
                + " records"), wizard.filterPage().getErrorMessage());
        dialog.showPage(wizard.sourcePage());
        wizard.sourcePage().set(dataset, traces, "", "/" + PROJECT + "/nosplit-traces.jsonl");
        dialog.showPage(wizard.filterPage());
        assertNull(wizard.filterPage().getErrorMessage());
        assertEquals(5, wizard.filterPage().preview().imported().traced());
    }
}
