package org.reasonlab.train.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Writes float32 safetensors files (the format Hugging Face and PEFT read). Needs no DJL engine
 * for {@link #writeF32}; {@link #write} copies NDArrays to float32 first.
 */
public final class SafetensorsWriter {
    private SafetensorsWriter() {
    }

    /** A float32 tensor in plain Java: row-major data with its shape. */
    public record F32(long[] shape, float[] data) {
        public F32 {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("shape holds " + n + " values, data has " + data.length);
            }
        }
    }

    /** Writes tensors in the map's order (callers pass a sorted or insertion-ordered map). */
    public static void writeF32(Path file, Map<String, F32> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.addProperty("format", "pt");
        if (metadata != null) {
            metadata.forEach(meta::addProperty);
        }
        header.add("__metadata__", meta);
        long offset = 0;
        for (Map.Entry<String, F32> e : tensors.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            t.add("shape", shape);
            JsonArray off = new JsonArray();
            off.add(offset);
            offset += 4L * e.getValue().data().length;
            off.add(offset);
            t.add("data_offsets", off);
            header.add(e.getKey(), t);
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] hdr = new byte[padded];
        System.arraycopy(json, 0, hdr, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            hdr[i] = ' ';
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(len.array());
            out.write(hdr);
            for (F32 t : tensors.values()) {
                ByteBuffer b = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(t.data());
                out.write(b.array());
            }
        }
    }

    /** Writes NDArrays (any floating type) as float32. */
    public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) throws IOException {
        Map<String, F32> plain = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            NDArray a = e.getValue();
            float[] data;
            if (a.getDataType() == DataType.FLOAT32) {
                data = a.toFloatArray();
            } else {
                try (NDArray f = a.toType(DataType.FLOAT32, true)) {
                    data = f.toFloatArray();
                }
            }
            plain.put(e.getKey(), new F32(a.getShape().getShape(), data));
        }
        writeF32(file, plain, metadata);
    }
}
