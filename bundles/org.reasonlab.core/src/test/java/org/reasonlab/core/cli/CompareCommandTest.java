package org.reasonlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path tmp;

    /** A run folder of 40 items, gold alternating, right on the first {@code right}. */
    private Path run(String name, String mode, int right) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("spec.json"), "{\"runId\":\"" + name + "\",\"dataset\":\"d.jsonl\",\"mode\":\""
                + mode + "\",\"model\":\"tiny\",\"seed\":1}");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String gold = i % 2 == 0 ? "ethical" : "unethical";
            String other = i % 2 == 0 ? "unethical" : "ethical";
            sb.append(String.format(Locale.ROOT, "{\"id\":\"r%d\",\"statement\":\"s%d\",\"goldLabel\":\"%s\","
                    + "\"predictedLabel\":\"%s\",\"parseable\":true,\"leaked\":%s}%n", i, i, gold,
                    i < right ? gold : other, i >= 36));
        }
        Files.writeString(dir.resolve("predictions.jsonl"), sb.toString());
        Files.writeString(dir.resolve("metrics.json"), "{\"accuracy\":" + right / 40.0 + ",\"macroF1\":0.5}");
        return dir;
    }

    @Test
    void jsonGivesMcNemarAndIntervalsAgainstTheBaseline() throws Exception {
        Path l = run("l", "l", 20);
        Path lr = run("lr", "l+r", 32);
        CliRun r = CliRun.run("compare", lr.toString(), "--baseline", l.toString(), "--json", "--resamples", "200");
        assertEquals(0, r.status(), r.err());
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("l", json.get("baseline").getAsString());
        JsonObject vs = json.getAsJsonArray("runs").get(1).getAsJsonObject().getAsJsonObject("versusBaseline");
        assertEquals(12, vs.getAsJsonObject("all").getAsJsonObject("mcnemar").get("b").getAsInt());
        assertEquals(0, vs.getAsJsonObject("all").getAsJsonObject("mcnemar").get("c").getAsInt());
        assertEquals(36, vs.getAsJsonObject("clean").get("items").getAsInt());
        assertTrue(vs.getAsJsonObject("all").getAsJsonObject("accuracyDifference").has("low"));
        // one run has no spread over seeds: written as null, not left out
        JsonObject accuracy = json.getAsJsonArray("arms").get(0).getAsJsonObject().getAsJsonObject("metrics")
                .getAsJsonObject("all").getAsJsonObject("accuracy");
        assertTrue(accuracy.has("sd") && accuracy.get("sd").isJsonNull(), accuracy::toString);
    }

    @Test
    void formatsTextMarkdownCsvAndLatex() throws Exception {
        Path l = run("l", "l", 20);
        Path lr = run("lr", "l+r", 32);
        CliRun text = CliRun.run("compare", l.toString(), lr.toString(), "--resamples", "200");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Paper table") && text.out().contains("McNemar p"), text.out());
        CliRun md = CliRun.run("compare", l.toString(), lr.toString(), "--format", "md", "--resamples", "200");
        assertTrue(md.out().contains("## Paired tests") && md.out().contains("|---|"), md.out());
        CliRun csv = CliRun.run("compare", l.toString(), lr.toString(), "--format", "csv", "--resamples", "200");
        assertTrue(csv.out().startsWith("Run,Baseline,Records,Items,b,c,McNemar p"), csv.out());
        CliRun latex = CliRun.run("compare", l.toString(), lr.toString(), "--format", "latex", "--resamples", "200");
        assertTrue(latex.out().contains("\\toprule") && latex.out().contains("\\midrule"), latex.out());
    }

    @Test
    void badArgumentsAreNamed() throws Exception {
        CliRun none = CliRun.run("compare");
        assertEquals(2, none.status());
        CliRun missing = CliRun.run("compare", tmp.resolve("nope").toString());
        assertEquals(3, missing.status());
        assertTrue(missing.err().contains("nope"), missing.err());
        CliRun many = CliRun.run("compare", run("m", "l", 20).toString(), "--resamples", "2000000000");
        assertEquals(2, many.status());
        assertTrue(many.err().contains("--resamples must be at most"), many.err());
        CliRun format = CliRun.run("compare", run("l", "l", 20).toString(), "--format", "html");
        assertEquals(2, format.status());
        assertTrue(format.err().contains("--format"), format.err());
    }
}
