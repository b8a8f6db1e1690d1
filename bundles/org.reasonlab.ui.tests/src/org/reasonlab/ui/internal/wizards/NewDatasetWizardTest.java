package org.reasonlab.ui.internal.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.FileEditorInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.imports.RecordDraft;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.LabelSchema;

class NewDatasetWizardTest {
    private static final String PROJECT = "reasonlab-new-dataset-test";

    private IProject project;
    private NewDatasetWizard wizard;
    private WizardDialog dialog;
    private final WizardTestSupport.RecordingPrompter prompter = new WizardTestSupport.RecordingPrompter();

    @BeforeEach
    void setUp() throws Exception {
        project = WizardTestSupport.createProject(PROJECT);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        IWorkbenchPage page = WizardTestSupport.page();
        if (page != null) {
            page.closeAllEditors(false);
        }
        WizardTestSupport.deleteProject(PROJECT);
    }

    private void openWizard(Object selected) {
        wizard = new NewDatasetWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(selected));
        wizard.setPrompter(prompter);
        wizard.setOpenEditor(false);
        dialog = WizardTestSupport.open(wizard);
    }

    @Test
    void defaultsToAFreeJsonlNameInTheSelectedFolder() throws Exception {
        WizardTestSupport.writeFile(project, "dataset.jsonl", "");
        IFile selected = WizardTestSupport.writeFile(project, "notes.txt", "x");
        openWizard(selected);

        assertEquals(project.getFullPath(), wizard.filePage().getContainerFullPath(), "the selected file's folder");
        assertEquals("dataset2.jsonl", wizard.filePage().getFileName(), "dataset.jsonl is taken");
        assertTrue(wizard.canFinish(), "an empty dataset with the default labels can be created at once");
    }

    @Test
    void createsAJsonlDatasetWithTheDefaultLabelsAndTheFirstRecords() throws Exception {
        openWizard(project);
        wizard.filePage().setFileName("ethics.jsonl");
        wizard.recordsPage().setDrafts(List.of(
                new RecordDraft("I returned the wallet I found.", "ethical", "Returning lost property respects its owner.",
                        "train"),
                new RecordDraft("", "", "", ""),
                new RecordDraft("I read my sister's diary.", "1", "It violates her privacy.", "test")));
        assertTrue(wizard.canFinish(), () -> "records page: " + wizard.recordsPage().getErrorMessage());

        assertTrue(wizard.performFinish());

        IFile file = project.getFile("ethics.jsonl");
        assertTrue(file.exists(), "the workspace knows the new file");
        assertEquals(file, wizard.createdFile());
        assertEquals("{\"id\":\"1\",\"statement\":\"I returned the wallet I found.\",\"label\":\"ethical\","
                + "\"reason\":\"Returning lost property respects its owner.\",\"split\":\"train\"}\n"
                + "{\"id\":\"2\",\"statement\":\"I read my sister's diary.\",\"label\":\"unethical\","
                + "\"reason\":\"It violates her privacy.\",\"split\":\"test\"}\n", WizardTestSupport.read(file));
        assertFalse(project.getFile("ethics.labels.json").exists(), "the default labels need no sidecar");
        assertEquals(List.of(), prompter.asked, "nothing existed, so nothing was asked");
        assertEquals(List.of(), prompter.reportedMessages);
    }

    @Test
    void ownLabelsAreSavedInTheSidecarAndANameWithoutExtensionBecomesJsonl() throws Exception {
        openWizard(project);
        wizard.filePage().setFileName("mine");
        wizard.labelsPage().labels().setCustomText("acceptable: 0, ok\nunacceptable: 1\n");
        assertNull(wizard.labelsPage().getErrorMessage());
        wizard.recordsPage().setDrafts(List.of(new RecordDraft("I lied.", "unacceptable", "Lying hurts trust.", "")));
        assertTrue(wizard.canFinish(), () -> "records page: " + wizard.recordsPage().getErrorMessage());

        assertTrue(wizard.performFinish());

        IFile file = project.getFile("mine.jsonl");
        assertTrue(file.exists());
        assertTrue(project.getFile("mine.labels.json").exists(), "the sidecar is in the workspace too");
        Path location = file.getLocation().toPath();
        LabelSchema schema = LabelSchemaFile.read(LabelSchemaFile.sidecarFor(location)).orElseThrow();
        assertEquals(List.of("acceptable", "unacceptable"), schema.names());
        assertEquals(List.of("0", "ok"), schema.label("acceptable").orElseThrow().aliases());
        LoadResult loaded = DatasetLoader.load(location);
        assertEquals(List.of(), loaded.problems(), "read back with the sidecar's labels");
        assertEquals("unacceptable", loaded.dataset().records().get(0).label());
    }

    @Test
    void aCsvDatasetGetsTheStandardHeader() throws Exception {
        openWizard(project);
        wizard.filePage().setFileName("table.csv");
        wizard.recordsPage().setDrafts(List.of(new RecordDraft("I shared my lunch, gladly.", "0", "", "validation")));
        assertTrue(wizard.performFinish());

        assertEquals("id,statement,label,reason,split\r\n1,\"I shared my lunch, gladly.\",ethical,,validation\r\n",
                WizardTestSupport.read(project.getFile("table.csv")));
    }

    @Test
    void badLabelsAndRecordsAreRefusedWithTheirLine() throws Exception {
        openWizard(project);
        wizard.labelsPage().labels().setCustomText("good\nbad\nGood\n");
        assertEquals("Labels, line 3: 'Good' is already used on line 1; names and aliases must differ"
                + " (letter case does not count)", wizard.labelsPage().getErrorMessage());
        assertFalse(wizard.canFinish());

        wizard.labelsPage().labels().setCustomText("good\nbad\n");
        wizard.recordsPage().setDrafts(List.of(new RecordDraft("Fine.", "good", "", ""),
                new RecordDraft("Not fine.", "ethical", "", "")));
        assertEquals("Record 2: unknown label 'ethical'; expected one of good, bad", wizard.recordsPage().getErrorMessage());
        assertFalse(wizard.canFinish());

        wizard.recordsPage().setDrafts(List.of(new RecordDraft("", "good", "A reason without statement.", "")));
        assertEquals("Record 1: the statement is empty", wizard.recordsPage().getErrorMessage());
        assertFalse(wizard.canFinish());
    }

    @Test
    void anExistingFileOrAnotherExtensionIsRefused() throws Exception {
        WizardTestSupport.writeFile(project, "taken.jsonl", "{\"statement\":\"keep me\"}\n");
        openWizard(project);

        wizard.filePage().setFileName("taken.jsonl");
        assertFalse(wizard.filePage().isPageComplete());
        assertNotNull(wizard.filePage().getErrorMessage());
        assertTrue(wizard.filePage().getErrorMessage().contains("exists"), wizard.filePage().getErrorMessage());

        wizard.filePage().setFileName("taken");
        assertFalse(wizard.filePage().isPageComplete(), "taken gets .jsonl, which exists");

        wizard.filePage().setFileName("data.txt");
        assertEquals("'data.txt' is not a dataset file name; end it with .jsonl or .csv",
                wizard.filePage().getErrorMessage());
        assertFalse(wizard.canFinish());
        assertEquals("{\"statement\":\"keep me\"}\n", WizardTestSupport.read(project.getFile("taken.jsonl")));
    }

    @Test
    void anExistingSidecarIsReplacedOnlyWhenTheUserSaysSo() throws Exception {
        String oldLabels = "{\"labels\":[{\"name\":\"x\"}]}\n";
        IFile sidecar = WizardTestSupport.writeFile(project, "fresh.labels.json", oldLabels);
        openWizard(project);
        wizard.filePage().setFileName("fresh.jsonl");

        prompter.replace = false;
        assertFalse(wizard.performFinish());
        assertEquals(1, prompter.asked.size());
        assertEquals(List.of(sidecar.getLocation().toOSString()), prompter.asked.get(0));
        assertFalse(project.getFile("fresh.jsonl").exists(), "nothing was written");
        assertEquals(oldLabels, WizardTestSupport.read(sidecar));

        prompter.replace = true;
        assertTrue(wizard.performFinish());
        assertTrue(project.getFile("fresh.jsonl").exists());
        assertEquals(LabelSchema.defaultSchema(),
                LabelSchemaFile.read(sidecar.getLocation().toPath()).orElseThrow(), "the stale labels are gone");
    }

    @Test
    void aSelectedFolderReceivesTheDataset() throws Exception {
        project.getFolder("data").create(true, true, null);
        openWizard(project.getFolder("data"));
        assertEquals(project.getFolder("data").getFullPath(), wizard.filePage().getContainerFullPath());
        assertEquals("dataset.jsonl", wizard.filePage().getFileName());

        assertTrue(wizard.performFinish());
        IFile file = project.getFile("data/dataset.jsonl");
        assertTrue(file.exists());
        assertEquals("", WizardTestSupport.read(file), "an empty JSON Lines dataset is an empty file");
    }

    @Test
    void opensTheNewDatasetInTheEditorTheRegistryPicks() throws Exception {
        IContentType jsonl = Platform.getContentTypeManager()
                .getContentType("org.reasonlab.ui.dataset.jsonl");
        IEditorDescriptor editor = PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor("opened.jsonl", jsonl);
        Assumptions.assumeTrue(editor != null && editor.isInternal(),
                "no internal editor for .jsonl datasets is installed in this test runtime");
        openWizard(project);
        wizard.setOpenEditor(true);
        wizard.filePage().setFileName("opened.jsonl");

        assertTrue(wizard.performFinish());

        IWorkbenchPage page = WizardTestSupport.page();
        assertNotNull(page.findEditor(new FileEditorInput(project.getFile("opened.jsonl"))), "an editor is open on it");
        assertEquals(List.of(), prompter.reportedMessages);
    }
}
