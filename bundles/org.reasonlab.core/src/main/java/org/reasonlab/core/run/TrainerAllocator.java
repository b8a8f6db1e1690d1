package org.reasonlab.core.run;

/**
 * glibc's malloc settings for the trainer JVM, set by every launcher unless the user set
 * {@value #VARIABLE} already. libtorch allocates and frees a tensor per operation; by default glibc
 * serves large ones with fresh {@code mmap}s and hands freed memory back, so each new tensor's
 * pages fault in again (on a virtual machine measured at about 9 microseconds a page, which made
 * evaluating stories260K spend more time in the kernel than in the model). These settings keep
 * freed memory for reuse in one arena, the same idea as running PyTorch with jemalloc or tcmalloc,
 * without another library.
 */
public final class TrainerAllocator {
    public static final String VARIABLE = "GLIBC_TUNABLES";
    public static final String TUNABLES = "glibc.malloc.mmap_threshold=1073741824"
            + ":glibc.malloc.trim_threshold=4294967296:glibc.malloc.arena_max=1";

    private TrainerAllocator() {
    }

    /** The value to give {@value #VARIABLE}: {@link #TUNABLES}, or null to keep the user's own ({@code current}). */
    public static String tunables(String current) {
        return current == null || current.isBlank() ? TUNABLES : null;
    }
}
