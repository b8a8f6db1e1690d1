package org.reasonlab.ui.internal.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.LabelSchema;

class ExportDatasetWizardTest {
    private static final String PROJECT = "reasonlab-export-test";
    private static final String DATA = "{\"id\":\"1\",\"statement\":\"I returned the wallet.\",\"label\":\"ethical\","
            + "\"reason\":\"It respects the owner.\",\"split\":\"train\"}\n"
            + "{\"id\":\"2\",\"statement\":\"I cheated.\",\"label\":\"unethical\",\"reason\":\"Unfair to others.\","
            + "\"split\":\"test\"}\n"
            + "this line is not JSON\n"
            + "{\"id\":\"3\",\"statement\":\"I said thanks, twice.\",\"label\":\"ethical\"}\n";

    private IProject project;
    private Path out;
    private ExportDatasetWizard wizard;
    private WizardDialog dialog;
    private final WizardTestSupport.RecordingPrompter prompter = new WizardTestSupport.RecordingPrompter();

    @BeforeEach
    void setUp() throws Exception {
        project = WizardTestSupport.createProject(PROJECT);
        out = Files.createTempDirectory("reasonlab-export-test");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        WizardTestSupport.deleteProject(PROJECT);
        WizardTestSupport.deleteTree(out);
    }

    private void openWizard(Object... selected) {
        wizard = new ExportDatasetWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(selected));
        wizard.setPrompter(prompter);
        dialog = WizardTestSupport.open(wizard);
    }

    @Test
    void exportsTheSelectedDatasetAsCsvKeepingTheUnreadableLine() throws Exception {
        IFile ethics = WizardTestSupport.writeFile(project, "ethics.jsonl", DATA);
        WizardTestSupport.writeFile(project, "other.jsonl", "{\"statement\":\"x\"}\n");
        openWizard(ethics);
        assertEquals(List.of(ethics), wizard.page().files(), "the selected dataset, ticked");
        assertEquals(List.of(ethics), wizard.page().candidates(), "only the selection is offered");

        wizard.page().setDestination(out);
        wizard.page().setFormat(DatasetFormat.CSV);
        assertTrue(wizard.canFinish());
        assertTrue(wizard.performFinish());

        assertEquals(List.of(out.resolve("ethics.csv")), wizard.exportedFiles());
        assertEquals("id,statement,label,reason,split\r\n"
                + "1,I returned the wallet.,ethical,It respects the owner.,train\r\n"
                + "2,I cheated.,unethical,Unfair to others.,test\r\n"
                + "this line is not JSON\r\n"
                + "3,\"I said thanks, twice.\",ethical,,\r\n", Files.readString(out.resolve("ethics.csv")));
        assertEquals(1, prompter.reported.size(), "the unreadable line is reported");
        assertEquals(IStatus.WARNING, prompter.reported.get(0).getSeverity());
        assertTrue(WizardTestSupport.messages(prompter.reported.get(0)).stream()
                .anyMatch(m -> m.startsWith(ethics.getLocation().toOSString() + ":3:")),
                () -> WizardTestSupport.messages(prompter.reported.get(0)).toString());
        assertEquals(DATA, WizardTestSupport.read(ethics), "the dataset itself is untouched");
    }

    @Test
    void exportsOneFilePerSplitWithTheUnreadableLinesApart() throws Exception {
        IFile ethics = WizardTestSupport.writeFile(project, "ethics.jsonl", DATA);
        openWizard(ethics);
        wizard.page().setDestination(out.resolve("parts"));
        wizard.page().setPerSplit(true);
        assertTrue(wizard.canFinish(), "a folder that does not exist yet is created");

        assertTrue(wizard.performFinish());

        Path parts = out.resolve("parts");
        try (Stream<Path> listing = Files.list(parts)) {
            assertEquals(List.of("ethics-test.jsonl", "ethics-train.jsonl", "ethics-unassigned.jsonl",
                    "ethics-unparsed.txt"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("{\"id\":\"2\",\"statement\":\"I cheated.\",\"label\":\"unethical\",\"reason\":\"Unfair to others.\","
                + "\"split\":\"test\"}\n", Files.readString(parts.resolve("ethics-test.jsonl")));
        assertEquals("this line is not JSON\n", Files.readString(parts.resolve("ethics-unparsed.txt")));
        assertTrue(prompter.reportedMessages.get(0).contains("NAME-unparsed.txt"), prompter.reportedMessages.get(0));
    }

    @Test
    void aSelectedProjectOffersAndTicksItsDatasets() throws Exception {
        IFile a = WizardTestSupport.writeFile(project, "a.jsonl", "{\"statement\":\"a\",\"label\":\"ethical\"}\n");
        project.getFolder("sub").create(true, true, null);
        IFile b = WizardTestSupport.writeFile(project, "sub/b.csv", "statement,label\nb,unethical\n");
        WizardTestSupport.writeFile(project, "notes.txt", "not a dataset");
        openWizard(project);

        assertEquals(List.of(a, b), wizard.page().candidates().stream()
                .sorted((x, y) -> x.getFullPath().toString().compareTo(y.getFullPath().toString())).toList());
        assertEquals(2, wizard.page().files().size());

        wizard.page().setDestination(out);
        wizard.page().setFormat(DatasetFormat.DFAR_CSV);
        assertTrue(wizard.performFinish());
        assertEquals("Statement,Label,Reason\r\na,0,\r\n", Files.readString(out.resolve("a.csv")));
        assertEquals("Statement,Label,Reason\r\nb,1,\r\n", Files.readString(out.resolve("b.csv")));
        assertEquals(List.of(), prompter.reportedMessages);
    }

    @Test
    void existingFilesAreReplacedOnlyWhenTheUserSaysSo() throws Exception {
        IFile ethics = WizardTestSupport.writeFile(project, "ethics.jsonl", DATA);
        Files.writeString(out.resolve("ethics.jsonl"), "mine\n", StandardCharsets.UTF_8);
        openWizard(ethics);
        wizard.page().setDestination(out);

        prompter.replace = false;
        assertFalse(wizard.performFinish());
        assertEquals(List.of(List.of(out.resolve("ethics.jsonl").toString())), prompter.asked);
        assertEquals("mine\n", Files.readString(out.resolve("ethics.jsonl")));

        prompter.replace = true;
        assertTrue(wizard.performFinish());
        assertEquals(DATA, Files.readString(out.resolve("ethics.jsonl")), "JSONL to JSONL keeps the file as it is");
    }

    @Test
    void twoDatasetsWithTheSameNameOrTheDatasetItselfAreNeverWrittenOver() throws Exception {
        IFile first = WizardTestSupport.writeFile(project, "data.jsonl", DATA);
        project.getFolder("copy").create(true, true, null);
        IFile second = WizardTestSupport.writeFile(project, "copy/data.jsonl", DATA);
        openWizard(first, second);
        wizard.page().setDestination(out);

        assertFalse(wizard.performFinish());
        assertTrue(prompter.reported.get(0).getMessage().contains("would be written to " + out.resolve("data.jsonl")),
                prompter.reported.get(0).getMessage());
        try (Stream<Path> listing = Files.list(out)) {
            assertEquals(0, listing.count(), "nothing was written");
        }

        wizard.page().setFiles(List.of(first));
        wizard.page().setDestination(project.getLocation().toPath());
        assertFalse(wizard.performFinish());
        assertTrue(prompter.reported.get(1).getMessage().contains("would replace the dataset"),
                prompter.reported.get(1).getMessage());
        assertEquals(DATA, WizardTestSupport.read(first));
    }

    @Test
    void dfarRefusesLabelsWithoutAnAliasNamingTheLine() throws Exception {
        IFile own = WizardTestSupport.writeFile(project, "own.jsonl",
                "{\"statement\":\"a\",\"label\":\"good\"}\n{\"statement\":\"b\",\"label\":\"bad\"}\n");
        WizardTestSupport.writeFile(project, "own.labels.json", "{\"labels\":[{\"name\":\"good\"},{\"name\":\"bad\"}]}");
        openWizard(own);
        wizard.page().setDestination(out);
        wizard.page().setFormat(DatasetFormat.DFAR_CSV);

        assertFalse(wizard.performFinish());
        assertEquals(IStatus.ERROR, prompter.reported.get(0).getSeverity());
        assertTrue(WizardTestSupport.messages(prompter.reported.get(0))
                .contains(own.getLocation().toOSString() + ":1: label 'good' has no alias; DFAR CSV writes each label"
                        + " as its first alias (0 or 1)"),
                () -> WizardTestSupport.messages(prompter.reported.get(0)).toString());
        assertFalse(Files.exists(out.resolve("own.csv")));
    }

    @Test
    void ownLabelsTravelWithTheExport() throws Exception {
        IFile own = WizardTestSupport.writeFile(project, "own.jsonl", "{\"statement\":\"a\",\"label\":\"good\"}\n");
        WizardTestSupport.writeFile(project, "own.labels.json", "{\"labels\":[{\"name\":\"good\"},{\"name\":\"bad\"}]}");
        openWizard(own);
        wizard.page().setDestination(out);
        wizard.page().setFormat(DatasetFormat.CSV);

        assertTrue(wizard.performFinish());
        assertEquals(List.of(out.resolve("own.csv"), out.resolve("own.labels.json")), wizard.exportedFiles());
        var loaded = DatasetLoader.load(out.resolve("own.csv"));
        assertEquals(List.of(), loaded.problems(), "read back with its own labels");
        assertEquals(List.of("good", "bad"), loaded.dataset().schema().names());
        assertFalse(loaded.dataset().schema().equals(LabelSchema.defaultSchema()));
    }
}
