package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reasonlab.core.io.IoTestSupport.file;
import static org.reasonlab.core.io.IoTestSupport.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;

class SplitExporterTest {
    @TempDir
    Path dir;

    @Test
    void writesOneFilePerSplitAndUnparsedLinesVerbatim() throws IOException {
        String text = "{\"id\":\"1\",\"statement\":\"a\",\"split\":\"train\"}\n"
                + "{\"id\":\"2\",\"statement\":\"b\",\"split\":\"test\"}\n"
                + "not json\n"
                + "{\"id\":\"3\",\"statement\":\"c\"}\n"
                + "{\"id\":\"4\",\"statement\":\"d\",\"split\":\"train\",\"label\":\"ethical\"}\n";
        Dataset dataset = DatasetLoader.load(file(dir, "all.jsonl", utf8(text))).dataset();

        Path base = dir.resolve("out").resolve("ethics");
        Files.createDirectories(base.getParent());
        Map<String, Path> files = SplitExporter.exportPerSplit(dataset, base, DatasetFormat.JSONL);

        assertEquals(List.of("train", "test", "unassigned", "unparsed"), List.copyOf(files.keySet()));
        assertEquals(base.resolveSibling("ethics-train.jsonl"), files.get("train"));
        assertEquals("{\"id\":\"1\",\"statement\":\"a\",\"split\":\"train\"}\n"
                + "{\"id\":\"4\",\"statement\":\"d\",\"label\":\"ethical\",\"split\":\"train\"}\n",
                Files.readString(files.get("train")));
        assertEquals("{\"id\":\"2\",\"statement\":\"b\",\"split\":\"test\"}\n", Files.readString(files.get("test")));
        assertEquals("{\"id\":\"3\",\"statement\":\"c\"}\n", Files.readString(files.get("unassigned")));
        assertEquals(base.resolveSibling("ethics-unparsed.txt"), files.get("unparsed"));
        assertEquals("not json\n", Files.readString(files.get("unparsed")));
        try (var listing = Files.list(base.getParent())) {
            assertEquals(4, listing.count(), "no validation file, since no record is in that split");
        }
    }

    @Test
    void csvPartsShareTheSameColumns() throws IOException {
        String text = "{\"statement\":\"a\",\"split\":\"train\",\"src\":\"x\"}\n{\"statement\":\"b\",\"split\":\"test\"}\n";
        Dataset dataset = DatasetLoader.load(file(dir, "p.jsonl", utf8(text))).dataset();
        Map<String, Path> files = SplitExporter.exportPerSplit(dataset, dir.resolve("part"), DatasetFormat.CSV);
        assertEquals("id,statement,label,reason,split,src\r\n,b,,,test,\r\n", Files.readString(files.get("test")));
        assertEquals(dir.resolve("part-test.csv"), files.get("test"));
    }
}
