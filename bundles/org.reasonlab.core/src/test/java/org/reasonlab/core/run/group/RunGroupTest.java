package org.reasonlab.core.run.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunSpec;

class RunGroupTest {
    @TempDir
    Path tmp;

    @Test
    void groupFileRoundTripsWithMembersRelativeToIt() throws Exception {
        Path runs = tmp.resolve("runs");
        RunGroup group = RunGroup.of(runs, "exp-20261206", RunGroup.Origin.SWEEP, Instant.parse("2026-12-06T10:00:00Z"),
                List.of(Path.of("exp-l-seed1"), runs.resolve("exp-l-seed2"), tmp.resolve("elsewhere/run")));
        RunGroupFile.write(group);
        String text = Files.readString(runs.resolve("exp-20261206.group.json"));
        assertTrue(text.contains("\"exp-l-seed1\"") && text.contains("\"exp-l-seed2\""), text);
        assertTrue(text.contains(tmp.resolve("elsewhere/run").toString()), text);
        RunGroup read = RunGroupFile.read(group.file());
        assertEquals(group, read);
        assertEquals("exp-20261206", read.name());
        assertTrue(read.contains(runs.resolve("exp-l-seed2")));
        assertEquals(List.of(group.file()), RunGroupFile.list(runs));
        try (var files = Files.list(runs)) {
            assertEquals(1, files.count()); // no temporary file left
        }
    }

    @Test
    void errorsNameTheFileAndTheField() throws Exception {
        Path file = tmp.resolve("bad.group.json");
        Files.writeString(file, "{\"format\":\"reasonlab-run-group/1\",\"origin\":\"sweep\","
                + "\"created\":\"2026-12-06T10:00:00Z\",\"members\":[\"a\",\"a\"]}");
        IOException e = assertThrows(IOException.class, () -> RunGroupFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("members[1]"),
                e.getMessage());
        Files.writeString(file, "{\"format\":\"reasonlab-run-group/1\",\"origin\":\"party\","
                + "\"created\":\"2026-12-06T10:00:00Z\",\"members\":[]}");
        e = assertThrows(IOException.class, () -> RunGroupFile.read(file));
        assertTrue(e.getMessage().contains("origin"), e.getMessage());
        Files.writeString(file, "{\"format\":\"reasonlab-run-group/1\",\"origin\":\"sweep\","
                + "\"created\":\"2026-12-06T10:00:00Z\",\"members\":[]}");
        e = assertThrows(IOException.class, () -> RunGroupFile.read(file));
        assertTrue(e.getMessage().contains("at least one run"), e.getMessage());
        Files.writeString(file, "{not json");
        e = assertThrows(IOException.class, () -> RunGroupFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void sweepMakesOneRunPerModeAndSeedOnTheSameRecords() {
        RunSpec base = new RunSpec();
        base.setSeed(42);
        base.setMode(TrainingMode.L);
        List<Sweep.Member> members = new Sweep(List.of(TrainingMode.L, TrainingMode.L_PLUS_R), List.of(1L, 2L, 3L))
                .members(base);
        assertEquals(6, members.size());
        assertEquals(List.of("-l-seed1", "-l-seed2", "-l-seed3", "-lr-seed1", "-lr-seed2", "-lr-seed3"),
                members.stream().map(Sweep.Member::suffix).toList());
        for (Sweep.Member m : members) {
            // held out and sampled with the launch's seed: all runs are evaluated on the same records
            assertEquals(42L, m.spec().splitSeed());
        }
        assertEquals(TrainingMode.L_PLUS_R, members.get(4).spec().mode());
        assertEquals(2L, members.get(4).spec().seed());
        assertEquals(42L, base.seed()); // the base spec is not changed

        List<Sweep.Member> single = new Sweep(List.of(TrainingMode.L), List.of(7L)).members(base);
        assertEquals(1, single.size());
        assertEquals("", single.get(0).suffix());
        assertEquals(null, single.get(0).spec().splitSeed());
        assertThrows(IllegalArgumentException.class, () -> new Sweep(List.of(), List.of(1L, 1L)));
    }
}
