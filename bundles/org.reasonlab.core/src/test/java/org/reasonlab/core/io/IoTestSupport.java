package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.reasonlab.core.model.Dataset;

/** Small helpers shared by the I/O tests. */
final class IoTestSupport {
    private IoTestSupport() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static Path file(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    static byte[] written(Dataset dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DatasetWriter.write(dataset, out);
        return out.toByteArray();
    }

    /** Loads the file, saves it over itself and checks the bytes did not change. */
    static LoadResult assertSavesIdentically(Path file) throws IOException {
        byte[] before = Files.readAllBytes(file);
        LoadResult result = DatasetLoader.load(file);
        DatasetSaver.save(result.dataset(), file);
        assertArrayEquals(before, Files.readAllBytes(file), () -> "saved bytes differ:\n" + new String(before,
                StandardCharsets.UTF_8) + "\n---\n" + readUtf8(file));
        return result;
    }

    static String readUtf8(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
