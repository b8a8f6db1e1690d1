package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.io.IoTestSupport.file;
import static org.reasonlab.core.io.IoTestSupport.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.model.LabelSchema;

class LabelSchemaFileTest {
    @TempDir
    Path dir;

    @Test
    void sidecarSitsNextToTheDataset() {
        assertEquals(Path.of("a/b/ethics.labels.json"), LabelSchemaFile.sidecarFor(Path.of("a/b/ethics.jsonl")));
        assertEquals(Path.of("noext.labels.json"), LabelSchemaFile.sidecarFor(Path.of("noext")));
    }

    @Test
    void writesAndReadsASchema() throws IOException {
        LabelSchema schema = new LabelSchema(List.of(
                new LabelSchema.Label("acceptable", List.of("0", "ok"), List.of("acceptable", "fine")),
                new LabelSchema.Label("wrong", List.of("1"), List.of("wrong")),
                new LabelSchema.Label("unsure", List.of(), List.of())));
        Path sidecar = dir.resolve("d.labels.json");
        LabelSchemaFile.write(schema, sidecar);
        assertEquals(Optional.of(schema), LabelSchemaFile.read(sidecar));
        assertEquals(Optional.empty(), LabelSchemaFile.read(dir.resolve("none.labels.json")));
    }

    @Test
    void loaderUsesTheSidecar() throws IOException {
        LabelSchemaFile.write(new LabelSchema(List.of(new LabelSchema.Label("good", List.of("0"), List.of()),
                new LabelSchema.Label("bad", List.of("1"), List.of()))), dir.resolve("d.labels.json"));
        Path data = file(dir, "d.jsonl", utf8("{\"statement\":\"s\",\"label\":1}\n{\"statement\":\"t\",\"label\":\"ethical\"}\n"));
        LoadResult result = DatasetLoader.load(data);
        assertEquals(List.of("good", "bad"), result.dataset().schema().names());
        assertEquals("bad", result.dataset().records().get(0).label());
        assertEquals("unknown label 'ethical'; expected one of good, bad", result.problems().get(0).message());
    }

    @Test
    void badSidecarNamesTheFile() throws IOException {
        Path sidecar = file(dir, "x.labels.json", utf8("{\"labels\": [ {\"name\": \"a\", } ]"));
        IOException e = assertThrows(IOException.class, () -> LabelSchemaFile.read(sidecar));
        assertTrue(e.getMessage().startsWith(sidecar.toString()), e.getMessage());
        Path data = file(dir, "x.jsonl", utf8("{\"statement\":\"s\"}\n"));
        IOException viaLoader = assertThrows(IOException.class, () -> DatasetLoader.load(data));
        assertTrue(viaLoader.getMessage().contains("x.labels.json"), viaLoader.getMessage());

        Path wrongShape = file(dir, "y.labels.json", utf8("{\"labels\": {\"name\": \"a\"}}"));
        IOException shape = assertThrows(IOException.class, () -> LabelSchemaFile.read(wrongShape));
        assertTrue(shape.getMessage().startsWith(wrongShape + ": not a valid label schema"), shape.getMessage());
        assertTrue(Files.exists(wrongShape));
    }
}
