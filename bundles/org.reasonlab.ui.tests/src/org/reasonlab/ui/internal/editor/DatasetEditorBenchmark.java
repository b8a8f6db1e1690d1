package org.reasonlab.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.edit.RecordQuery;
import org.reasonlab.core.model.Split;

/**
 * The dataset editor on a generated large file, in the workbench (a benchmark that prints figures,
 * not a timed test; it runs only on request):
 * {@code ./mvnw verify -Dreasonlab.benchmark=100000 -Dtest=DatasetEditorBenchmark ...}.
 */
class DatasetEditorBenchmark {
    private static final String PROJECT = "editor-benchmark";
    private static final String[] WORDS = ("the a to of and my friend neighbour money car dog child work school "
            + "promise lie truth help stole borrowed returned gave kept found wallet because while although never "
            + "always others people society harm trust fair unfair honest kind cruel respect law rules family").split(" ");

    @AfterEach
    void tearDown() throws Exception {
        EditorTestSupport.closeAll();
        EditorTestSupport.deleteProject(PROJECT);
    }

    @Test
    void openFilterAndSaveALargeDataset() throws Exception {
        int records = Integer.getInteger("reasonlab.benchmark", 0);
        assumeTrue(records > 0, "runs only with -Dreasonlab.benchmark=RECORDS");
        IProject project = EditorTestSupport.createProject(PROJECT);
        Path path = project.getLocation().toPath().resolve("large.jsonl");
        generate(path, records);
        IFile file = project.getFile("large.jsonl");
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        System.out.printf("[benchmark] %,d records, %.1f MB%n", records, Files.size(path) / 1e6);
        gc();
        long heapBefore = used();

        long t0 = System.nanoTime();
        DatasetEditor editor = (DatasetEditor) IDE.openEditor(EditorTestSupport.page(), file, true);
        dispatchUntil(() -> editor.whenLoaded().isDone());
        editor.recordTable().getItem(0).getText(2); // the first row is materialised (SetData) ...
        editor.recordTable().update(); // ... and painted
        long t1 = System.nanoTime();
        System.out.printf("[benchmark] open until the first rows are shown: %.0f ms%n", (t1 - t0) / 1e6);
        EditorTestSupport.waitUntil("every row is in the table", editor::recordTableComplete);
        System.out.printf("[benchmark] open until every row is in the table (it grows in steps): %.0f ms%n",
                (System.nanoTime() - t0) / 1e6);
        EditorTestSupport.waitUntil("validated", () -> !editor.model().index().problems().isEmpty()
                || System.nanoTime() - t1 > 20_000_000_000L);
        long f0 = System.nanoTime();
        editor.setQuery(RecordQuery.ALL.withText("wallet"));
        System.out.printf("[benchmark] first text search (folds the search text once): %.0f ms%n", (System.nanoTime() - f0) / 1e6);
        editor.setQuery(RecordQuery.ALL);

        RecordQuery none = RecordQuery.ALL.withText("zzz-no-match");
        // typing: each query refines the one before (the table changes little)
        filter(editor, "typing \"promis\" -> \"promise\"", RecordQuery.ALL.withText("promise"), RecordQuery.ALL.withText("promis"));
        filter(editor, "typing \"wallet becaus\" -> \"wallet because\"", RecordQuery.ALL.withText("wallet because"),
                RecordQuery.ALL.withText("wallet becaus"));
        filter(editor, "all -> label + split", RecordQuery.ALL.withLabel("unethical").withSplit(Split.TEST, false), RecordQuery.ALL);
        // worst case: from no rows to many (the table grows by tens of thousands of rows)
        filter(editor, "no match -> text \"promise\"", RecordQuery.ALL.withText("promise"), none);
        filter(editor, "no match -> cleared", RecordQuery.ALL, none);

        editor.selectRow(records / 2);
        EditorTestSupport.command("org.reasonlab.ui.dataset.setLabel",
                Map.of("org.reasonlab.ui.dataset.labelNumber", "1"));
        long s0 = System.nanoTime();
        editor.doSave(null);
        long s1 = System.nanoTime();
        System.out.printf("[benchmark] save: %.0f ms%n", (s1 - s0) / 1e6);
        assertEquals(false, editor.isDirty());

        gc();
        long heapUsed = used() - heapBefore;
        EditorTestSupport.closeAll();
        long r0 = System.nanoTime();
        DatasetEditor again = (DatasetEditor) IDE.openEditor(EditorTestSupport.page(), file, true);
        dispatchUntil(() -> again.whenLoaded().isDone());
        again.recordTable().getItem(0).getText(2);
        again.recordTable().update();
        System.out.printf("[benchmark] second open in the same workbench (code warmed up): %.0f ms%n", (System.nanoTime() - r0) / 1e6);
        System.out.printf("[benchmark] heap used by the open editor: %.0f MB (file %.1f MB)%n", heapUsed / 1e6,
                Files.size(path) / 1e6);
    }

    /**
     * Runs the event loop one event at a time until the condition holds, as a user's workbench does: unlike the
     * test helper's wait it does not drain the queue afterwards (where the table's growth steps wait).
     */
    private static void dispatchUntil(BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> {
                });
                display.sleep();
            }
        }
    }

    private static void filter(DatasetEditor editor, String what, RecordQuery query, RecordQuery previous) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            editor.setQuery(previous);
            long t0 = System.nanoTime();
            editor.setQuery(query);
            if (editor.shownRows().length > 0) {
                editor.recordTable().getItem(0).getText(2);
            }
            editor.recordTable().update();
            best = Math.min(best, System.nanoTime() - t0);
            EditorTestSupport.waitUntil("every row is in the table", editor::recordTableComplete);
        }
        System.out.printf("[benchmark] filter %s: %,d rows, best of 5 %.1f ms%n", what, editor.shownRows().length, best / 1e6);
    }

    private static void generate(Path file, int count) throws Exception {
        Random random = new Random(42);
        String[] splits = {"train", "train", "train", "validation", "test"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= count; i++) {
                out.write("{\"id\":\"r" + String.format("%07d", i) + "\",\"statement\":\"" + sentence(random, 60 + random.nextInt(61))
                        + "\",\"label\":\"" + (random.nextInt(100) < 57 ? "ethical" : "unethical") + "\",\"reason\":\""
                        + sentence(random, 150 + random.nextInt(251)) + "\",\"split\":\"" + splits[random.nextInt(5)] + "\"}\n");
            }
        }
    }

    private static String sentence(Random random, int length) {
        StringBuilder s = new StringBuilder(length + 8);
        while (s.length() < length) {
            s.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        s.setLength(length);
        return s.toString().strip() + ".";
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
