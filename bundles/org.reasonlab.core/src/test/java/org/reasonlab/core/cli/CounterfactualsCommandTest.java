package org.reasonlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.DatasetRecord;

class CounterfactualsCommandTest {
    @TempDir
    Path tmp;

    private Path dataset() throws Exception {
        Path file = tmp.resolve("d.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"a\",\"statement\":\"He took his brother's lunch.\",\"label\":\"unethical\","
                        + "\"reason\":\"He stole from his own brother.\",\"split\":\"train\"}",
                "{\"id\":\"b\",\"statement\":\"She kept her promise.\",\"label\":\"ethical\","
                        + "\"reason\":\"Keeping promises builds trust.\",\"split\":\"train\"}",
                "{\"id\":\"c\",\"statement\":\"I recycled the bottles.\",\"label\":\"ethical\","
                        + "\"reason\":\"Recycling helps the environment.\",\"split\":\"test\"}",
                "not json at all",
                "{\"id\":\"d\",\"statement\":\"The man helped a stranger.\",\"label\":\"ethical\","
                        + "\"reason\":\"Helping others is kind.\",\"split\":\"test\"}") + "\n");
        return file;
    }

    @Test
    void countsVariantsPairsAndAmbiguousRecords() throws Exception {
        CliRun r = CliRun.run("counterfactuals", dataset().toString(), "--attributes", "builtin:gender", "--json");
        assertEquals(1, r.status(), r.err()); // the unparseable line is reported as in every dataset command
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(3, json.get("withAttribute").getAsInt());
        assertEquals(2, json.get("variants").getAsInt()); // a and d become female; b's "her" blocks its male variant
        // counted per variant: a's "He" in statement and reason is one he→she
        assertEquals(1, json.getAsJsonObject("pairs").get("he\u2192she").getAsInt());
        assertEquals(1, json.getAsJsonObject("pairs").get("man\u2192woman").getAsInt());
        assertEquals(1, json.getAsJsonArray("skipped").size());
        assertEquals("b", json.getAsJsonArray("skipped").get(0).getAsJsonObject().get("id").getAsString());
        CliRun test = CliRun.run("counterfactuals", dataset().toString(), "--attributes", "builtin:gender",
                "--split", "test", "--json");
        assertEquals(1, JsonParser.parseString(test.out()).getAsJsonObject().get("variants").getAsInt());
    }

    @Test
    void writesTheDatasetWithEachVariantAfterItsRecordAndKeepsUnparsedLines() throws Exception {
        Path out = tmp.resolve("augmented.jsonl");
        CliRun r = CliRun.run("counterfactuals", dataset().toString(), "--attributes", "builtin:gender", "--out",
                out.toString());
        assertTrue(r.out().contains("2 variant(s), 1 left out as ambiguous"), r.out());
        List<DatasetRecord> records = DatasetLoader.load(out).dataset().records();
        assertEquals(List.of("a", "a~female", "b", "c", "d", "d~female"),
                records.stream().map(DatasetRecord::id).toList());
        DatasetRecord v = records.get(1);
        assertEquals("She took her sister's lunch.", v.statement());
        assertEquals("She stole from her own sister.", v.reason());
        assertEquals("unethical", v.label());
        assertEquals("a", v.metadata().get("counterfactualOf").getAsString());
        assertTrue(Files.readString(out).contains("not json at all"), "unparsed lines are kept byte for byte");
        CliRun again = CliRun.run("counterfactuals", dataset().toString(), "--attributes", "builtin:gender", "--out",
                out.toString());
        assertEquals(2, again.status(), "an existing output needs --force");
    }
}
