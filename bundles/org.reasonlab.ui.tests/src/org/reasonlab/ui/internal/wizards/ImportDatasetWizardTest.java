package org.reasonlab.ui.internal.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.imports.ColumnRole;
import org.reasonlab.core.imports.ImportFormat;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

class ImportDatasetWizardTest {
    private static final String PROJECT = "reasonlab-import-test";
    private static final String DFAR = "Statement,Label,Reason\r\n"
            + "I kept the change.,1,\"Keeping it is dishonest, even if small.\"\r\n"
            + "I fed a stray cat.,0,Kindness to animals is good.\r\n";
    /** Any CSV: unusual column names and order, a column to ignore, a row with too few cells, an unknown label. */
    private static final String SURVEY = "why,prompt,verdict,annotator,internal\n"
            + "Kindness is good.,I fed a stray cat.,ethical,ann1,a\n"
            + "Lying hurts trust.,I lied to my friend.,unethical,ann2,b\n"
            + "only,three,cells\n"
            + "Waiting is fair.,I waited my turn.,maybe,ann3,c\n";

    private IProject project;
    private Path sources;
    private ImportDatasetWizard wizard;
    private WizardDialog dialog;
    private final WizardTestSupport.RecordingPrompter prompter = new WizardTestSupport.RecordingPrompter();

    @BeforeEach
    void setUp() throws Exception {
        project = WizardTestSupport.createProject(PROJECT);
        sources = Files.createTempDirectory("reasonlab-import-test");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        WizardTestSupport.deleteProject(PROJECT);
        WizardTestSupport.deleteTree(sources);
    }

    private Path source(String name, String text) throws Exception {
        return Files.writeString(sources.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void openWizard() {
        wizard = new ImportDatasetWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
        wizard.setPrompter(prompter);
        wizard.setOpenEditor(false);
        dialog = WizardTestSupport.open(wizard);
    }

    @Test
    void importsDfarCsvAsJsonlIntoTheSelectedProject() throws Exception {
        Path dfar = source("DFAR_trainset.csv", DFAR);
        openWizard();
        wizard.sourcePage().setSource(dfar);

        assertEquals(ImportFormat.DFAR_CSV, wizard.sourcePage().format(), "recognised by its header");
        assertEquals(project.getFullPath(), wizard.targetPage().getContainerFullPath(), "the selected project");
        assertEquals("DFAR_trainset.jsonl", wizard.targetPage().getFileName(), "named after the source");
        assertSame(wizard.targetPage(), wizard.getNextPage(wizard.sourcePage()), "no column mapping for DFAR CSV");
        assertTrue(wizard.canFinish());

        assertTrue(wizard.performFinish());

        IFile file = project.getFile("DFAR_trainset.jsonl");
        assertTrue(file.exists());
        assertEquals(file, wizard.importedFile());
        assertEquals("{\"id\":\"1\",\"statement\":\"I kept the change.\",\"label\":\"unethical\","
                + "\"reason\":\"Keeping it is dishonest, even if small.\"}\n"
                + "{\"id\":\"2\",\"statement\":\"I fed a stray cat.\",\"label\":\"ethical\","
                + "\"reason\":\"Kindness to animals is good.\"}\n", WizardTestSupport.read(file));
        assertEquals(List.of(), prompter.reportedMessages, "no problems to report");
        assertEquals(DFAR, Files.readString(dfar), "the source is untouched");
    }

    @Test
    void addsTheImportedRecordsToAnExistingDatasetAsASplit() throws Exception {
        String train = "{\"id\":\"1\",\"statement\":\"I returned a lost wallet.\",\"label\":\"ethical\",\"split\":\"train\"}\n";
        IFile existing = WizardTestSupport.writeFile(project, "dfar.jsonl", train);
        Path dfar = source("DFAR_testset.csv", DFAR);
        openWizard();
        wizard.sourcePage().setSource(dfar);
        wizard.targetPage().setFileName("dfar.jsonl");
        wizard.targetPage().setAppend(Split.TEST, null);
        assertTrue(wizard.canFinish());

        assertFalse(wizard.performFinish(), "ids 1 and 2 of the test file clash with the train file's 1");
        assertTrue(prompter.reported.get(0).getMessage().startsWith("The id '1' is in "), prompter.reported.get(0).getMessage());
        assertTrue(prompter.reported.get(0).getMessage().endsWith("give the imported records an id prefix. Nothing was written."));
        assertEquals(train, WizardTestSupport.read(existing));
        assertEquals(List.of(), prompter.asked, "adding to a file never asks to replace it");

        wizard.targetPage().setAppend(Split.TEST, "test-");
        assertTrue(wizard.performFinish());
        LoadResult merged = DatasetLoader.load(existing.getLocation().toPath());
        assertEquals(List.of("1", "test-1", "test-2"), merged.dataset().records().stream().map(DatasetRecord::id).toList());
        assertEquals(List.of(Split.TRAIN, Split.TEST, Split.TEST),
                merged.dataset().records().stream().map(DatasetRecord::split).toList());
        assertTrue(WizardTestSupport.read(existing).startsWith(train), "the existing records stay as they were");
        assertEquals(existing, wizard.importedFile());
    }

    @Test
    void addingNeedsAnExistingDataset() throws Exception {
        openWizard();
        wizard.sourcePage().setSource(source("dfar.csv", DFAR));
        wizard.targetPage().setFileName("missing.jsonl");
        wizard.targetPage().setAppend(Split.VALIDATION, "");
        assertFalse(wizard.targetPage().isPageComplete());
        assertTrue(wizard.targetPage().getErrorMessage().contains("is not an existing dataset"),
                wizard.targetPage().getErrorMessage());
        wizard.targetPage().setAppend(null, null);
        assertTrue(wizard.targetPage().isPageComplete(), "a file of its own again");
    }

    @Test
    void keepsTheSourceFormatWhenAsked() throws Exception {
        Path dfar = source("dfar.csv", DFAR);
        openWizard();
        wizard.sourcePage().setSource(dfar);
        wizard.targetPage().setKeepSourceFormat(true);
        assertEquals("dfar.csv", wizard.targetPage().getFileName(), "the suggested name follows the format");

        assertTrue(wizard.performFinish());
        assertEquals(DFAR, WizardTestSupport.read(project.getFile("dfar.csv")), "DFAR CSV written back byte for byte");
    }

    @Test
    void importsAnyCsvThroughTheColumnMappingAndReportsUnreadableRowsByLine() throws Exception {
        Path survey = source("survey.csv", SURVEY);
        openWizard();
        wizard.sourcePage().setSource(survey);

        assertEquals(ImportFormat.CSV, wizard.sourcePage().format());
        assertSame(wizard.mappingPage(), wizard.getNextPage(wizard.sourcePage()));
        assertEquals(List.of("why", "prompt", "verdict", "annotator", "internal"), wizard.mappingPage().preview().header());
        assertEquals(4, wizard.mappingPage().preview().rows().size());
        assertEquals("expected 5 columns, found 3", wizard.mappingPage().preview().rows().get(2).problem());
        assertEquals(List.of(ColumnRole.KEEP, ColumnRole.KEEP, ColumnRole.LABEL, ColumnRole.KEEP, ColumnRole.KEEP),
                wizard.mappingPage().mapping().roles(), "guessed from the header: only verdict names a field");
        assertEquals("No column is mapped to statement; every record needs one", wizard.mappingPage().getErrorMessage());
        assertFalse(wizard.canFinish(), "no statement column yet");

        wizard.mappingPage().setRole(0, ColumnRole.REASON);
        wizard.mappingPage().setRole(1, ColumnRole.STATEMENT);
        wizard.mappingPage().setRole(4, ColumnRole.IGNORE);
        assertNull(wizard.mappingPage().getErrorMessage());
        wizard.mappingPage().checkNow();
        assertEquals(List.of("line 4, column 1: expected 5 columns, found 3",
                "line 5, column 36: unknown label 'maybe'; expected one of ethical, unethical"),
                wizard.mappingPage().shownProblems());
        assertTrue(wizard.mappingPage().shownSummary().startsWith("3 records; 1 row cannot be read"),
                wizard.mappingPage().shownSummary());
        assertEquals(wizard.mappingPage().shownProblems(), wizard.targetPage().shownProblems(),
                "the last page shows them too");
        assertEquals("survey.jsonl", wizard.targetPage().getFileName());
        assertTrue(wizard.canFinish());

        assertTrue(wizard.performFinish());

        IFile file = project.getFile("survey.jsonl");
        List<String> lines = WizardTestSupport.read(file).lines().toList();
        assertEquals(4, lines.size());
        assertEquals("{\"id\":\"1\",\"statement\":\"I fed a stray cat.\",\"label\":\"ethical\","
                + "\"reason\":\"Kindness is good.\",\"annotator\":\"ann1\"}", lines.get(0));
        assertEquals("only,three,cells", lines.get(2), "the unreadable row is kept verbatim, in its place");
        LoadResult loaded = DatasetLoader.load(file.getLocation().toPath());
        assertEquals(List.of("1", "2", "4"), loaded.dataset().records().stream().map(DatasetRecord::id).toList());

        assertEquals(1, prompter.reported.size(), "the problems are reported after Finish");
        IStatus status = prompter.reported.get(0);
        assertEquals(IStatus.WARNING, status.getSeverity());
        assertTrue(prompter.reportedMessages.get(0).contains("1 line could not be read; it is kept verbatim"),
                prompter.reportedMessages.get(0));
        List<String> messages = WizardTestSupport.messages(status);
        assertTrue(messages.contains(survey + ":4:1: expected 5 columns, found 3"), messages.toString());
        assertTrue(messages.contains(survey + ":5:36: unknown label 'maybe'; expected one of ethical, unethical"),
                messages.toString());
    }

    @Test
    void ownLabelsFromTheSourceSidecarAreCarriedOver() throws Exception {
        Path data = source("own.jsonl", "{\"statement\":\"I helped.\",\"label\":\"good\"}\n");
        Files.writeString(sources.resolve("own.labels.json"), "{\"labels\":[{\"name\":\"good\"},{\"name\":\"bad\"}]}");
        openWizard();
        wizard.sourcePage().setSource(data);

        assertEquals(ImportFormat.JSONL, wizard.sourcePage().format());
        assertFalse(wizard.sourcePage().labels().isDefault(), "the sidecar's labels are shown");
        assertEquals("good\nbad\n", wizard.sourcePage().labels().customText());

        assertTrue(wizard.performFinish());
        assertTrue(project.getFile("own.labels.json").exists());
        LoadResult loaded = DatasetLoader.load(project.getFile("own.jsonl").getLocation().toPath());
        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of("good", "bad"),
                LabelSchemaFile.read(project.getFile("own.labels.json").getLocation().toPath()).orElseThrow().names());
    }

    @Test
    void aWrongFormatChoiceIsAnErrorNamingFileAndLine() throws Exception {
        Path survey = source("survey.csv", SURVEY);
        openWizard();
        wizard.sourcePage().setSource(survey);
        wizard.sourcePage().setFormat(ImportFormat.DFAR_CSV);

        assertEquals(survey + ":1: the header is why,prompt,verdict,annotator,internal, not Statement,Label,Reason"
                + " as in DFAR CSV; choose CSV with a header row", wizard.sourcePage().getErrorMessage());
        assertFalse(wizard.canFinish());
    }

    @Test
    void aMissingSourceIsAnError() throws Exception {
        openWizard();
        wizard.sourcePage().setSource(sources.resolve("missing.csv"));
        assertEquals(sources.resolve("missing.csv") + " does not exist", wizard.sourcePage().getErrorMessage());
        assertFalse(wizard.canFinish());
    }

    @Test
    void anExistingTargetIsReplacedOnlyWhenTheUserSaysSo() throws Exception {
        IFile existing = WizardTestSupport.writeFile(project, "dfar.jsonl", "{\"statement\":\"mine\"}\n");
        Path dfar = source("dfar.csv", DFAR);
        openWizard();
        wizard.sourcePage().setSource(dfar);
        assertEquals("dfar.jsonl", wizard.targetPage().getFileName());
        assertTrue(wizard.targetPage().isPageComplete(), "an existing file may be chosen");
        assertNotNull(wizard.targetPage().getMessage());
        assertTrue(wizard.targetPage().getMessage().contains("Finish asks before replacing it"),
                wizard.targetPage().getMessage());

        prompter.replace = false;
        assertFalse(wizard.performFinish());
        assertEquals(List.of(List.of(existing.getLocation().toOSString())), prompter.asked);
        assertEquals("{\"statement\":\"mine\"}\n", WizardTestSupport.read(existing));

        prompter.replace = true;
        assertTrue(wizard.performFinish());
        assertTrue(WizardTestSupport.read(existing).startsWith("{\"id\":\"1\",\"statement\":\"I kept the change.\""));
    }

    @Test
    void theTargetMustHaveTheExtensionOfItsFormat() throws Exception {
        Path dfar = source("dfar.csv", DFAR);
        openWizard();
        wizard.sourcePage().setSource(dfar);
        wizard.targetPage().setFileName("dfar.csv");
        assertEquals("'dfar.csv' will hold JSON Lines; name it dfar.jsonl", wizard.targetPage().getErrorMessage());
        assertFalse(wizard.canFinish());
    }
}
