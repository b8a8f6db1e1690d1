package org.reasonlab.core.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;

/** Run folders for comparison tests: items {@code r0..r(n-1)}, gold labels alternating, correct where told. */
final class RunFixtures {
    private RunFixtures() {
    }

    static final List<String> LABELS = List.of("ethical", "unethical");

    /**
     * A fine-tuning run folder with spec.json, predictions.jsonl and metrics.json (accuracy on all and on the
     * leakage-free items).
     */
    static Path run(Path folder, String mode, long seed, int items, IntPredicate correct, IntPredicate leaked)
            throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("spec.json"), String.format(Locale.ROOT,
                "{\"runId\":\"%s\",\"dataset\":\"d.jsonl\",\"mode\":\"%s\",\"model\":\"tiny\",\"seed\":%d}",
                folder.getFileName(), mode, seed));
        List<Prediction> ps = new ArrayList<>();
        int right = 0;
        int clean = 0;
        int cleanRight = 0;
        for (int i = 0; i < items; i++) {
            String gold = LABELS.get(i % 2);
            String predicted = correct.test(i) ? gold : LABELS.get((i + 1) % 2);
            boolean agrees = i % 5 != 0;
            ps.add(new Prediction("r" + i, "statement " + i, gold, "gold reason " + i, "answer", predicted,
                    "generated reason " + i, true, agrees ? predicted : gold, agrees, 0.5, 0.5, null, false,
                    leaked.test(i)));
            right += correct.test(i) ? 1 : 0;
            if (!leaked.test(i)) {
                clean++;
                cleanRight += correct.test(i) ? 1 : 0;
            }
        }
        PredictionsFile.write(folder.resolve("predictions.jsonl"), ps);
        Files.writeString(folder.resolve("metrics.json"), String.format(Locale.ROOT,
                "{\"accuracy\":%s,\"macroF1\":%s,\"unparseableRate\":0.0,\"reasons\":{\"agreement\":0.8},"
                        + "\"clean\":{\"accuracy\":%s,\"macroF1\":%s,\"unparseableRate\":0.0}}",
                (double) right / items, (double) right / items, (double) cleanRight / clean,
                (double) cleanRight / clean));
        return folder;
    }

    static IntPredicate below(int n) {
        return i -> i < n;
    }

    static IntPredicate none() {
        return i -> false;
    }
}
