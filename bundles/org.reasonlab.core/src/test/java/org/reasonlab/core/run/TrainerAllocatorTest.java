package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TrainerAllocatorTest {
    @Test
    void aUsersOwnSettingIsKept() {
        assertEquals(TrainerAllocator.TUNABLES, TrainerAllocator.tunables(null));
        assertEquals(TrainerAllocator.TUNABLES, TrainerAllocator.tunables(" "));
        assertNull(TrainerAllocator.tunables("glibc.malloc.arena_max=4"));
    }

    /** The command line script sets the same values as the workbench's launches. */
    @Test
    void theScriptSetsTheSameTunables() throws Exception {
        Path script = Path.of("../../reasonlab");
        assertTrue(Files.isRegularFile(script), "run from the bundle folder: " + script.toAbsolutePath());
        String text = Files.readString(script, StandardCharsets.UTF_8);
        assertTrue(text.contains("GLIBC_TUNABLES=\"${GLIBC_TUNABLES:-" + TrainerAllocator.TUNABLES + "}\""),
                "reasonlab must export " + TrainerAllocator.TUNABLES);
    }
}
