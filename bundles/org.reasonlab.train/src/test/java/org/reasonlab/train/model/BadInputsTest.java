package org.reasonlab.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.train.DjlEnvironment;

/** Damaged folders, checkpoints and configs: each a ModelLoadException whose message names the problem. */
class BadInputsTest {
    @TempDir
    Path tmp;
    NDManager manager;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Map<String, SafetensorsWriter.F32> weights() {
        return TestCheckpoints.llama(3, 40, 16, 24, 2, 4, 2, 4, false, false);
    }

    private Path good(String name) throws IOException {
        return TestCheckpoints.write(tmp.resolve(name), ReferenceForwardTest.llamaConfig("llama", 4, 2, false), weights());
    }

    private String loadError(Path folder) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(folder, manager, Device.cpu()).close());
        return e.getMessage();
    }

    private static void raw(Path file, long headerLen, String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(headerLen).put(h);
        Files.write(file, b.array());
    }

    @Test
    void missingFilesAreListed() throws IOException {
        Path f = good("m");
        Files.delete(f.resolve("config.json"));
        Files.delete(f.resolve("tokenizer.json"));
        String msg = loadError(f);
        assertTrue(msg.contains("missing: config.json, tokenizer.json"), msg);
        Path g = good("w");
        Files.delete(g.resolve("model.safetensors"));
        msg = loadError(g);
        assertTrue(msg.contains("missing: model weights (model.safetensors"), msg);
        assertTrue(loadError(tmp.resolve("nowhere")).contains("model folder not found"));
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Path f = good("t");
        Path st = f.resolve("model.safetensors");
        byte[] all = Files.readAllBytes(st);
        Files.write(st, Arrays.copyOf(all, 5));
        String msg = loadError(f);
        assertTrue(msg.contains("model.safetensors") && msg.contains("truncated") && msg.contains("5 bytes"), msg);
        Files.write(st, Arrays.copyOf(all, all.length - 100));
        msg = loadError(f);
        assertTrue(msg.contains("tensor lm_head.weight") && msg.contains("beyond the end of the file"), msg);
    }

    @Test
    void hugeHeaderLengthIsRejectedWithoutAllocating() throws IOException {
        Path st = tmp.resolve("huge.safetensors");
        raw(st, 1L << 40, "{}", 0);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SafetensorsReader.readHeader(st));
        assertTrue(e.getMessage().contains("header length 1099511627776 is invalid") && e.getMessage().contains("huge.safetensors"),
                e.getMessage());
        raw(st, 5000, "{}", 0);
        e = assertThrows(ModelLoadException.class, () -> SafetensorsReader.readHeader(st));
        assertTrue(e.getMessage().contains("larger than the file"), e.getMessage());
        raw(st, -3, "{}", 0);
        assertThrows(ModelLoadException.class, () -> SafetensorsReader.readHeader(st));
    }

    @Test
    void tensorOffsetsBeyondTheFileAreRejected() throws IOException {
        Path st = tmp.resolve("off.safetensors");
        String h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1000,1000],\"data_offsets\":[0,4000000]}}";
        raw(st, h.length(), h, 16);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SafetensorsReader.readHeader(st));
        assertTrue(e.getMessage().contains("tensor w") && e.getMessage().contains("beyond the end of the file"), e.getMessage());
        String mismatch = "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}";
        raw(st, mismatch.length(), mismatch, 16);
        e = assertThrows(ModelLoadException.class, () -> SafetensorsReader.readHeader(st));
        assertTrue(e.getMessage().contains("needs 12"), e.getMessage());
    }

    @Test
    void badHeaderJsonAndUnknownDtypeAreRejected() throws IOException {
        Path st = tmp.resolve("json.safetensors");
        String bad = "{\"w\": {\"dtype\": ";
        raw(st, bad.length(), bad, 0);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SafetensorsReader.readHeader(st));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        String dt = "{\"w\":{\"dtype\":\"F7\",\"shape\":[2],\"data_offsets\":[0,2]}}";
        raw(st, dt.length(), dt, 2);
        e = assertThrows(ModelLoadException.class, () -> SafetensorsReader.readHeader(st));
        assertTrue(e.getMessage().contains("tensor w") && e.getMessage().contains("unknown dtype 'F7'"), e.getMessage());
    }

    @Test
    void halfPrecisionIsConvertedToFloat32() throws IOException {
        Path st = tmp.resolve("half.safetensors");
        String h = "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[4,8]}}";
        byte[] hb = h.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + hb.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(hb.length).put(hb);
        buf.putShort(Float.floatToFloat16(1.5f)).putShort(Float.floatToFloat16(-2.25f));
        buf.putShort((short) (Float.floatToIntBits(3.0f) >>> 16)).putShort((short) (Float.floatToIntBits(-0.5f) >>> 16));
        Files.write(st, buf.array());
        Map<String, NDArray> t = SafetensorsReader.read(st, manager);
        assertArrayEquals(new float[] {1.5f, -2.25f}, t.get("a").toFloatArray());
        assertArrayEquals(new float[] {3.0f, -0.5f}, t.get("b").toFloatArray());
        assertEquals("b", t.get("b").getName());
        assertArrayEquals(new long[] {1, 2}, t.get("b").getShape().getShape());
    }

    @Test
    void unsupportedModelTypeAndMissingFieldAreNamed() throws IOException {
        Path f = good("c");
        Files.writeString(f.resolve("config.json"), "{\"model_type\": \"bert\", \"hidden_size\": 16}");
        String msg = loadError(f);
        assertTrue(msg.contains("config.json") && msg.contains("unsupported model_type 'bert'"), msg);
        Files.writeString(f.resolve("config.json"), ReferenceForwardTest.llamaConfig("llama", 4, 2, false)
                .replace("\"hidden_size\": 16,", ""));
        msg = loadError(f);
        assertTrue(msg.contains("config.json") && msg.contains("missing required field 'hidden_size'"), msg);
        Files.writeString(f.resolve("config.json"), "{\"model_type\": \"gpt2\", \"n_embd\": 16, \"n_head\": 4,"
                + " \"n_positions\": 8, \"vocab_size\": 40}");
        msg = loadError(f);
        assertTrue(msg.contains("missing required field 'n_layer'"), msg);
        Files.writeString(f.resolve("config.json"), "{not json");
        assertTrue(loadError(f).contains("invalid JSON"));
    }

    @Test
    void missingAndMisshapenTensorsAreNamed() throws IOException {
        Map<String, SafetensorsWriter.F32> w = weights();
        w.remove("model.layers.1.mlp.up_proj.weight");
        Path f = TestCheckpoints.write(tmp.resolve("x"), ReferenceForwardTest.llamaConfig("llama", 4, 2, false), w);
        String msg = loadError(f);
        assertTrue(msg.contains("missing 1 tensor(s)") && msg.contains("model.layers.1.mlp.up_proj.weight"), msg);

        Map<String, SafetensorsWriter.F32> w2 = weights();
        w2.put("model.layers.0.self_attn.k_proj.weight", new SafetensorsWriter.F32(new long[] {16, 16}, new float[256]));
        Path g = TestCheckpoints.write(tmp.resolve("y"), ReferenceForwardTest.llamaConfig("llama", 4, 2, false), w2);
        msg = loadError(g);
        assertTrue(msg.contains("tensor model.layers.0.self_attn.k_proj.weight") && msg.contains("shape [16, 16]")
                && msg.contains("expected [8, 16]"), msg);
    }

    @Test
    void extraTensorsWarnAndShardsLoad() throws IOException {
        Map<String, SafetensorsWriter.F32> w = weights();
        Map<String, SafetensorsWriter.F32> first = new LinkedHashMap<>();
        Map<String, SafetensorsWriter.F32> second = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("{\"metadata\": {}, \"weight_map\": {");
        int i = 0;
        for (Map.Entry<String, SafetensorsWriter.F32> e : w.entrySet()) {
            String file = i++ % 2 == 0 ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
            (file.startsWith("model-00001") ? first : second).put(e.getKey(), e.getValue());
            index.append(i > 1 ? "," : "").append('"').append(e.getKey()).append("\":\"").append(file).append('"');
        }
        second.put("model.layers.0.self_attn.rotary_emb.inv_freq", new SafetensorsWriter.F32(new long[] {2}, new float[2]));
        second.put("something.else", new SafetensorsWriter.F32(new long[] {1}, new float[1]));
        index.append(",\"something.else\":\"model-00002-of-00002.safetensors\"}}");
        Path f = TestCheckpoints.write(tmp.resolve("s"), ReferenceForwardTest.llamaConfig("llama", 4, 2, false), first);
        Files.delete(f.resolve("model.safetensors"));
        SafetensorsWriter.writeF32(f.resolve("model-00001-of-00002.safetensors"), first, null);
        SafetensorsWriter.writeF32(f.resolve("model-00002-of-00002.safetensors"), second, null);
        Files.writeString(f.resolve("model.safetensors.index.json"), index.toString());
        try (LoadedModel m = ModelLoader.load(f, manager, Device.cpu())) {
            assertEquals(1, m.warnings().size());
            assertTrue(m.warnings().get(0).contains("something.else"), m.warnings().toString());
            assertArrayEquals(w.get("lm_head.weight").data(),
                    m.model().namedParameters().get("lm_head.weight").getArray().toFloatArray());
        }
        Files.delete(f.resolve("model-00002-of-00002.safetensors"));
        String msg = loadError(f);
        assertTrue(msg.contains("model-00002-of-00002.safetensors") && msg.contains("not found"), msg);
    }
}
