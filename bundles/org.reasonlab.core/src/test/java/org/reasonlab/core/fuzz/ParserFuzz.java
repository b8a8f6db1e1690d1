package org.reasonlab.core.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.reasonlab.core.model.DatasetFormat;

/**
 * Fuzzes the dataset readers and writers with {@link FuzzInputs} and checks each input with
 * {@link RoundTrip}. Input {@code i} of a run depends on the seed and {@code i} only, so a failure
 * is reproduced by its seed and number. Usage, a long run:
 * {@code java -cp ... org.reasonlab.core.fuzz.ParserFuzz [SEED [COUNT [FOLDER]]]}, which writes each
 * failing input and what is wrong with it to FOLDER (default {@code target/fuzz-failures}).
 */
public final class ParserFuzz {

    /** An input that broke a promise. */
    record Failure(long seed, int index, FuzzInputs.Input input, String problem) {

        @Override
        public String toString() {
            return "seed " + seed + " input " + index + " (" + input.format() + ", "
                    + (input.edits().isEmpty() ? "as written" : input.edits()) + "): " + problem + "\n  input: "
                    + FuzzInputs.describe(input.bytes());
        }
    }

    private ParserFuzz() {
    }

    static FuzzInputs.Input input(long seed, int index) {
        return new FuzzInputs(new Random(seed * 1_000_003L + index)).next();
    }

    /**
     * Checks inputs {@code 0 .. count-1} of the seed, stopping after {@code maxFailures}; with a
     * {@code progress} stream, says how the inputs fared every 10,000 inputs.
     */
    static List<Failure> run(long seed, int count, int maxFailures, PrintStream progress) {
        List<Failure> failures = new ArrayList<>();
        int notDatasets = 0;
        int withUnreadableLines = 0;
        for (int i = 0; i < count && failures.size() < maxFailures; i++) {
            FuzzInputs.Input input = input(seed, i);
            RoundTrip.Outcome outcome = RoundTrip.check(input);
            if (outcome.failure() != null) {
                failures.add(new Failure(seed, i, input, outcome.failure()));
            }
            notDatasets += outcome.notADataset() ? 1 : 0;
            withUnreadableLines += outcome.unreadableLines() > 0 ? 1 : 0;
            if (progress != null && ((i + 1) % 10_000 == 0 || i + 1 == count)) {
                progress.printf("%,d inputs: %,d not a dataset, %,d with unreadable lines, %d failures%n", i + 1,
                        notDatasets, withUnreadableLines, failures.size());
            }
        }
        return failures;
    }

    public static void main(String[] args) throws IOException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : System.currentTimeMillis();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path folder = Path.of(args.length > 2 ? args[2] : "target/fuzz-failures");
        long start = System.nanoTime();
        List<Failure> failures = run(seed, count, 100, System.out);
        for (Failure failure : failures) {
            System.out.println(failure);
            Files.createDirectories(folder);
            String name = "seed" + seed + "-input" + failure.index() + "."
                    + (failure.input().format() == DatasetFormat.JSONL ? "jsonl" : "csv");
            Files.write(folder.resolve(name), failure.input().bytes());
            Files.writeString(folder.resolve(name + ".txt"), failure.toString(), StandardCharsets.UTF_8);
        }
        System.out.printf("seed %d: %,d inputs in %.1f s, %d failures%s%n", seed, count,
                (System.nanoTime() - start) / 1e9, failures.size(), failures.isEmpty() ? "" : " (inputs in " + folder + ")");
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
