package org.reasonlab.ui.internal.markers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.build;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.lines;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.markers;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.only;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.read;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.summary;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.write;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.FileEditorInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.edit.RecordFix;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.validate.ProblemKind;

/**
 * Quick fixes for text hygiene markers. Without a dataset editor they rewrite the file on disk,
 * keeping unparseable lines byte for byte; with one (once it exists) they edit it, and the tests
 * save it before they look at the file.
 */
class QuickFixTest {
    static final String PROJECT = "reasonlab-markers-quickfix";

    /** Lines 1-5: NBSP in a statement, NBSP in a reason, NBSP in a statement, mojibake, untrimmed reason. */
    static final String HYGIENE = ""
            + "{\"id\":\"h1\",\"statement\":\"I gave\\u00a0my seat to an elderly woman.\",\"label\":\"ethical\","
            + "\"reason\":\"Offering a seat to someone frail is considerate.\"}\n"
            + "{\"id\":\"h2\",\"statement\":\"I kept the extra change the cashier gave me.\",\"label\":\"unethical\","
            + "\"reason\":\"Keeping money that is not yours\\u00a0is dishonest.\"}\n"
            + "{\"id\":\"h3\",\"statement\":\"I cheated\\u00a0on the exam.\",\"label\":\"unethical\","
            + "\"reason\":\"Cheating gives an unfair advantage over others.\"}\n"
            + "{\"id\":\"h4\",\"statement\":\"I didn\\u00e2\\u20ac\\u2122t tell my boss about the mistake.\","
            + "\"label\":\"unethical\",\"reason\":\"Hiding a mistake from your boss is dishonest.\"}\n"
            + "{\"id\":\"h5\",\"statement\":\"I donated blood at the clinic.\",\"label\":\"ethical\","
            + "\"reason\":\"  Donating blood can save the lives of strangers. \"}\n";

    private IProject project;
    private boolean autoBuilding;

    @BeforeEach
    void setUp() throws Exception {
        autoBuilding = MarkerTestSupport.setAutoBuilding(false);
        project = MarkerTestSupport.createProject(PROJECT);
        DatasetNature.addTo(project, null);
        page().closeAllEditors(false);
    }

    @AfterEach
    void tearDown() throws Exception {
        page().closeAllEditors(false);
        MarkerTestSupport.deleteProject(PROJECT);
        MarkerTestSupport.setAutoBuilding(autoBuilding);
    }

    static IWorkbenchPage page() {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        return window.getActivePage();
    }

    /** Saves what an editor on the file holds (when a quick fix went through the dataset editor). */
    static void saveEditorsOn(IFile file) {
        for (IEditorReference ref : page().findEditors(new FileEditorInput(file), null, IWorkbenchPage.MATCH_INPUT)) {
            IEditorPart editor = ref.getEditor(true);
            if (editor != null && editor.isDirty()) {
                page().saveEditor(editor, false);
            }
        }
    }

    /** The records in the file by id (the first of a repeated id). */
    static Map<String, DatasetRecord> recordsOnDisk(IFile file) throws Exception {
        return DatasetLoader.load(Path.of(file.getLocation().toOSString())).dataset().recordStream()
                .collect(Collectors.toMap(DatasetRecord::id, Function.identity(), (first, later) -> first));
    }

    @Test
    void fixesAreOfferedForTheHygieneKindsOnly() throws Exception {
        IFile data = write(project, "data.jsonl", DatasetBuilderTest.problemDataset());
        IFile hygiene = write(project, "hygiene.jsonl", HYGIENE);
        build(project);
        DatasetMarkerResolutionGenerator generator = new DatasetMarkerResolutionGenerator();

        for (IMarker marker : markers(data)) {
            boolean fixable = DatasetMarkers.kind(marker) == ProblemKind.UNTRIMMED_WHITESPACE;
            assertEquals(fixable, generator.hasResolutions(marker), () -> summary(List.of(marker)));
            assertEquals(fixable ? 2 : 0, generator.getResolutions(marker).length);
        }
        assertEquals("NON_BREAKING_SPACE@1, NON_BREAKING_SPACE@2, NON_BREAKING_SPACE@3, MOJIBAKE@4, "
                + "UNTRIMMED_WHITESPACE@5", summary(markers(hygiene)));
        for (IMarker marker : markers(hygiene)) {
            assertTrue(generator.hasResolutions(marker), () -> summary(List.of(marker)));
        }

        IMarker mojibake = only(markers(hygiene), "MOJIBAKE");
        IMarkerResolution[] resolutions = generator.getResolutions(mojibake);
        assertInstanceOf(RecordFixResolution.class, resolutions[0]);
        assertEquals("Repair mis-decoded characters (mojibake)", resolutions[0].getLabel());
        assertInstanceOf(FixAllInFileResolution.class, resolutions[1]);
        assertEquals("Repair mis-decoded characters (mojibake) in every record of hygiene.jsonl",
                resolutions[1].getLabel());

        // in the Quick Fix dialog the record fix offers the other markers of its kind
        RecordFixResolution nbsp = new RecordFixResolution(ProblemKind.NON_BREAKING_SPACE);
        IMarker[] all = markers(project).toArray(IMarker[]::new);
        assertEquals(3, nbsp.findOtherMarkers(all).length);
    }

    @Test
    void withoutAnEditorTheFixRewritesTheFileAndKeepsTheMalformedLineByteForByte() throws Exception {
        IFile file = write(project, "data.jsonl", DatasetBuilderTest.problemDataset());
        build(project);
        IMarker untrimmed = only(markers(file), "UNTRIMMED_WHITESPACE");
        assertNull(MarkerFixes.findTarget(file, null, false), "no editor is open on the file");
        byte[] before = read(file);

        int changed = DatasetFileFixer.fix(file, List.of(DatasetMarkers.fixOf(untrimmed)), null);

        assertEquals(1, changed);
        byte[] after = read(file);
        List<byte[]> beforeLines = lines(before);
        List<byte[]> afterLines = lines(after);
        assertEquals(5, afterLines.size());
        assertArrayEquals(beforeLines.get(3), afterLines.get(3), "the unparseable line is kept byte for byte");
        assertArrayEquals(DatasetBuilderTest.MALFORMED, withNewline(afterLines.get(3)));
        assertArrayEquals(beforeLines.get(0), afterLines.get(0), "a record in canonical form stays as it is");
        Map<String, DatasetRecord> records = recordsOnDisk(file);
        assertEquals("Sharing food with someone hungry is generous.", records.get("a5").reason());
        assertEquals("maybe", records.get("a2").label(), "other problems are left alone");
        assertTrue(file.isSynchronized(IResource.DEPTH_ZERO), "the workspace knows the new contents");

        build(project);
        assertEquals("UNKNOWN_LABEL@2, DUPLICATE_ID@3, PARSE_ERROR@4", summary(markers(file)));
    }

    private static byte[] withNewline(byte[] line) {
        byte[] result = Arrays.copyOf(line, line.length + 1);
        result[line.length] = '\n';
        return result;
    }

    @Test
    void theQuickFixFixesTheRecord() throws Exception {
        IFile file = write(project, "data.jsonl", DatasetBuilderTest.problemDataset());
        build(project);
        IMarker untrimmed = only(markers(file), "UNTRIMMED_WHITESPACE");
        IMarkerResolution[] resolutions = new DatasetMarkerResolutionGenerator().getResolutions(untrimmed);

        resolutions[0].run(untrimmed);
        saveEditorsOn(file);

        assertEquals("Sharing food with someone hungry is generous.", recordsOnDisk(file).get("a5").reason());
        assertArrayEquals(DatasetBuilderTest.MALFORMED, withNewline(lines(read(file)).get(3)));
        build(project);
        assertEquals("UNKNOWN_LABEL@2, DUPLICATE_ID@3, PARSE_ERROR@4", summary(markers(file)));
    }

    @Test
    void severalMarkersOfOneFileAreFixedTogether() throws Exception {
        IFile file = write(project, "hygiene.jsonl", HYGIENE);
        build(project);
        IMarker[] spaces = markers(file).stream().filter(m -> DatasetMarkers.kind(m) == ProblemKind.NON_BREAKING_SPACE)
                .toArray(IMarker[]::new);
        assertEquals(3, spaces.length);

        new RecordFixResolution(ProblemKind.NON_BREAKING_SPACE).run(spaces, null);
        saveEditorsOn(file);

        Map<String, DatasetRecord> records = recordsOnDisk(file);
        assertEquals("I gave my seat to an elderly woman.", records.get("h1").statement());
        assertEquals("Keeping money that is not yours is dishonest.", records.get("h2").reason());
        assertEquals("I cheated on the exam.", records.get("h3").statement());
        build(project);
        assertEquals("MOJIBAKE@4, UNTRIMMED_WHITESPACE@5", summary(markers(file)));
    }

    @Test
    void fixAllInTheFileFixesEveryRecordOfTheKind() throws Exception {
        IFile file = write(project, "hygiene.jsonl", HYGIENE);
        build(project);
        IMarker first = markers(file).get(0);
        assertEquals(ProblemKind.NON_BREAKING_SPACE, DatasetMarkers.kind(first));

        new FixAllInFileResolution(ProblemKind.NON_BREAKING_SPACE, file.getName()).run(first);
        saveEditorsOn(file);
        build(project);
        assertEquals("MOJIBAKE@4, UNTRIMMED_WHITESPACE@5", summary(markers(file)));

        IMarker mojibake = only(markers(file), "MOJIBAKE");
        new DatasetMarkerResolutionGenerator().getResolutions(mojibake)[0].run(mojibake);
        saveEditorsOn(file);
        assertEquals("I didn\u2019t tell my boss about the mistake.", recordsOnDisk(file).get("h4").statement());
        build(project);
        assertEquals("UNTRIMMED_WHITESPACE@5", summary(markers(file)));
    }

    @Test
    void aStaleMarkerFindsItsRecordByIdOrChangesNothing() throws Exception {
        IFile file = write(project, "hygiene.jsonl", HYGIENE);
        build(project);
        // the record h5 moved from entry 4 to entry 0, and h3 is gone
        RecordFix moved = new RecordFix(4, "h5", ProblemKind.UNTRIMMED_WHITESPACE);
        RecordFix gone = new RecordFix(2, "h3", ProblemKind.NON_BREAKING_SPACE);
        String[] lines = HYGIENE.split("\n");
        write(project, "hygiene.jsonl", lines[4] + "\n" + lines[0] + "\n" + lines[1] + "\n" + lines[3] + "\n");

        assertEquals(1, DatasetFileFixer.fix(file, List.of(moved, gone), null));

        Map<String, DatasetRecord> records = recordsOnDisk(file);
        assertEquals("Donating blood can save the lives of strangers.", records.get("h5").reason());
        assertFalse(records.containsKey("h3"));
        long stamp = file.getModificationStamp();
        byte[] bytes = read(file);
        assertEquals(0, DatasetFileFixer.fix(file, List.of(gone, moved), null));
        assertEquals(stamp, file.getModificationStamp(), "nothing to do: the file is not written");
        assertArrayEquals(bytes, read(file));
    }
}
