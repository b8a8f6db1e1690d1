package org.reasonlab.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeTargetsTest {
    /** The example of the documentation (docs/compute-targets.md). */
    static final String EXAMPLE = """
            {"targets":[{"name":"lab-cluster","kind":"slurm","host":"login.example.edu","port":22,
              "user":"alice","identityFile":"~/.ssh/id_ed25519","knownHosts":"~/.ssh/known_hosts",
              "workDir":"/scratch/alice/reasonlab","java":"/usr/lib/jvm/java-21/bin/java",
              "setup":["module load cuda/12.8"],"env":{"DJL_OFFLINE":"false"},
              "slurm":{"partition":"gpu","gpus":1,"cpus":8,"memory":"64G","time":"24:00:00",
                       "account":null,"qos":null,"extra":["--constraint=a100"]}}]}
            """;

    @TempDir
    Path tmp;

    @Test
    void readsTheDocumentedExample() throws IOException {
        Path file = tmp.resolve("targets.json");
        Files.writeString(file, EXAMPLE);
        ComputeTargets targets = ComputeTargets.read(file);
        ComputeTarget t = targets.find("lab-cluster").orElseThrow();
        assertEquals(TargetKind.SLURM, t.kind());
        assertEquals("login.example.edu", t.host());
        assertEquals(22, t.port());
        assertEquals("alice", t.user());
        assertEquals(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"), t.localIdentityFile());
        assertEquals("/scratch/alice/reasonlab", t.workDir());
        assertEquals(List.of("module load cuda/12.8"), t.setup());
        assertEquals(Map.of("DJL_OFFLINE", "false"), t.env());
        assertEquals("gpu", t.slurm().partition());
        assertNull(t.slurm().account());
        assertEquals(List.of("--partition=gpu", "--gpus=1", "--cpus-per-task=8", "--mem=64G", "--time=24:00:00",
                "--constraint=a100"), t.slurm().sbatchOptions());
        assertTrue(t.usesGpu(), "GPUs requested: the trainer runs with --device gpu");
        assertEquals(List.of("local", "lab-cluster"), targets.names());
        assertTrue(targets.find("local").orElseThrow().isLocal());
    }

    @Test
    void writesWhatItReads() throws IOException {
        ComputeTargets targets = ComputeTargets.parse(EXAMPLE);
        Path file = tmp.resolve("sub/targets.json");
        targets.write(file);
        assertEquals(targets.all(), ComputeTargets.read(file).all());
    }

    @Test
    void aMissingFileHasNoTargetsButLocal() throws IOException {
        ComputeTargets targets = ComputeTargets.read(tmp.resolve("none.json"));
        assertTrue(targets.all().isEmpty());
        assertEquals(List.of("local"), targets.names());
    }

    @Test
    void errorsNameTheFileTheTargetAndTheField() throws IOException {
        Path file = tmp.resolve("targets.json");
        Files.writeString(file, "{\"targets\":[{\"name\":\"a\",\"kind\":\"slurm\",\"port\":\"22\"}]}");
        IOException e = assertThrows(IOException.class, () -> ComputeTargets.read(file));
        assertEquals(file + ": targets[0].port must be a whole number", e.getMessage());

        Files.writeString(file, "{\"targets\":[{\"name\":\"a\",\"kind\":\"ssh\",\"workDir\":\"scratch\"},"
                + "{\"name\":\"a\",\"kind\":\"cloud\"}]}");
        e = assertThrows(IOException.class, () -> ComputeTargets.read(file));
        assertTrue(e.getMessage().contains("targets[1].kind must be local, ssh or slurm, not \"cloud\""),
                e.getMessage());

        Files.writeString(file, "{\"targets\":[{\"name\":\"a\",\"kind\":\"ssh\",\"workDir\":\"scratch\"},"
                + "{\"name\":\"a\",\"kind\":\"slurm\",\"workDir\":\"/w/../etc\",\"slurm\":{\"partition\":\"gpu\\nx\"}}]}");
        e = assertThrows(IOException.class, () -> ComputeTargets.read(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ": "), m);
        assertTrue(m.contains("target \"a\": host is required for kind ssh"), m);
        assertTrue(m.contains("target \"a\": workDir must be an absolute path on the target"), m);
        assertTrue(m.contains("slurm.partition must be one word"), m);
        assertTrue(m.contains("target \"a\" is defined twice"), m);
    }

    @Test
    void theNameLocalIsReserved() {
        ComputeTargets targets = ComputeTargets.parse(
                "{\"targets\":[{\"name\":\"local\",\"kind\":\"ssh\",\"host\":\"h\",\"workDir\":\"/w\"}]}");
        assertTrue(targets.problems().contains("target \"local\": the name is reserved for this machine"));
        assertFalse(targets.find("local").orElseThrow().overSsh());
    }
}
