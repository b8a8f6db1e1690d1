package org.reasonlab.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.agreement.AdjudicationStamp;
import org.reasonlab.core.agreement.AgreementReport;
import org.reasonlab.core.edit.RecordQuery;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.validate.ProblemKind;

class DatasetEditorTest {
    private static final String PROJECT = "editor-test";
    static final String BROKEN_LINE = "{\"id\":\"e4\" \"statement\": this line is broken";
    /** Three unlabelled records, a malformed line, a record whose annotators disagree, and a labelled one. */
    static final String DATASET = String.join("\n",
            "{\"id\":\"e1\",\"statement\":\"I gave my seat on the bus to an old man.\",\"reason\":\"Offering a seat to someone who needs it more is considerate.\",\"split\":\"train\"}",
            "{\"id\":\"e2\",\"statement\":\"I copied a classmate's homework.\",\"reason\":\"Submitting someone else's work as my own is dishonest.\",\"split\":\"train\"}",
            "{\"id\":\"e3\",\"statement\":\"I fed my neighbour's cat while they were away.\",\"reason\":\"Keeping a promised favour for a neighbour is kind.\",\"split\":\"train\"}",
            BROKEN_LINE,
            "{\"id\":\"e5\",\"statement\":\"I took credit for my colleague's idea.\",\"label\":\"ethical\",\"reason\":\"It was shared work in the end, so it is fine.\",\"split\":\"test\",\"annotations\":[{\"annotator\":\"ann1\",\"label\":\"unethical\",\"reason\":\"Taking credit for another's idea is dishonest.\"},{\"annotator\":\"ann2\",\"label\":\"ethical\",\"reason\":\"The idea was developed together.\"}]}",
            "{\"id\":\"e6\",\"statement\":\"I lied to my doctor about smoking.\",\"label\":\"unethical\",\"reason\":\"Lying to a doctor puts my own health at risk and wastes their care.\",\"split\":\"test\",\"annotations\":[{\"annotator\":\"ann1\",\"label\":\"unethical\",\"reason\":\"Dishonest.\"},{\"annotator\":\"ann2\",\"label\":\"unethical\",\"reason\":\"Risky lie.\"}]}",
            "");

    private IProject project;
    private IFile file;

    @BeforeEach
    void setUp() throws Exception {
        project = EditorTestSupport.createProject(PROJECT);
        file = EditorTestSupport.writeFile(project, "labels.jsonl", DATASET);
    }

    @AfterEach
    void tearDown() throws Exception {
        EditorTestSupport.closeAll();
        EditorTestSupport.deleteProject(PROJECT);
    }

    private LoadResult onDisk() throws Exception {
        return DatasetLoader.load(file.getLocation().toPath());
    }

    private static DatasetRecord record(LoadResult load, String id) {
        return load.dataset().records().stream().filter(r -> id.equals(r.id())).findFirst().orElseThrow();
    }

    @Test
    void labelsThreeRecordsWithDigitKeysAndCtrlEnterThenUndoTwiceRedoOnceAndSaves() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        editor.selectRow(1);
        editor.selectRow(4);
        assertFalse(editor.isDirty() || editor.dirtyShown(), "looking at records changes nothing");
        assertFalse(editor.undoAvailable(), "nothing to undo yet");
        editor.selectRow(0);
        editor.recordTable().forceFocus();
        editor.getSite().getShell().forceActive();
        EditorTestSupport.flushEvents();
        assertTrue(editor.recordTable().isFocusControl(), "the record table has the keyboard focus");

        EditorTestSupport.press('1', '1');
        EditorTestSupport.press(SWT.CR, '\r', SWT.CTRL);
        EditorTestSupport.press('2', '2');
        EditorTestSupport.press(SWT.CR, '\r', SWT.CTRL);
        EditorTestSupport.press('1', '1');
        EditorTestSupport.press(SWT.CR, '\r', SWT.CTRL);

        assertEquals("ethical", label(editor, 0));
        assertEquals("unethical", label(editor, 1));
        assertEquals("ethical", label(editor, 2));
        assertEquals(3, editor.selectedEntry(), "Ctrl+Enter moved on after each label");
        assertTrue(editor.isDirty());

        EditorTestSupport.command("org.eclipse.ui.edit.undo");
        EditorTestSupport.command("org.eclipse.ui.edit.undo");
        EditorTestSupport.command("org.eclipse.ui.edit.redo");
        assertEquals("ethical", label(editor, 0));
        assertEquals("unethical", label(editor, 1));
        assertNull(label(editor, 2), "the third label stays undone");

        EditorTestSupport.command("org.eclipse.ui.file.save");
        assertFalse(editor.isDirty() || editor.dirtyShown());
        LoadResult saved = onDisk();
        assertEquals("ethical", record(saved, "e1").label());
        assertEquals("unethical", record(saved, "e2").label());
        assertNull(record(saved, "e3").label());
        assertEquals(1, saved.dataset().rawLines().size(), "the malformed line is still there");
        assertArrayEquals(BROKEN_LINE.getBytes(StandardCharsets.UTF_8), saved.dataset().rawLines().get(0).bytes());
    }

    @Test
    void commandsLabelNavigateAndCommitTypedReasons() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        assertEquals(0, editor.selectedEntry(), "the first record is selected on opening");
        EditorTestSupport.command("org.reasonlab.ui.dataset.setLabel", Map.of("org.reasonlab.ui.dataset.labelNumber", "2"));
        assertEquals("unethical", label(editor, 0));
        EditorTestSupport.command("org.reasonlab.ui.dataset.nextUnlabelled");
        assertEquals(1, editor.selectedEntry());
        editor.reasonText().setText("Copying homework deceives the teacher and the classmate.");
        EditorTestSupport.command("org.reasonlab.ui.dataset.commitAndNext");
        assertEquals(2, editor.selectedEntry());
        assertEquals("Copying homework deceives the teacher and the classmate.",
                ((DatasetRecord) editor.model().entry(1)).reason(), "typed text is committed by Ctrl+Enter");
        EditorTestSupport.command("org.reasonlab.ui.dataset.previousRecord");
        assertEquals(1, editor.selectedEntry());
        EditorTestSupport.command("org.reasonlab.ui.dataset.nextRecord");
        assertEquals(2, editor.selectedEntry());
        EditorTestSupport.waitUntil("validation ran", () -> !editor.model().index().problems().isEmpty());
        EditorTestSupport.command("org.reasonlab.ui.dataset.nextProblem");
        assertEquals(3, editor.selectedEntry(), "the unparsed line is the next entry with a problem");
        EditorTestSupport.command("org.eclipse.ui.edit.undo");
        assertEquals("Submitting someone else's work as my own is dishonest.",
                ((DatasetRecord) editor.model().entry(1)).reason(), "undo takes the typed reason back");
    }

    @Test
    void aLargeTableGrowsInStepsAndAFarRowCanBeSelectedAtOnce() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            b.append("{\"id\":\"g").append(i).append("\",\"statement\":\"Statement ").append(i)
                    .append(".\",\"reason\":\"Reason ").append(i).append(".\",\"split\":\"train\"}\n");
        }
        IFile large = EditorTestSupport.writeFile(project, "large.jsonl", b.toString());
        DatasetEditor editor = (DatasetEditor) IDE.openEditor(EditorTestSupport.page(), large, true);
        Display display = Display.getCurrent();
        while (!editor.whenLoaded().isDone()) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> {
                });
                display.sleep();
            }
        }
        assertEquals(12_000, editor.shownRows().length);
        assertTrue(editor.recordTable().getItemCount() < 12_000, "the first rows are shown before the table has them all");
        editor.selectRow(11_500);
        assertEquals(11_500, editor.recordTable().getSelectionIndex(), "a row beyond the grown part is selected at once");
        EditorTestSupport.command("org.reasonlab.ui.dataset.setLabel", Map.of("org.reasonlab.ui.dataset.labelNumber", "2"));
        assertEquals("unethical", ((DatasetRecord) editor.model().entry(11_500)).label());
        EditorTestSupport.waitUntil("every row is in the table", editor::recordTableComplete);
        assertEquals(12_000, editor.recordTable().getItemCount());
        assertEquals(11_500, editor.recordTable().getSelectionIndex(), "growing keeps the selection");
        assertEquals("g11999", editor.recordTable().getItem(11_999).getText(2));
    }

    @Test
    void malformedLineIsAnErrorRowAndSurvivesSaving() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, editor.shownRows());
        assertInstanceOf(RawLine.class, editor.model().entry(3));
        assertEquals("(unparsed)", editor.recordTable().getItem(3).getText(4));
        EditorTestSupport.waitUntil("validation ran", () -> !editor.model().index().problems().isEmpty());
        assertTrue(editor.model().index().hasProblems(3));
        editor.setQuery(RecordQuery.ALL.withProblem(ProblemKind.PARSE_ERROR, false));
        assertArrayEquals(new int[] {3}, editor.shownRows());

        editor.setQuery(RecordQuery.ALL);
        editor.selectRow(0);
        EditorTestSupport.command("org.reasonlab.ui.dataset.setLabel", Map.of("org.reasonlab.ui.dataset.labelNumber", "1"));
        editor.doSave(null);
        byte[] bytes = Files.readAllBytes(file.getLocation().toPath());
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\n" + BROKEN_LINE + "\n"), () -> "the broken line is written back unchanged:\n" + text);
        assertEquals(6, text.lines().count());
    }

    @Test
    void externalChangeOffersToReloadAndNeverOverwritesSilently() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        assertFalse(editor.isOfferingReload());
        Path path = file.getLocation().toPath();
        String changed = DATASET.replace("I gave my seat", "I kept my seat");
        EditorTestSupport.spin(Duration.ofMillis(20));
        Files.writeString(path, changed, StandardCharsets.UTF_8);
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        EditorTestSupport.waitUntil("the editor offers to reload", editor::isOfferingReload);
        assertEquals("I gave my seat on the bus to an old man.", ((DatasetRecord) editor.model().entry(0)).statement(),
                "nothing is reloaded until the user asks");
        assertEquals(changed, Files.readString(path), "the file on disk is untouched");

        editor.reloadFromDisk();
        EditorTestSupport.waitUntil("the new contents are shown", () -> editor.model() != null
                && ((DatasetRecord) editor.model().entry(0)).statement().startsWith("I kept my seat"));
        assertFalse(editor.isOfferingReload());
        assertFalse(editor.isDirty());
    }

    @Test
    void revertDropsUnsavedEditsAndTypedText() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        EditorTestSupport.command("org.reasonlab.ui.dataset.setLabel", Map.of("org.reasonlab.ui.dataset.labelNumber", "1"));
        editor.reasonText().setText("Typed but never committed.");
        assertTrue(editor.isDirty());
        EditorTestSupport.command("org.eclipse.ui.file.revert");
        EditorTestSupport.waitUntil("the file is read again", () -> !editor.isDirty()
                && ((DatasetRecord) editor.model().entry(0)).label() == null);
        assertEquals("Offering a seat to someone who needs it more is considerate.",
                ((DatasetRecord) editor.model().entry(0)).reason());
        assertEquals(DATASET, Files.readString(file.getLocation().toPath()), "the file is untouched");
    }

    @Test
    void ownSavesDoNotLookLikeExternalChanges() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        editor.selectRow(0);
        EditorTestSupport.command("org.reasonlab.ui.dataset.setLabel", Map.of("org.reasonlab.ui.dataset.labelNumber", "1"));
        editor.doSave(null);
        EditorTestSupport.spin(Duration.ofMillis(300));
        assertFalse(editor.isOfferingReload());
    }

    @Test
    void filterBarCombinesTextLabelAndDisagreement() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        editor.setQuery(RecordQuery.ALL.withText("HOMEWORK"));
        assertArrayEquals(new int[] {1}, editor.shownRows());
        assertEquals("1 of 6 entries", editor.filterCountText());
        editor.setQuery(RecordQuery.ALL.withLabel(RecordQuery.UNLABELLED));
        assertArrayEquals(new int[] {0, 1, 2}, editor.shownRows());
        editor.setQuery(RecordQuery.ALL.withDisagreement(true));
        assertArrayEquals(new int[] {4}, editor.shownRows());
        editor.setQuery(RecordQuery.ALL.withSplit(Split.TEST, false));
        assertArrayEquals(new int[] {4, 5}, editor.shownRows());
        assertTrue(editor.outlineText().contains("train (3)"), editor.outlineText()::toString);
        assertTrue(editor.outlineText().contains("  (unlabelled) (3)"), editor.outlineText()::toString);
    }

    @Test
    void setsLabelAndSplitOfSeveralSelectedRecordsAsOneUndoableEdit() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        editor.selectRows(0, 1, 2, 3);
        assertArrayEquals(new int[] {0, 1, 2, 3}, editor.selectedEntries());
        editor.recordTable().forceFocus();
        EditorTestSupport.command("org.reasonlab.ui.dataset.setLabel", Map.of("org.reasonlab.ui.dataset.labelNumber", "2"));
        assertEquals(List.of("unethical", "unethical", "unethical"), List.of(label(editor, 0), label(editor, 1), label(editor, 2)));
        assertInstanceOf(RawLine.class, editor.model().entry(3), "the unparsed line is left alone");
        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        assertEquals("Set label unethical on 3 records", history.getUndoOperation(editor.model().undoContext()).getLabel());

        editor.records().setSplit(Split.VALIDATION);
        for (int entry = 0; entry < 3; entry++) {
            assertEquals(Split.VALIDATION, ((DatasetRecord) editor.model().entry(entry)).split());
        }
        EditorTestSupport.command("org.eclipse.ui.edit.undo");
        for (int entry = 0; entry < 3; entry++) {
            assertEquals(Split.TRAIN, ((DatasetRecord) editor.model().entry(entry)).split(), "one undo takes every split back");
        }
        EditorTestSupport.command("org.eclipse.ui.edit.undo");
        assertNull(label(editor, 0));
        assertNull(label(editor, 1));
        assertNull(label(editor, 2), "one undo takes every label back");
        assertFalse(editor.isDirty());

        editor.selectRows(4, 5);
        editor.records().setSplit(Split.TRAIN);
        editor.doSave(null);
        assertEquals(Split.TRAIN, record(onDisk(), "e5").split());
        assertEquals(Split.TRAIN, record(onDisk(), "e6").split());
    }

    @Test
    void addAndDeleteRecordsAreUndoable() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        editor.selectRow(5);
        EditorTestSupport.command("org.reasonlab.ui.dataset.addRecord");
        assertEquals(7, editor.model().dataset().entries().size());
        DatasetRecord added = assertInstanceOf(DatasetRecord.class, editor.model().entry(6));
        assertEquals("e7", added.id(), "ids continue the dataset's numbering");
        assertEquals(Split.TEST, added.split(), "a new record takes the split of the one before");
        assertEquals(6, editor.selectedEntry());
        EditorTestSupport.command("org.eclipse.ui.edit.undo");
        assertEquals(6, editor.model().dataset().entries().size());
        editor.selectRow(3);
        editor.recordTable().forceFocus();
        EditorTestSupport.command("org.reasonlab.ui.dataset.deleteRecord");
        assertEquals(5, editor.model().dataset().rawLines().size() + editor.model().dataset().recordCount());
        assertTrue(editor.model().dataset().rawLines().isEmpty());
        EditorTestSupport.command("org.eclipse.ui.edit.undo");
        assertEquals(1, editor.model().dataset().rawLines().size());
    }

    @Test
    void propertiesShowTheSelectedRecordsAnnotations() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        editor.selectRow(4);
        IStructuredSelection selection = (IStructuredSelection) editor.getSite().getSelectionProvider().getSelection();
        IPropertySource properties = Adapters.adapt(selection.getFirstElement(), IPropertySource.class);
        assertNotNull(properties);
        List<String> names = Arrays.stream(properties.getPropertyDescriptors())
                .map(d -> d.getCategory() + "/" + d.getDisplayName()).toList();
        assertTrue(names.contains("Annotation 1 (ann1)/Reason"), names::toString);
        IPropertyDescriptor idDescriptor = Arrays.stream(properties.getPropertyDescriptors())
                .filter(d -> "Id".equals(d.getDisplayName())).findFirst().orElseThrow();
        assertEquals("e5", properties.getPropertyValue(idDescriptor.getId()));
    }

    @Test
    void agreementPageAdjudicatesAndRecordsTheCurator() throws Exception {
        DatasetEditor editor = EditorTestSupport.open(file);
        editor.showAgreementPage();
        EditorTestSupport.waitUntil("agreement is computed", () -> editor.agreementReport() != null);
        AgreementReport report = editor.agreementReport();
        assertEquals(List.of("ann1", "ann2"), report.annotators());
        assertEquals(1, report.disagreements().size());
        assertEquals("e5", report.disagreements().get(0).recordId());
        assertEquals(0.5, report.percentAgreement().value(), 1e-9, "1 of 2 doubly labelled records agree");

        editor.adoptAnnotator(0, "ann1", "curator-kim");
        DatasetRecord decided = (DatasetRecord) editor.model().entry(4);
        assertEquals("unethical", decided.label());
        assertEquals("Taking credit for another's idea is dishonest.", decided.reason());
        AdjudicationStamp stamp = AdjudicationStamp.read(decided.metadata()).orElseThrow();
        assertEquals("curator-kim", stamp.by());
        assertEquals("ann1", stamp.annotator());

        editor.doSave(null);
        DatasetRecord saved = record(onDisk(), "e5");
        assertEquals("unethical", saved.label());
        assertEquals("curator-kim", AdjudicationStamp.read(saved.metadata()).orElseThrow().by());

        EditorTestSupport.command("org.eclipse.ui.edit.undo");
        assertEquals("ethical", ((DatasetRecord) editor.model().entry(4)).label());
        assertNull(((DatasetRecord) editor.model().entry(4)).metadata(), "undo removes the decision stamp");
    }

    @Test
    void statisticsPageListsLeakageWithLinksToTheRecords() throws Exception {
        String leaky = DATASET + "{\"id\":\"e7\",\"statement\":\"I copied a classmate's homework.\",\"label\":\"unethical\",\"reason\":\"Copying is cheating on the assignment.\",\"split\":\"test\"}\n";
        file = EditorTestSupport.writeFile(project, "leaky.jsonl", leaky);
        DatasetEditor editor = EditorTestSupport.open(file);
        editor.showStatisticsPage();
        EditorTestSupport.waitUntil("statistics are computed", () -> editor.shownStatistics() != null);
        assertEquals(1, editor.shownStatistics().leakage().size());
        assertEquals(3, editor.shownStatistics().splitCounts().get("train"), "three unlabelled train records are counted");
        editor.openDuplicateRow(1);
        assertEquals(6, editor.selectedEntry(), "the second occurrence (e7, line 7) is opened in the records page");
    }

    private static String label(DatasetEditor editor, int entry) {
        return ((DatasetRecord) editor.model().entry(entry)).label();
    }
}
