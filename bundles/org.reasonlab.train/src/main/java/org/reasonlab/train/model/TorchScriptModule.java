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
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A TorchScript module written here, without Python: the archive {@code torch.jit.load} reads
 * (the class's source text, a pickled instance with {@code training=False} and no tensors,
 * constants, version), loaded from memory. Such a module holds no tensors, so one serves every
 * device; it lives as long as the JVM.
 */
final class TorchScriptModule {
    private TorchScriptModule() {
    }

    /**
     * Loads class {@code className} of {@code source} (TorchScript, {@code class X(Module):} with
     * {@code __parameters__ = []}, {@code __buffers__ = []} and {@code training : bool}).
     */
    static PtSymbolBlock load(String className, String source) {
        PtNDManager m = (PtNDManager) NDManager.newBaseManager(Device.cpu(), "PyTorch");
        try {
            return JniUtils.loadModule(m, new ByteArrayInputStream(archive(className, source)), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Turns TorchScript's graph optimizer off for the calling thread (the setting is per thread).
     * With it, small graphs took milliseconds per call on the CPU (re-profiled and re-specialised);
     * without it, a call costs about as much as its ops.
     */
    static void plainExecutor() {
        PLAIN_EXECUTOR.get();
    }

    private static final ThreadLocal<Boolean> PLAIN_EXECUTOR = ThreadLocal.withInitial(() -> {
        JniUtils.setGraphExecutorOptimize(false);
        return Boolean.TRUE;
    });

    /** The archive: code, the pickled module (protocol 2: an instance with training=False), constants, version. */
    static byte[] archive(String className, String source) {
        String folder = className.toLowerCase(java.util.Locale.ROOT);
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2}); // PROTO 2
        pickle.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        pickle.writeBytes(new byte[] {')', (byte) 0x81, '}', '('}); // EMPTY_TUPLE NEWOBJ EMPTY_DICT MARK
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        pickle.write('X'); // BINUNICODE, 4-byte little-endian length
        pickle.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        pickle.writeBytes(key);
        pickle.writeBytes(new byte[] {(byte) 0x89, 'u', 'b', '.'}); // NEWFALSE SETITEMS BUILD STOP
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            stored(z, folder + "/data.pkl", pickle.toByteArray());
            stored(z, folder + "/code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
            stored(z, folder + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // an empty tuple
            stored(z, folder + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
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
