package org.reasonlab.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.validate.ProblemKind;
import org.reasonlab.ui.internal.markers.DatasetMarkers;
import org.reasonlab.ui.internal.markers.DatasetNature;

/** The dataset editor with the Problems view: markers after saving, go to a marker, undoable quick fixes. */
class EditorMarkersTest {
    private static final String PROJECT = "editor-markers-test";
    private static final String DATASET = String.join("\n",
            "{\"id\":\"m1\",\"statement\":\"I returned the extra change to the cashier.\",\"label\":\"ethical\",\"reason\":\"Keeping money that is not mine would be dishonest.\",\"split\":\"train\"}",
            "{\"id\":\"m2\",\"statement\":\"I shouted at a waiter.\",\"label\":\"rude\",\"reason\":\"Shouting at someone serving me is disrespectful.\",\"split\":\"train\"}",
            "{\"id\":\"m3\",\"statement\":\"I cheated at cards.\",\"label\":\"unethical\",\"reason\":\"Cheating breaks the rules everyone agreed to.   \",\"split\":\"test\"}",
            "");

    private IProject project;
    private IFile file;

    @BeforeEach
    void setUp() throws Exception {
        project = EditorTestSupport.createProject(PROJECT);
        DatasetNature.addTo(project, null);
        file = EditorTestSupport.writeFile(project, "marked.jsonl", DATASET);
    }

    @AfterEach
    void tearDown() throws Exception {
        EditorTestSupport.closeAll();
        EditorTestSupport.deleteProject(PROJECT);
    }

    private IMarker[] build() throws Exception {
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        return file.findMarkers(DatasetMarkers.PROBLEM, true, IResource.DEPTH_ZERO);
    }

    private static IMarker marker(IMarker[] markers, ProblemKind kind) {
        return Arrays.stream(markers).filter(m -> DatasetMarkers.kind(m) == kind).findFirst().orElseThrow(
                () -> new AssertionError("no " + kind + " marker among " + Arrays.toString(markers)));
    }

    @Test
    void invalidRecordsGetMarkersAndGoToMarkerSelectsTheRecord() throws Exception {
        IMarker[] markers = build();
        IMarker unknown = marker(markers, ProblemKind.UNKNOWN_LABEL);
        assertEquals(2, unknown.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals(IMarker.SEVERITY_ERROR, unknown.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(3, marker(markers, ProblemKind.UNTRIMMED_WHITESPACE).getAttribute(IMarker.LINE_NUMBER, -1));

        DatasetEditor editor = EditorTestSupport.open(file);
        IDE.gotoMarker(editor, unknown);
        EditorTestSupport.flushEvents();
        assertEquals(1, editor.selectedEntry(), "going to the marker selects record m2");
    }

    @Test
    void quickFixInAnOpenEditorIsUndoableAndSavingClearsTheMarker() throws Exception {
        IMarker whitespace = marker(build(), ProblemKind.UNTRIMMED_WHITESPACE);
        DatasetEditor editor = EditorTestSupport.open(file);
        List<IMarkerResolution> fixes = Arrays.asList(IDE.getMarkerHelpRegistry().getResolutions(whitespace));
        assertFalse(fixes.isEmpty(), "a quick fix is offered for untrimmed whitespace");
        fixes.get(0).run(whitespace);
        EditorTestSupport.flushEvents();
        assertEquals("Cheating breaks the rules everyone agreed to.", reason(editor, 2), "fixed in the editor");
        assertTrue(editor.isDirty(), "the fix is an edit in the editor, not a write behind its back");

        EditorTestSupport.command("org.eclipse.ui.edit.undo");
        assertEquals("Cheating breaks the rules everyone agreed to.   ", reason(editor, 2));
        EditorTestSupport.command("org.eclipse.ui.edit.redo");
        editor.doSave(null);
        IMarker[] after = build();
        assertTrue(Arrays.stream(after).noneMatch(m -> DatasetMarkers.kind(m) == ProblemKind.UNTRIMMED_WHITESPACE),
                () -> "the whitespace marker is gone after saving: " + Arrays.toString(after));
        assertTrue(Arrays.stream(after).anyMatch(m -> DatasetMarkers.kind(m) == ProblemKind.UNKNOWN_LABEL));
    }

    private static String reason(DatasetEditor editor, int entry) {
        return ((DatasetRecord) editor.model().entry(entry)).reason();
    }
}
