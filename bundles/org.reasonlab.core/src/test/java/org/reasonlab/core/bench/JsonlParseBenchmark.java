package org.reasonlab.core.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetReader;
import org.reasonlab.core.io.DatasetSink;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;

/**
 * Measures JSONL loading speed and memory (not a test). Usage:
 * {@code java -Xmx<3x file size> -cp ... org.reasonlab.core.bench.JsonlParseBenchmark [file] [runs]}.
 */
public final class JsonlParseBenchmark {
    private static final String[] WORDS = ("the a to of and my friend neighbour money car dog child work school "
            + "promise lie truth help stole borrowed returned gave kept found wallet because while although never "
            + "always others people society harm trust fair unfair honest kind cruel respect law rules family")
            .split(" ");
    /** Typographic apostrophes and accents, as in real reasons, in about a fifth of the texts. */
    private static final String[] NON_ASCII_WORDS = "café naïve résumé it’s don’t can’t won’t".split(" ");

    private JsonlParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/records-100k.jsonl");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        if (!Files.exists(file)) {
            generate(file, 100_000);
        }
        long size = Files.size(file);
        double mb = size / 1e6;
        System.out.printf("file %s: %.1f MB%n", file, mb);

        int warmup = 3;
        for (int i = 0; i < warmup; i++) {
            DatasetLoader.load(file);
        }
        gc();
        HeapPeakTracker peakTracker = new HeapPeakTracker();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = memory.getHeapMemoryUsage().getUsed();

        double[] rates = new double[runs];
        LoadResult kept = null;
        for (int i = 0; i < runs; i++) {
            kept = null;
            long t0 = System.nanoTime();
            kept = DatasetLoader.load(file);
            rates[i] = mb / ((System.nanoTime() - t0) / 1e9);
        }
        long peak = peakTracker.peakBytes();
        peakTracker.close();
        gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - baseline;
        Arrays.sort(rates);
        System.out.printf("records %d, problems %d%n", kept.dataset().recordCount(), kept.problems().size());
        System.out.printf("DatasetLoader.load: best %.0f MB/s, median %.0f MB/s (%d runs after %d warm-up)%n",
                rates[runs - 1], rates[runs / 2], runs, warmup);
        System.out.printf("retained heap of the Dataset: %.1f MB = %.2fx file size%n", retained / 1e6,
                retained / (double) size);
        System.out.printf("peak used heap during the measured loads (before-GC maximum): %.1f MB = %.2fx file size"
                + " (max heap %.0f MB)%n",
                peak / 1e6, peak / (double) size, Runtime.getRuntime().maxMemory() / 1e6);
        kept = null;

        double[] streaming = new double[runs];
        for (int i = 0; i < runs; i++) {
            CountingSink sink = new CountingSink();
            long t0 = System.nanoTime();
            DatasetReader.read(file, LabelSchema.defaultSchema(), sink);
            streaming[i] = mb / ((System.nanoTime() - t0) / 1e9);
            if (sink.records != 100_000 && i == 0) {
                System.out.println("streaming saw " + sink.records + " records");
            }
        }
        Arrays.sort(streaming);
        System.out.printf("DatasetReader.read (counting sink): best %.0f MB/s, median %.0f MB/s%n",
                streaming[runs - 1], streaming[runs / 2]);
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

    private static final class CountingSink implements DatasetSink {
        long records;
        long chars;

        @Override
        public void record(DatasetRecord record) {
            records++;
            chars += record.statement().length();
        }

        @Override
        public void rawLine(RawLine line, ParseProblem problem) {
        }

        @Override
        public void problem(ParseProblem problem) {
        }
    }

    static void generate(Path file, int count) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Random random = new Random(42);
        String[] splits = {"train", "train", "train", "validation", "test"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= count; i++) {
                StringBuilder line = new StringBuilder(700);
                line.append("{\"id\":\"r").append(String.format("%06d", i)).append("\",\"statement\":\"")
                        .append(sentence(random, 60 + random.nextInt(61), false)).append("\",\"label\":\"")
                        .append(random.nextInt(100) < 57 ? "ethical" : "unethical").append("\",\"reason\":\"")
                        .append(sentence(random, 150 + random.nextInt(251), random.nextInt(5) == 0))
                        .append("\",\"split\":\"").append(splits[random.nextInt(splits.length)]).append('"');
                if (i % 50 == 0) {
                    line.append(",\"annotations\":[{\"annotator\":\"ann").append(random.nextInt(9))
                            .append("\",\"label\":\"unethical\",\"reason\":\"Not sure about this one.\",\"time\":"
                                    + "\"2024-03-0").append(1 + random.nextInt(9)).append("T12:00:00Z\"}]");
                }
                if (i % 20 == 0) {
                    line.append(",\"metadata\":{\"source\":\"forum\",\"votes\":").append(random.nextInt(500))
                            .append(",\"score\":0.").append(random.nextInt(1000)).append('}');
                }
                line.append("}\n");
                out.write(line.toString());
            }
        }
    }

    private static String sentence(Random random, int length, boolean escapes) {
        StringBuilder s = new StringBuilder(length + 16);
        boolean nonAscii = random.nextInt(5) == 0;
        while (s.length() < length) {
            String word = nonAscii && random.nextInt(25) == 0 ? NON_ASCII_WORDS[random.nextInt(NON_ASCII_WORDS.length)]
                    : WORDS[random.nextInt(WORDS.length)];
            s.append(s.length() == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            s.append(random.nextInt(12) == 0 ? ", " : " ");
        }
        s.setLength(length);
        if (escapes) {
            s.append(" She said \\\"no\\\".");
        }
        return s.append('.').toString().replace(" .", ".");
    }
}
