package org.reasonlab.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobScriptTest {
    @TempDir
    Path tmp;

    private static ComputeTarget target() {
        return ComputeTargets.parse(ComputeTargetsTest.EXAMPLE).all().get(0);
    }

    @Test
    void slurmScriptRequestsTheTargetsResourcesAndTheSignalBeforeTheTimeLimit() {
        JobScript script = new JobScript(target(), List.of("/scratch/alice/reasonlab/runs/r1"), "reasonlab-r1",
                "/scratch/alice/reasonlab/trainer/abc", List.of("00-train.jar", "01-core.jar"), "8g");
        String text = script.text();
        assertTrue(text.startsWith("#!/bin/bash\n#SBATCH --job-name=reasonlab-r1\n"), text);
        for (String option : List.of("--output=slurm-%j.out", "--signal=B:TERM@300", "--partition=gpu", "--gpus=1",
                "--cpus-per-task=8", "--mem=64G", "--time=24:00:00", "--constraint=a100")) {
            assertTrue(text.contains("#SBATCH " + option + "\n"), option + " in\n" + text);
        }
        assertFalse(text.contains("--array"), text);
        assertTrue(text.contains("\nmodule load cuda/12.8\n"), text);
        assertTrue(text.contains("export DJL_OFFLINE=false\n"), "the target's env wins over the default: " + text);
        assertTrue(text.contains("train --run-dir \"$run_dir\" --resume --device gpu"), text);
        assertTrue(text.contains("class_path=/scratch/alice/reasonlab/trainer/abc/00-train.jar:"
                + "/scratch/alice/reasonlab/trainer/abc/01-core.jar\n"), text);
        assertTrue(text.contains("org.reasonlab.core.run.TrainerExit"), text);
        assertEquals(JobScript.SBATCH_FILE, script.fileName());
    }

    @Test
    void aSweepIsAnArrayThatPicksItsRunFolderByTaskId() throws Exception {
        JobScript script = new JobScript(target(), List.of("/w/runs/a b", "/w/runs/it's", "/w/runs/$(x)"),
                "sweep one; two", "/w/trainer/abc", List.of("t.jar"), "8g");
        String text = script.text();
        assertTrue(text.contains("#SBATCH --array=0-2\n"), text);
        assertTrue(text.contains("#SBATCH --output=slurm-%A_%a.out\n"), text);
        assertTrue(text.contains("#SBATCH --job-name=sweep_one__two\n"), text);
        // the run_dirs line, run by bash, gives each task its folder unchanged
        String line = text.lines().filter(l -> l.startsWith("run_dirs=(")).findFirst().orElseThrow();
        for (int task = 0; task < 3; task++) {
            Process p = new ProcessBuilder("bash", "-c", line + "\nprintf %s \"${run_dirs[" + task + "]}\"").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertEquals(List.of("/w/runs/a b", "/w/runs/it's", "/w/runs/$(x)").get(task), out);
        }
    }

    @Test
    void scriptIsValidBash() throws Exception {
        Path file = tmp.resolve("job.sbatch");
        Files.writeString(file, new JobScript(target(), List.of("/w/runs/r"), "r", "/w/t", List.of("a.jar"), "2g")
                .text());
        Process p = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void anSshTargetGetsADetachedScriptWithoutSbatchLines() {
        ComputeTarget ssh = new ComputeTarget("box", TargetKind.SSH, "gpu.example.org", null, null, null, null, "/w",
                null, null, null, null, null);
        JobScript script = new JobScript(ssh, List.of("/w/runs/r"), "r", "/w/t", List.of("a.jar"), "8g");
        assertFalse(script.text().contains("#SBATCH"));
        assertEquals(JobScript.DETACHED_FILE, script.fileName());
        assertTrue(script.text().contains("java=java\n"), "java from the PATH when not set");
        assertFalse(script.text().contains("--device"), "auto: the trainer decides");
    }
}
