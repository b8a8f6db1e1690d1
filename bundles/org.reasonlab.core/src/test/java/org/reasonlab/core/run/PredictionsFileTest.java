package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsFileTest {
    @TempDir
    Path dir;

    static final Prediction FULL = new Prediction("r1", "I kicked the dog.", "unethical", "Kicking hurts.",
            "unethical. It's cruel & \"mean\".\nReally", "unethical", "It's cruel & \"mean\".\nReally", true,
            "unethical", true, 0.25, 0.4, "ethical", true, true);
    static final Prediction SPARSE = new Prediction(null, "S", "ethical", null, "hmm", null, null, false, null, null,
            null, null);

    @Test
    void roundTripsWithNulls() throws IOException {
        Path file = dir.resolve("predictions.jsonl");
        PredictionsFile.write(file, List.of(FULL, SPARSE));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"generatedReason\":\"It's cruel & \\\"mean\\\".\\nReally\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"predictedLabel\":null"), lines.get(1));
        assertTrue(lines.get(0).endsWith(",\"likelihoodLabel\":\"ethical\",\"truncated\":true,\"leaked\":true}"),
                lines.get(0));
        assertTrue(lines.get(1).endsWith(",\"truncated\":false,\"leaked\":false}"), lines.get(1));
        assertFalse(lines.get(1).contains("likelihoodLabel"), lines.get(1)); // not measured: left out
        assertEquals(List.of(FULL, SPARSE), PredictionsFile.read(file));
        assertTrue(FULL.correct());
        assertFalse(SPARSE.correct());
    }

    @Test
    void theLabelsLogLikelihoodsAreWrittenWhenMeasured() {
        java.util.Map<String, Double> ll = new java.util.LinkedHashMap<>();
        ll.put("unethical", -1.5);
        ll.put("ethical", Double.NEGATIVE_INFINITY);
        Prediction p = FULL.withLabelLogLikelihoods(ll);
        String line = PredictionsFile.encode(p);
        assertTrue(line.endsWith(",\"leaked\":true,\"labelLogLikelihoods\":{\"unethical\":-1.5,\"ethical\":\"-Infinity\"}}"),
                line);
        Prediction back = PredictionsFile.decode(line);
        assertEquals(p, back);
        assertEquals(List.of("unethical", "ethical"), List.copyOf(back.labelLogLikelihoods().keySet()));
        assertEquals(1.0, back.labelProbabilities().get("unethical"), 0);
        assertEquals(null, FULL.labelLogLikelihoods());
        assertFalse(PredictionsFile.encode(FULL).contains("labelLogLikelihoods"), "not measured: left out");
        assertEquals(p.labelLogLikelihoods(), p.withLeaked(false).withLikelihoodLabel("x").labelLogLikelihoods(),
                "the withers keep them");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PredictionsFile.decode("{\"labelLogLikelihoods\":{\"ethical\":\"high\"}}"));
        assertEquals("labelLogLikelihoods.ethical must be a number", e.getMessage());
    }

    @Test
    void linesWithoutTheLikelihoodLabelStillRead() {
        String old = "{\"id\":\"r1\",\"statement\":\"S\",\"goldLabel\":\"ethical\",\"goldReason\":null,"
                + "\"generated\":\"ethical\",\"predictedLabel\":\"ethical\",\"generatedReason\":null,"
                + "\"parseable\":true,\"reasonVerdict\":null,\"reasonAgrees\":null,\"rougeL\":null,\"tokenF1\":null}";
        Prediction p = PredictionsFile.decode(old);
        assertEquals(null, p.likelihoodLabel());
        assertFalse(p.truncated());
        assertFalse(p.leaked());
        assertFalse(p.likelihoodCorrect());
        assertTrue(p.correct());
        Prediction withLabel = p.withLikelihoodLabel("ethical");
        assertTrue(withLabel.likelihoodCorrect());
        assertEquals(withLabel, PredictionsFile.decode(PredictionsFile.encode(withLabel)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PredictionsFile.decode("{\"likelihoodLabel\":1}"));
        assertEquals("likelihoodLabel must be text", e.getMessage());
    }

    @Test
    void aBadLineNamesFileAndLine() throws IOException {
        Path file = dir.resolve("predictions.jsonl");
        Files.writeString(file, PredictionsFile.encode(FULL) + "\n\n{\"rougeL\":\"high\"}\n");
        IOException e = assertThrows(IOException.class, () -> PredictionsFile.read(file));
        assertTrue(e.getMessage().endsWith("predictions.jsonl:3: rougeL must be a number"), e.getMessage());

        Files.writeString(file, PredictionsFile.encode(FULL) + "\n{\"id\":\n");
        IOException cut = assertThrows(IOException.class, () -> PredictionsFile.read(file));
        assertEquals(file + ":2: not JSON: the text ends before the JSON is complete at column 7", cut.getMessage());

        Files.write(file, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
        IOException notUtf8 = assertThrows(IOException.class, () -> PredictionsFile.read(file));
        assertEquals(file + ":1: invalid UTF-8 at byte 8", notUtf8.getMessage());
    }
}
