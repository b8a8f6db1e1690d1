package org.reasonlab.train.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** What the CPU can do natively, from the kernel's {@code /proc/cpuinfo} flags (false where it cannot be read). */
public final class CpuFeatures {
    /** AVX-512 BF16 instructions or Intel AMX tiles for bf16: libtorch's bf16 products run on them. */
    static final Set<String> BF16_FLAGS = Set.of("avx512_bf16", "amx_bf16");

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static volatile Boolean nativeBf16;

    private CpuFeatures() {
    }

    /** Whether this machine's CPU multiplies bf16 natively. */
    public static boolean nativeBf16() {
        Boolean known = nativeBf16;
        if (known == null) {
            known = nativeBf16(read());
            nativeBf16 = known;
        }
        return known;
    }

    /** Whether a {@code /proc/cpuinfo} text lists a native bf16 flag on its {@code flags} lines. */
    static boolean nativeBf16(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).trim().equals("flags")) {
                continue;
            }
            for (String flag : line.substring(colon + 1).trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (BF16_FLAGS.contains(flag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String read() {
        try {
            return Files.isReadable(CPUINFO) ? Files.readString(CPUINFO, StandardCharsets.UTF_8) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
