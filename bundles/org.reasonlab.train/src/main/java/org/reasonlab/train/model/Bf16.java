package org.reasonlab.train.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

/**
 * bfloat16 on DJL's PyTorch engine. DJL 0.35.1's JNI layer maps only float32/64/16, (u)int8,
 * int32/64, bool and complex64 to torch dtypes: {@code toType(BFLOAT16)} or creating a BFLOAT16
 * array ends the JVM (std::terminate), and {@code toType} records no gradient at all. So the casts
 * and the mixed-precision product run in a TorchScript module whose archive (source text and pickled
 * module state) is written here and loaded from memory once. Its {@code forward} runs with autograd,
 * so gradients flow through the casts to float32 inputs and weights.
 *
 * <p>DJL reports bf16 arrays as {@link DataType#UNKNOWN}. On them only shape, attach, close,
 * {@code toType(FLOAT32)} and this class's methods are safe: {@code toDevice} or {@code toType}
 * to anything else hits the same unmapped dtype.
 */
public final class Bf16 {
    /** torch.bfloat16 and torch.float32 as TorchScript writes dtypes (c10::ScalarType numbers). */
    private static final String SOURCE = """
            class Bf16Ops(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              def forward(self: __torch__.Bf16Ops,
                x: Tensor,
                w: Tensor) -> Tensor:
                y = torch.linear(torch.to(x, 15), torch.to(w, 15))
                return torch.to(y, 6)
              def to_bf16(self: __torch__.Bf16Ops,
                x: Tensor) -> Tensor:
                return torch.to(x, 15)
            """;

    private Bf16() {
    }

    /** Loaded on first use; the module holds no tensors, so one instance serves every device. */
    private static final class Holder {
        static final PtSymbolBlock MODULE = load();

        private static PtSymbolBlock load() {
            // lives as long as the JVM: a base manager nobody closes
            PtNDManager m = (PtNDManager) NDManager.newBaseManager(Device.cpu(), "PyTorch");
            try {
                return JniUtils.loadModule(m, new ByteArrayInputStream(archive()), true, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * {@code x @ w^T} with both factors rounded to bf16 and the product returned as float32,
     * differentiable in {@code x} and a float32 {@code w}. The result belongs to x's manager.
     *
     * @param x (..., in), float32
     * @param w [out, in], float32 or bf16 (a transposed view of a Conv1D weight works too)
     */
    public static NDArray linear(NDArray x, NDArray w) {
        PLAIN_EXECUTOR.get();
        return IValueUtils.forward(Holder.MODULE, new NDList(x, w), true).head();
    }

    /**
     * Turns TorchScript's graph optimizer off for the calling thread (the setting is per thread).
     * With it, this three-op graph took milliseconds per call on the CPU (re-profiled and
     * re-specialised); without it, the call costs about as much as its ops.
     */
    private static final ThreadLocal<Boolean> PLAIN_EXECUTOR = ThreadLocal.withInitial(() -> {
        Holder.MODULE.getHandle(); // the engine is loaded
        JniUtils.setGraphExecutorOptimize(false);
        return Boolean.TRUE;
    });

    /** A bf16 copy of a float32 array, on the same device and manager (an ordinary tensor, no gradient). */
    public static NDArray of(NDArray a) {
        try (IValue in = IValue.from((PtNDArray) a);
                IValue out = IValueUtils.runMethod(Holder.MODULE, "to_bf16", in)) {
            // runMethod runs in inference mode; a clone is an ordinary tensor that autograd may save
            PtNDArray inference = out.toTensor((PtNDManager) a.getManager());
            NDArray copy = inference.duplicate();
            inference.close();
            return copy;
        }
    }

    /** Whether an array is bf16 (DJL names no type for it; nothing else here makes one). */
    public static boolean is(NDArray a) {
        return a.getDataType() == DataType.UNKNOWN;
    }

    /** A float32 copy (torch's cast to float32 is mapped, so this one is safe on bf16 arrays). */
    public static NDArray toFloat32(NDArray a) {
        return a.toType(DataType.FLOAT32, true);
    }

    /** The TorchScript archive: code, the pickled module (protocol 2: a Bf16Ops with training=False), constants, version. */
    static byte[] archive() {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2}); // PROTO 2
        pickle.writeBytes("c__torch__\nBf16Ops\n".getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        pickle.writeBytes(new byte[] {')', (byte) 0x81, '}', '('}); // EMPTY_TUPLE NEWOBJ EMPTY_DICT MARK
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        pickle.write('X'); // BINUNICODE, 4-byte little-endian length
        pickle.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        pickle.writeBytes(key);
        pickle.writeBytes(new byte[] {(byte) 0x89, 'u', 'b', '.'}); // NEWFALSE SETITEMS BUILD STOP
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            stored(z, "bf16ops/data.pkl", pickle.toByteArray());
            stored(z, "bf16ops/code/__torch__.py", SOURCE.getBytes(StandardCharsets.UTF_8));
            stored(z, "bf16ops/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // an empty tuple
            stored(z, "bf16ops/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    private static void stored(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
    }
}
