package org.reasonlab.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.LabelSchema;

class DatasetExportTest {
    private static final String DATA = "{\"id\":\"1\",\"statement\":\"a\",\"label\":\"ethical\",\"split\":\"train\"}\n"
            + "{\"id\":\"2\",\"statement\":\"b\",\"label\":\"unethical\",\"split\":\"test\"}\n"
            + "not json\n"
            + "{\"id\":\"3\",\"statement\":\"c\",\"label\":\"ethical\"}\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void plansAndWritesOneFile() throws IOException {
        Path source = write("src/ethics.jsonl", DATA);
        Dataset dataset = DatasetLoader.load(source).dataset();
        Path out = dir.resolve("out");
        DatasetExport export = new DatasetExport(DatasetFormat.CSV, false, true);

        DatasetExport.Plan plan = export.plan(dataset, source, out);
        assertEquals(List.of(out.resolve("ethics.csv")), plan.files());
        assertEquals(List.of(), DatasetExport.existing(List.of(plan)));

        assertEquals(plan.files(), export.write(dataset, source, out), "the folder is created");
        String csv = Files.readString(out.resolve("ethics.csv"));
        assertEquals("id,statement,label,reason,split\r\n1,a,ethical,,train\r\n2,b,unethical,,test\r\nnot json\r\n"
                + "3,c,ethical,,\r\n", csv);
        assertEquals(List.of(out.resolve("ethics.csv")), DatasetExport.existing(List.of(plan)));
    }

    @Test
    void plansAndWritesOneFilePerSplitWithSidecarsForOwnLabels() throws IOException {
        Path source = write("src/own.jsonl", "{\"statement\":\"a\",\"label\":\"good\",\"split\":\"train\"}\n"
                + "{\"statement\":\"b\",\"label\":\"bad\"}\nbroken\n");
        LabelSchemaFile.write(LabelSchema.of("good", "bad"), LabelSchemaFile.sidecarFor(source));
        Dataset dataset = DatasetLoader.load(source).dataset();
        Path out = dir.resolve("parts");
        DatasetExport export = new DatasetExport(DatasetFormat.JSONL, true, true);

        DatasetExport.Plan plan = export.plan(dataset, source, out);
        assertEquals(List.of(out.resolve("own-train.jsonl"), out.resolve("own-unassigned.jsonl")), plan.datasets());
        assertEquals(List.of(out.resolve("own-unparsed.txt"), out.resolve("own-train.labels.json"),
                out.resolve("own-unassigned.labels.json")), plan.others());

        List<Path> written = export.write(dataset, source, out);
        assertEquals(plan.files().stream().sorted().toList(), written.stream().sorted().toList());
        assertEquals("broken\n", Files.readString(out.resolve("own-unparsed.txt")));
        var part = DatasetLoader.load(out.resolve("own-train.jsonl"));
        assertEquals(List.of(), part.problems(), "read with the sidecar's labels");
        assertEquals(LabelSchema.of("good", "bad"), part.dataset().schema());
    }

    @Test
    void noSidecarsWhenNotWantedOrForDefaultLabels() throws IOException {
        Path source = write("d.jsonl", DATA);
        Dataset dataset = DatasetLoader.load(source).dataset();
        assertEquals(List.of(dir.resolve("o/d.jsonl")),
                new DatasetExport(DatasetFormat.JSONL, false, true).plan(dataset, source, dir.resolve("o")).files());
        dataset.setSchema(LabelSchema.of("ethical", "unethical"));
        assertEquals(List.of(dir.resolve("o/d.jsonl")),
                new DatasetExport(DatasetFormat.JSONL, false, false).plan(dataset, source, dir.resolve("o")).files());
    }

    @Test
    void dfarNeedsAnAliasForEveryLabel() throws IOException {
        Path source = write("own.jsonl", "{\"statement\":\"a\",\"label\":\"good\"}\n{\"statement\":\"b\",\"label\":\"bad\"}\n");
        Dataset dataset = DatasetLoader.load(source, LabelSchema.of("good", "bad")).dataset();
        DatasetExport dfar = new DatasetExport(DatasetFormat.DFAR_CSV, false, false);
        assertEquals(List.of(source + ":1: label 'good' has no alias; DFAR CSV writes each label as its first alias (0 or 1)"),
                dfar.problems(dataset, source, 1));
        assertEquals(2, dfar.problems(dataset, source, 10).size());
        assertEquals(List.of(), new DatasetExport(DatasetFormat.CSV, false, false).problems(dataset, source, 10));

        Path defaultLabels = write("dfar-ok.jsonl", DATA);
        Dataset ok = DatasetLoader.load(defaultLabels).dataset();
        assertEquals(List.of(), dfar.problems(ok, defaultLabels, 10));
        Path unknown = write("unknown.jsonl", "{\"statement\":\"c\",\"label\":\"2\"}\n");
        assertEquals(List.of(), dfar.problems(DatasetLoader.load(unknown).dataset(), unknown, 10),
                "an unknown label was reported on load and is written as it was");
        dfar.write(ok, defaultLabels, dir.resolve("dfar"));
        assertEquals("Statement,Label,Reason\r\na,0,\r\nb,1,\r\nnot json\r\nc,0,\r\n",
                Files.readString(dir.resolve("dfar/dfar-ok.csv")));
    }

    @Test
    void clashesBetweenSourcesAndOverTheSourceAreFound() throws IOException {
        Path a = write("p1/data.jsonl", DATA);
        Path b = write("p2/data.jsonl", DATA);
        Dataset dataset = DatasetLoader.load(a).dataset();
        DatasetExport export = new DatasetExport(DatasetFormat.JSONL, false, false);
        Path out = dir.resolve("out");

        Optional<String> clash = DatasetExport.clash(List.of(export.plan(dataset, a, out), export.plan(dataset, b, out)));
        assertEquals(Optional.of("both " + a + " and " + b + " would be written to " + out.resolve("data.jsonl")
                + "; export them one at a time or into different folders"), clash);

        Optional<String> self = DatasetExport.clash(List.of(export.plan(dataset, a, dir.resolve("p1"))));
        assertTrue(self.orElseThrow().contains("would replace the dataset " + a + " itself"), self.toString());
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("link-to-p1"), dir.resolve("p1"));
        Optional<String> throughLink = DatasetExport.clash(List.of(export.plan(dataset, a, linkedFolder)));
        assertTrue(throughLink.orElseThrow().contains("would replace the dataset " + a + " itself"), throughLink.toString());

        assertEquals(Optional.empty(), DatasetExport.clash(List.of(export.plan(dataset, a, out),
                new DatasetExport(DatasetFormat.CSV, false, false).plan(dataset, b, out))));
    }
}
