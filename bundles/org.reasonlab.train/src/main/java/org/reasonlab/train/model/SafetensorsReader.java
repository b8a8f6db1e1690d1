package org.reasonlab.train.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads safetensors checkpoints (single file or sharded with {@code model.safetensors.index.json})
 * without trusting them: the header is validated (length, JSON, dtypes, shapes, offsets) before any
 * tensor data is read, so a damaged or hostile file gives a {@link ModelLoadException} naming the
 * file and tensor, never an out-of-memory error. Floating-point tensors (F32, F16, BF16, F64) are
 * returned as float32; integer and bool tensors keep their type.
 */
public final class SafetensorsReader {
    /** Largest header accepted (the format's own readers use the same bound). */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private SafetensorsReader() {
    }

    /** One tensor's header entry. Offsets are absolute positions in {@code file}. */
    public record TensorInfo(String name, Path file, String dtype, long[] shape, long start, long end) {
        public long numel() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        public Shape djlShape() {
            return new Shape(shape);
        }

        @Override
        public String toString() {
            return name + " " + dtype + Arrays.toString(shape) + " in " + file.getFileName();
        }
    }

    /** Bytes per element of a safetensors dtype, or -1 when unknown. */
    static int dtypeSize(String dtype) {
        return switch (dtype) {
            case "F64", "I64", "U64" -> 8;
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            case "I8", "U8", "BOOL" -> 1;
            default -> -1;
        };
    }

    /** The weight files of a model folder: the shards named by the index, else {@code model.safetensors}. */
    public static List<Path> weightFiles(Path folder) throws ModelLoadException {
        Path index = folder.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            Set<Path> files = new LinkedHashSet<>();
            for (String f : readIndex(index).values()) {
                files.add(folder.resolve(f));
            }
            return new ArrayList<>(files);
        }
        Path single = folder.resolve(SINGLE_FILE);
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        throw new ModelLoadException("no model weights in " + folder + ": expected " + SINGLE_FILE + " or " + INDEX_FILE);
    }

    private static Map<String, String> readIndex(Path index) throws ModelLoadException {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(index, StandardCharsets.UTF_8));
            JsonElement map = root.isJsonObject() ? root.getAsJsonObject().get("weight_map") : null;
            if (map == null || !map.isJsonObject()) {
                throw new ModelLoadException(index + ": missing 'weight_map' object");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : map.getAsJsonObject().entrySet()) {
                String file = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : "";
                if (file.isEmpty() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
                    throw new ModelLoadException(index + ": tensor " + e.getKey() + " maps to an invalid file name '" + file + "'");
                }
                out.put(e.getKey(), file);
            }
            return out;
        } catch (IOException e) {
            if (e instanceof ModelLoadException m) {
                throw m;
            }
            throw new ModelLoadException("cannot read " + index + ": " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new ModelLoadException(index + ": invalid JSON: " + e.getMessage(), e);
        }
    }

    /** Validated headers of all weight files in a folder (see {@link #weightFiles}), by tensor name. */
    public static Map<String, TensorInfo> readHeaders(Path folder) throws ModelLoadException {
        Map<String, TensorInfo> all = new LinkedHashMap<>();
        for (Path f : weightFiles(folder)) {
            for (TensorInfo t : readHeader(f).values()) {
                TensorInfo prev = all.putIfAbsent(t.name(), t);
                if (prev != null) {
                    throw new ModelLoadException("tensor " + t.name() + " is in both " + prev.file() + " and " + f);
                }
            }
        }
        Path index = folder.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            for (Map.Entry<String, String> e : readIndex(index).entrySet()) {
                if (!all.containsKey(e.getKey())) {
                    throw new ModelLoadException(index + " lists tensor " + e.getKey() + " in " + e.getValue()
                            + ", but that file does not contain it");
                }
            }
        }
        return all;
    }

    /** Reads and validates one file's header. */
    public static Map<String, TensorInfo> readHeader(Path file) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("safetensors file not found: " + file);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new ModelLoadException(file + ": file is truncated (" + size
                        + " bytes): too short to be a safetensors file");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0, file);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen < 2 || headerLen > MAX_HEADER_BYTES) {
                throw new ModelLoadException(file + ": safetensors header length " + headerLen
                        + " is invalid (must be 2.." + MAX_HEADER_BYTES + " bytes); the file is damaged or not safetensors");
            }
            if (8 + headerLen > size) {
                throw new ModelLoadException(file + ": safetensors header length " + headerLen
                        + " is larger than the file (" + size + " bytes); the file is truncated or damaged");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, 8, file);
            String json = new String(hb.array(), StandardCharsets.UTF_8);
            JsonObject header;
            try {
                JsonElement e = JsonParser.parseString(json);
                if (!e.isJsonObject()) {
                    throw new ModelLoadException(file + ": safetensors header is not a JSON object");
                }
                header = e.getAsJsonObject();
            } catch (JsonParseException e) {
                throw new ModelLoadException(file + ": safetensors header is not valid JSON: " + e.getMessage(), e);
            }
            long dataStart = 8 + headerLen;
            long dataLen = size - dataStart;
            Map<String, TensorInfo> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> en : header.entrySet()) {
                String name = en.getKey();
                if (name.equals("__metadata__")) {
                    continue;
                }
                out.put(name, entry(file, name, en.getValue(), dataStart, dataLen));
            }
            return out;
        } catch (IOException e) {
            if (e instanceof ModelLoadException m) {
                throw m;
            }
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static TensorInfo entry(Path file, String name, JsonElement v, long dataStart, long dataLen)
            throws ModelLoadException {
        String where = file + ": tensor " + name;
        try {
            if (!v.isJsonObject()) {
                throw new ModelLoadException(where + ": header entry is not an object");
            }
            JsonObject o = v.getAsJsonObject();
            JsonElement dt = o.get("dtype");
            JsonElement sh = o.get("shape");
            JsonElement off = o.get("data_offsets");
            if (dt == null || sh == null || off == null || !sh.isJsonArray() || !off.isJsonArray()
                    || off.getAsJsonArray().size() != 2) {
                throw new ModelLoadException(where + ": header entry needs dtype, shape and data_offsets [begin, end]");
            }
            String dtype = dt.getAsString();
            int esize = dtypeSize(dtype);
            if (esize < 0) {
                throw new ModelLoadException(where + ": unknown dtype '" + dtype + "'");
            }
            long[] shape = new long[sh.getAsJsonArray().size()];
            long numel = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = sh.getAsJsonArray().get(i).getAsLong();
                if (shape[i] < 0) {
                    throw new ModelLoadException(where + ": negative dimension in shape " + sh);
                }
                numel = Math.multiplyExact(numel, shape[i]);
            }
            long begin = off.getAsJsonArray().get(0).getAsLong();
            long end = off.getAsJsonArray().get(1).getAsLong();
            if (begin < 0 || end < begin) {
                throw new ModelLoadException(where + ": invalid data_offsets [" + begin + ", " + end + "]");
            }
            if (end > dataLen) {
                throw new ModelLoadException(where + ": data_offsets [" + begin + ", " + end
                        + "] go beyond the end of the file (data section is " + dataLen + " bytes); the file is truncated or damaged");
            }
            long bytes = Math.multiplyExact(numel, esize);
            if (end - begin != bytes) {
                throw new ModelLoadException(where + ": data_offsets [" + begin + ", " + end + "] hold " + (end - begin)
                        + " bytes, but " + dtype + Arrays.toString(shape) + " needs " + bytes);
            }
            return new TensorInfo(name, file, dtype, shape, dataStart + begin, dataStart + end);
        } catch (ArithmeticException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new ModelLoadException(where + ": invalid header entry: " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos, Path file) throws IOException {
        long p = pos;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                throw new ModelLoadException(file + ": unexpected end of file at byte " + p);
            }
            p += n;
        }
    }

    /** Reads every tensor of a folder's (or a single file's) checkpoint onto {@code manager}. */
    public static Map<String, NDArray> read(Path folderOrFile, NDManager manager) throws ModelLoadException {
        Map<String, TensorInfo> headers = Files.isDirectory(folderOrFile) ? readHeaders(folderOrFile) : readHeader(folderOrFile);
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (TensorInfo t : headers.values()) {
            out.put(t.name(), load(t, manager));
        }
        return out;
    }

    /** Reads one tensor's data as float32 (floating dtypes) or its own integer type. */
    public static NDArray load(TensorInfo t, NDManager manager) throws ModelLoadException {
        long bytes = t.end() - t.start();
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new ModelLoadException(t.file() + ": tensor " + t.name() + " is " + bytes
                    + " bytes; tensors over 2 GB are not supported");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(t.file(), StandardOpenOption.READ)) {
            if (t.end() > ch.size()) {
                throw new ModelLoadException(t.file() + ": tensor " + t.name() + " ends beyond the end of the file");
            }
            readFully(ch, buf, t.start(), t.file());
        } catch (IOException e) {
            if (e instanceof ModelLoadException m) {
                throw m;
            }
            throw new ModelLoadException("cannot read tensor " + t.name() + " from " + t.file() + ": " + e.getMessage(), e);
        }
        buf.flip();
        Shape shape = t.djlShape();
        int n = (int) t.numel();
        NDArray a = switch (t.dtype()) {
            case "F32" -> manager.create(buf.asFloatBuffer(), shape);
            case "F16" -> {
                FloatBuffer f = FloatBuffer.allocate(n);
                for (int i = 0; i < n; i++) {
                    f.put(Float.float16ToFloat(buf.getShort()));
                }
                yield manager.create(f.flip(), shape);
            }
            case "BF16" -> {
                FloatBuffer f = FloatBuffer.allocate(n);
                for (int i = 0; i < n; i++) {
                    f.put(Float.intBitsToFloat((buf.getShort() & 0xffff) << 16));
                }
                yield manager.create(f.flip(), shape);
            }
            case "F64" -> {
                FloatBuffer f = FloatBuffer.allocate(n);
                for (int i = 0; i < n; i++) {
                    f.put((float) buf.getDouble());
                }
                yield manager.create(f.flip(), shape);
            }
            case "I64" -> manager.create(buf.asLongBuffer(), shape, DataType.INT64);
            case "I32" -> manager.create(buf.asIntBuffer(), shape, DataType.INT32);
            case "I8" -> manager.create(buf, shape, DataType.INT8);
            case "U8" -> manager.create(buf, shape, DataType.UINT8);
            case "BOOL" -> manager.create(buf, shape, DataType.BOOLEAN);
            default -> throw new ModelLoadException(t.file() + ": tensor " + t.name() + ": dtype " + t.dtype()
                    + " cannot be loaded");
        };
        a.setName(t.name());
        return a;
    }
}
