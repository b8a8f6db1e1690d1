package org.reasonlab.core.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.reasonlab.core.edit.DatasetIndex;
import org.reasonlab.core.edit.EntryReplacement;
import org.reasonlab.core.edit.RecordQuery;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.validate.ProblemKind;
import org.reasonlab.core.validate.ValidationProblem;
import org.reasonlab.core.validate.Validator;

/**
 * What the dataset editor does with a large file, without the UI (not a test): load, build the
 * filter index, validate, filter, edit, save; with the heap retained. Usage:
 * {@code java -Xmx2g -cp ... org.reasonlab.core.bench.EditorModelBenchmark [records] [file]}.
 */
public final class EditorModelBenchmark {
    private EditorModelBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path file = Path.of(args.length > 1 ? args[1] : "target/bench/records-" + records + ".jsonl");
        if (!Files.exists(file)) {
            JsonlParseBenchmark.generate(file, records);
        }
        System.out.printf("file %s: %,d records, %.1f MB, max heap %.0f MB%n", file, records, Files.size(file) / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        gc();
        long baseline = used();

        long t0 = System.nanoTime();
        LoadResult load = DatasetLoader.load(file);
        long t1 = System.nanoTime();
        DatasetIndex index = new DatasetIndex(load.dataset());
        long t2 = System.nanoTime();
        List<ValidationProblem> problems = new Validator().validate(load.dataset());
        long t3 = System.nanoTime();
        index.setProblems(problems);
        long t4 = System.nanoTime();
        System.out.printf("open: load %.0f ms + index %.0f ms = %.0f ms until rows can be shown; "
                + "validation (background) %.0f ms, %,d problems, problem index %.0f ms%n",
                ms(t0, t1), ms(t1, t2), ms(t0, t2), ms(t2, t3), problems.size(), ms(t3, t4));

        long f0 = System.nanoTime();
        index.filter(RecordQuery.ALL.withText("promise"));
        System.out.printf("first text search (folds the search text once): %.0f ms%n", ms(f0, System.nanoTime()));
        measure("filter: text \"promise\"", () -> index.filter(RecordQuery.ALL.withText("promise")));
        measure("filter: text \"she said\" (rare phrase)", () -> index.filter(RecordQuery.ALL.withText("She said")));
        measure("filter: label unethical + split test", () -> index.filter(RecordQuery.ALL.withLabel("unethical")
                .withSplit(Split.TEST, false)));
        measure("filter: text + label + split", () -> index.filter(RecordQuery.ALL.withText("money").withLabel("ethical")
                .withSplit(Split.TRAIN, false)));
        measure("filter: problem kind short reason", () -> index.filter(RecordQuery.ALL.withProblem(ProblemKind.SHORT_REASON, false)));
        measure("filter: none (all rows)", () -> index.filter(RecordQuery.ALL));

        DatasetRecord before = (DatasetRecord) load.dataset().entries().get(records / 2);
        DatasetRecord after = before.copy();
        after.setLabel("unethical".equals(before.label()) ? "ethical" : "unethical");
        EntryReplacement edit = new EntryReplacement(records / 2, before, after);
        long e0 = System.nanoTime();
        edit.apply(load.dataset());
        index.entryChanged(records / 2);
        long e1 = System.nanoTime();
        System.out.printf("edit one record + index update: %.3f ms%n", ms(e0, e1));

        Path out = file.resolveSibling(file.getFileName() + ".saved");
        double[] saves = new double[5];
        for (int i = 0; i < saves.length; i++) {
            long s0 = System.nanoTime();
            DatasetSaver.save(load.dataset(), out);
            saves[i] = ms(s0, System.nanoTime());
        }
        Arrays.sort(saves);
        System.out.printf("save (atomic, fsync): best %.0f ms, median %.0f ms%n", saves[0], saves[saves.length / 2]);

        gc();
        long retained = used() - baseline;
        System.out.printf("heap retained by dataset + index + problems: %.0f MB = %.2fx file size%n", retained / 1e6,
                retained / (double) Files.size(file));
        Files.deleteIfExists(out);
        if (index.size() < 0) {
            System.out.println(load); // keeps the dataset reachable until the heap was measured
        }
    }

    private static void measure(String what, Supplier<int[]> filter) {
        for (int i = 0; i < 3; i++) {
            filter.get();
        }
        double[] times = new double[7];
        int rows = 0;
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            rows = filter.get().length;
            times[i] = ms(t0, System.nanoTime());
        }
        Arrays.sort(times);
        System.out.printf("%-45s %,9d rows: best %6.1f ms, median %6.1f ms%n", what, rows, times[0], times[times.length / 2]);
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
