package org.reasonlab.ui.internal.markers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.markers;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.only;
import static org.reasonlab.ui.internal.markers.MarkerTestSupport.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.validate.ProblemKind;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.core.validate.ValidationProblem;

/** Replacing a file's markers: one notification, unchanged markers left alone, the marker limit. */
class DatasetProblemMarkersTest {
    static final String PROJECT = "reasonlab-markers-replace";

    private IProject project;
    private IFile file;
    private boolean autoBuilding;

    @BeforeEach
    void setUp() throws Exception {
        autoBuilding = MarkerTestSupport.setAutoBuilding(false);
        project = MarkerTestSupport.createProject(PROJECT); // no nature: only the test writes markers
        file = MarkerTestSupport.write(project, "data.jsonl", "{}\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        MarkerTestSupport.deleteProject(PROJECT);
        MarkerTestSupport.setAutoBuilding(autoBuilding);
    }

    static ValidationProblem problem(ProblemKind kind, int index) {
        return new ValidationProblem(kind, kind.defaultSeverity(), index, "r" + index, index + 1, "reason",
                "Record r" + index + " (line " + (index + 1) + "): something about " + kind);
    }

    @Test
    void replacingMarkersNotifiesOnceAndNotAtAllWhenNothingChanged() throws Exception {
        List<ValidationProblem> problems = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            problems.add(problem(i % 2 == 0 ? ProblemKind.SHORT_REASON : ProblemKind.UNTRIMMED_WHITESPACE, i));
        }
        AtomicInteger notifications = new AtomicInteger();
        IResourceChangeListener listener = event -> {
            for (IMarkerDelta d : event.findMarkerDeltas(DatasetMarkers.PROBLEM, true)) {
                if (d.getResource().equals(file)) {
                    notifications.incrementAndGet();
                    return;
                }
            }
        };
        MarkerTestSupport.workspace().addResourceChangeListener(listener, IResourceChangeEvent.POST_CHANGE);
        try {
            DatasetProblemMarkers markers = new DatasetProblemMarkers();
            markers.replace(file, problems, null);
            assertEquals(1, notifications.get(), "one resource change event for 50 markers");
            assertEquals(50, markers(file).size());
            long[] ids = markers(file).stream().mapToLong(IMarker::getId).sorted().toArray();

            markers.replace(file, new ArrayList<>(problems), null);
            assertEquals(1, notifications.get(), "the same problems again change nothing");
            assertTrue(Arrays.equals(ids, markers(file).stream().mapToLong(IMarker::getId).sorted().toArray()),
                    "the markers are kept");

            markers.replace(file, problems.subList(0, 10), null);
            assertEquals(2, notifications.get());
            assertEquals(10, markers(file).size());

            markers.replace(file, List.of(), null);
            assertEquals(0, markers(file).size());
        } finally {
            MarkerTestSupport.workspace().removeResourceChangeListener(listener);
        }
    }

    @Test
    void overTheLimitTheMostSeriousAreKeptAndOneMarkerCountsTheRest() throws Exception {
        List<ValidationProblem> problems = List.of(problem(ProblemKind.UNTRIMMED_WHITESPACE, 0),
                problem(ProblemKind.SHORT_REASON, 1), problem(ProblemKind.NON_BREAKING_SPACE, 2),
                problem(ProblemKind.DUPLICATE_ID, 3), problem(ProblemKind.EMPTY_REASON, 4),
                problem(ProblemKind.UNTRIMMED_WHITESPACE, 5), problem(ProblemKind.SHORT_REASON, 6));

        new DatasetProblemMarkers(4).replace(file, problems, null);

        List<IMarker> markers = markers(file);
        assertEquals("MORE_PROBLEMS@0, SHORT_REASON@2, DUPLICATE_ID@4, EMPTY_REASON@5, SHORT_REASON@7",
                summary(markers), "the error and the three warnings");
        IMarker more = only(markers, DatasetMarkers.KIND_MORE_PROBLEMS);
        assertEquals("3 more problems not shown (3 infos); open the file in the dataset editor to see them all",
                more.getAttribute(IMarker.MESSAGE, ""));
        assertEquals(IMarker.SEVERITY_INFO, more.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(-1, more.getAttribute(IMarker.LINE_NUMBER, -1));

        new DatasetProblemMarkers(1).replace(file, problems, null);
        IMarker more1 = only(markers(file), DatasetMarkers.KIND_MORE_PROBLEMS);
        assertEquals("6 more problems not shown (3 warnings, 3 infos); open the file in the dataset editor to see "
                + "them all", more1.getAttribute(IMarker.MESSAGE, ""));
        assertEquals(IMarker.SEVERITY_WARNING, more1.getAttribute(IMarker.SEVERITY, -1),
                "the most serious problem left out");
    }

    @Test
    void tensOfThousandsOfProblems() throws Exception {
        List<ValidationProblem> problems = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            problems.add(problem(i % 3 == 0 ? ProblemKind.SHORT_REASON : ProblemKind.UNTRIMMED_WHITESPACE, i));
        }
        DatasetProblemMarkers markers = new DatasetProblemMarkers();
        long start = System.nanoTime();
        markers.replace(file, problems, null);
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        markers.replace(file, problems, null);
        long again = System.nanoTime() - start;
        System.out.printf("DatasetProblemMarkersTest: 30,000 problems -> %d markers in %d ms, unchanged in %d ms%n",
                markers(file).size(), first / 1_000_000, again / 1_000_000);

        List<IMarker> all = markers(file);
        assertEquals(DatasetProblemMarkers.DEFAULT_LIMIT + 1, all.size());
        assertEquals(10_000, all.stream().filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_WARNING)
                .count(), "all 10,000 warnings kept");
        IMarker more = only(all, DatasetMarkers.KIND_MORE_PROBLEMS);
        assertEquals("20,000 more problems not shown (20,000 infos); open the file in the dataset editor to see "
                + "them all", more.getAttribute(IMarker.MESSAGE, ""));
    }

    @Test
    void aReadErrorReplacesEverything() throws Exception {
        DatasetProblemMarkers markers = new DatasetProblemMarkers();
        markers.replace(file, List.of(problem(ProblemKind.SHORT_REASON, 0), problem(ProblemKind.MOJIBAKE, 1)), null);
        markers.replaceWithReadError(file, "Could not read the dataset: no statement column", 1, null);

        IMarker marker = only(markers(file), DatasetMarkers.KIND_READ_ERROR);
        assertEquals(1, markers(file).size());
        assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(1, marker.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals("Could not read the dataset: no statement column", marker.getAttribute(IMarker.MESSAGE, ""));
    }

    @Test
    void severitiesAndLimit() {
        assertEquals(IMarker.SEVERITY_ERROR, DatasetMarkers.severity(Severity.ERROR));
        assertEquals(IMarker.SEVERITY_WARNING, DatasetMarkers.severity(Severity.WARNING));
        assertEquals(IMarker.SEVERITY_INFO, DatasetMarkers.severity(Severity.INFO));
        assertThrows(IllegalArgumentException.class, () -> new DatasetProblemMarkers(0));
        assertEquals("line 3, record s3", DatasetMarkers.location(3, "s3", 2));
        assertEquals("line 3", DatasetMarkers.location(3, null, 2));
        assertEquals("entry 3", DatasetMarkers.location(0, " ", 2));
    }
}
