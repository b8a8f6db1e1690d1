package org.reasonlab.ui.internal.markers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.build;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.concat;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.markers;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.only;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.summary;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.utf8;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.write;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.validate.ProblemKind;

/** The dataset builder puts validation problems on dataset files as markers, and takes them away again. */
class DatasetBuilderTest {
    static final String PROJECT = "reasonlab-markers-builder";

    static final String A1 = "{\"id\":\"a1\",\"statement\":\"I returned the wallet I found on the bus.\",\"label\":\"ethical\","
            + "\"reason\":\"Returning lost property respects its owner.\"}\n";
    static final String A2_UNKNOWN_LABEL = "{\"id\":\"a2\",\"statement\":\"I lied to my friend about the party.\","
            + "\"label\":\"maybe\",\"reason\":\"Lying to a friend breaks the trust between you.\"}\n";
    static final String A1_DUPLICATE_ID = "{\"id\":\"a1\",\"statement\":\"I helped an old man cross the street.\","
            + "\"label\":\"ethical\",\"reason\":\"Helping people in need is kind and generous.\"}\n";
    /** Invalid JSON with an invalid UTF-8 byte: must survive every rewrite byte for byte. */
    static final byte[] MALFORMED = concat(utf8("{\"id\":\"a4\",\"statement\":\"broken "), new byte[] {(byte) 0xFF},
            utf8(" line\",\n"));
    static final String A5_UNTRIMMED_REASON = "{\"id\":\"a5\",\"statement\":\"I shared my lunch with a classmate.\","
            + "\"label\":\"ethical\",\"reason\":\"  Sharing food with someone hungry is generous.  \"}\n";

    /** Lines 1-5: fine, unknown label, duplicate id, unparseable, untrimmed reason. */
    static byte[] problemDataset() {
        return concat(utf8(A1), utf8(A2_UNKNOWN_LABEL), utf8(A1_DUPLICATE_ID), MALFORMED, utf8(A5_UNTRIMMED_REASON));
    }

    static final String CLEAN = A1
            + "{\"id\":\"a2\",\"statement\":\"I lied to my friend about the party.\",\"label\":\"unethical\","
            + "\"reason\":\"Lying to a friend breaks the trust between you.\"}\n"
            + "{\"id\":\"a3\",\"statement\":\"I helped an old man cross the street.\",\"label\":\"ethical\","
            + "\"reason\":\"Helping people in need is kind and generous.\"}\n"
            + "{\"id\":\"a5\",\"statement\":\"I shared my lunch with a classmate.\",\"label\":\"ethical\","
            + "\"reason\":\"Sharing food with someone hungry is generous.\"}\n";

    private IProject project;
    private boolean autoBuilding;

    @BeforeEach
    void setUp() throws Exception {
        autoBuilding = MarkerTestSupport.setAutoBuilding(false);
        project = MarkerTestSupport.createProject(PROJECT);
        DatasetNature.addTo(project, null);
    }

    @AfterEach
    void tearDown() throws Exception {
        MarkerTestSupport.deleteProject(PROJECT);
        MarkerTestSupport.setAutoBuilding(autoBuilding);
    }

    @Test
    void theNatureAddsTheBuilderOnce() throws Exception {
        assertTrue(DatasetNature.hasNature(project));
        DatasetNature.addTo(project, null);
        ICommand[] commands = project.getDescription().getBuildSpec();
        assertEquals(1, Arrays.stream(commands).filter(c -> DatasetBuilder.ID.equals(c.getBuilderName())).count(),
                "the builder once in the build spec");
        assertEquals(1, Arrays.stream(project.getDescription().getNatureIds()).filter(DatasetNature.ID::equals).count());
    }

    @Test
    void aBuildMarksEveryProblemWithSeverityLineAndRecord() throws Exception {
        IFile file = write(project, "data.jsonl", problemDataset());
        build(project);

        List<IMarker> markers = markers(file);
        assertEquals("UNKNOWN_LABEL@2, DUPLICATE_ID@3, PARSE_ERROR@4, UNTRIMMED_WHITESPACE@5", summary(markers));

        IMarker label = only(markers, "UNKNOWN_LABEL");
        assertEquals(IMarker.SEVERITY_ERROR, label.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(2, label.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals("line 2, record a2", label.getAttribute(IMarker.LOCATION, null));
        assertEquals("a2", DatasetMarkers.recordId(label));
        assertEquals(1, DatasetMarkers.entryIndex(label));
        assertEquals("label", DatasetMarkers.field(label));
        assertEquals(ProblemKind.UNKNOWN_LABEL, DatasetMarkers.kind(label));
        String message = label.getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.startsWith("Unknown label: ") && message.contains("'maybe'"), message);
        assertEquals(DatasetMarkers.SOURCE_ID, label.getAttribute(IMarker.SOURCE_ID, null));
        assertTrue(label.isSubtypeOf(IMarker.PROBLEM) && label.isSubtypeOf(IMarker.TEXT), "problem and text marker");
        assertTrue(label.getType().equals(DatasetMarkers.PROBLEM));

        IMarker duplicate = only(markers, "DUPLICATE_ID");
        assertEquals(IMarker.SEVERITY_ERROR, duplicate.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(3, duplicate.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals("a1", DatasetMarkers.recordId(duplicate));
        assertEquals(2, DatasetMarkers.entryIndex(duplicate));
        assertTrue(duplicate.getAttribute(IMarker.MESSAGE, "").startsWith("Duplicate id: "));

        IMarker parse = only(markers, "PARSE_ERROR");
        assertEquals(IMarker.SEVERITY_ERROR, parse.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(4, parse.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals("line 4", parse.getAttribute(IMarker.LOCATION, null));
        assertNull(DatasetMarkers.recordId(parse));
        assertEquals(3, DatasetMarkers.entryIndex(parse));
        assertTrue(parse.getAttribute(IMarker.MESSAGE, "").startsWith("Unparseable line: "));

        IMarker untrimmed = only(markers, "UNTRIMMED_WHITESPACE");
        assertEquals(IMarker.SEVERITY_INFO, untrimmed.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(5, untrimmed.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals("line 5, record a5", untrimmed.getAttribute(IMarker.LOCATION, null));
        assertEquals(4, DatasetMarkers.entryIndex(untrimmed));
        assertEquals("reason", DatasetMarkers.field(untrimmed));
    }

    @Test
    void fixingTheFileRemovesItsMarkers() throws Exception {
        IFile file = write(project, "data.jsonl", problemDataset());
        build(project);
        assertEquals(4, markers(file).size());

        write(project, "data.jsonl", CLEAN);
        build(project);

        assertEquals("", summary(markers(file)));
    }

    @Test
    void deletingTheFileRemovesItsMarkers() throws Exception {
        IFile file = write(project, "data.jsonl", problemDataset());
        build(project);
        assertEquals(4, markers(project).size());

        file.delete(true, null);
        build(project);

        assertEquals("", summary(markers(project)));
    }

    @Test
    void aFullAndACleanBuild() throws Exception {
        IFile file = write(project, "data.jsonl", problemDataset());
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        assertEquals(4, markers(file).size());

        project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);
        assertEquals(0, markers(project).size(), "a clean build removes the markers");

        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        assertEquals(4, markers(file).size());
    }

    @Test
    void aFileThatCannotBeReadGetsOneMarkerNamingTheProblem() throws Exception {
        IFile file = write(project, "data.jsonl", problemDataset());
        write(project, "data.labels.json", "{not json\n");
        build(project);

        List<IMarker> markers = markers(file);
        assertEquals(1, markers.size(), () -> summary(markers));
        IMarker marker = markers.get(0);
        assertEquals(DatasetMarkers.KIND_READ_ERROR, marker.getAttribute(DatasetMarkers.KIND, null));
        assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
        String message = marker.getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.startsWith("Could not read the dataset: ") && message.contains("data.labels.json"), message);
        assertNull(DatasetMarkers.kind(marker));
        assertEquals(-1, DatasetMarkers.entryIndex(marker));

        // a valid sidecar that knows the label 'maybe': the dataset is validated again with it
        write(project, "data.labels.json", "{\"labels\":[{\"name\":\"ethical\",\"aliases\":[\"0\"]},"
                + "{\"name\":\"unethical\",\"aliases\":[\"1\"]},{\"name\":\"maybe\"}]}\n");
        build(project);
        assertEquals("DUPLICATE_ID@3, PARSE_ERROR@4, UNTRIMMED_WHITESPACE@5", summary(markers(file)));

        // without the sidecar, 'maybe' is unknown again
        project.getFile("data.labels.json").delete(true, null);
        build(project);
        assertEquals("UNKNOWN_LABEL@2, DUPLICATE_ID@3, PARSE_ERROR@4, UNTRIMMED_WHITESPACE@5", summary(markers(file)));
    }

    @Test
    void csvDatasetsAreValidatedAndLoseTheirMarkersWhenTheyStopBeingDatasets() throws Exception {
        IFile csv = write(project, "data.csv", "id,statement,label,reason\n"
                + "c1,I lied to my friend about the party.,maybe,Lying to a friend breaks the trust between you.\n");
        build(project);
        assertEquals("UNKNOWN_LABEL@2", summary(markers(csv)));

        write(project, "data.csv", "name,age\nalice,30\n");
        build(project);
        assertEquals("", summary(markers(csv)), "a CSV file without a statement column is no dataset");
    }

    @Test
    void filesATrainingRunWritesAndOtherFilesAreNotValidated() throws Exception {
        project.getFolder("runs").create(true, true, null);
        project.getFolder("runs/r1").create(true, true, null);
        write(project, "runs/r1/spec.json", "{\"version\":1}\n");
        write(project, "runs/r1/events.jsonl", "{\"type\":\"step\",\"step\":1,\"loss\":2.5}\n");
        write(project, "runs/r1/predictions.jsonl", "{\"id\":\"x\",\"predicted\":\"ethical\"}\n");
        write(project, "notes.txt", "{\"not\":\"a dataset\"}\n");
        IFile data = write(project, "data.jsonl", problemDataset());
        build(project);

        assertEquals(4, markers(data).size(), "the dataset is validated");
        List<IMarker> all = markers(project);
        assertEquals(4, all.size(), () -> "nothing else has markers: " + summary(all));
    }

    @Test
    void derivedFilesAreNotValidated() throws Exception {
        IFile data = write(project, "data.jsonl", problemDataset());
        build(project);
        assertEquals(4, markers(data).size());

        data.setDerived(true, null);
        build(project);
        assertEquals(0, markers(data).size(), "a file marked derived loses its markers");
    }

    @Test
    void removingTheNatureRemovesTheBuilderAndTheMarkers() throws Exception {
        write(project, "data.jsonl", problemDataset());
        build(project);
        assertEquals(4, markers(project).size());

        DatasetNature.removeFrom(project, null);

        assertFalse(DatasetNature.hasNature(project));
        assertFalse(Arrays.stream(project.getDescription().getBuildSpec())
                .anyMatch(c -> DatasetBuilder.ID.equals(c.getBuilderName())));
        assertEquals(0, markers(project).size());
    }

    @Test
    void markersSurviveAndFollowRenames() throws Exception {
        IFile file = write(project, "data.jsonl", problemDataset());
        build(project);
        file.move(project.getFullPath().append("renamed.jsonl"), true, null);
        build(project);

        IFile renamed = project.getFile("renamed.jsonl");
        assertEquals("UNKNOWN_LABEL@2, DUPLICATE_ID@3, PARSE_ERROR@4, UNTRIMMED_WHITESPACE@5", summary(markers(renamed)));
        assertEquals(4, markers(project).size(), "no markers left behind");
    }
}
