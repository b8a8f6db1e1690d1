package org.reasonlab.core.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.run.TrainerAllocator;

/**
 * The bash script that runs the trainer on a target: a SLURM batch script ({@code job.sbatch}, with
 * {@code #SBATCH} options from the target and {@code --signal=B:TERM@N}, so that the trainer checkpoints before
 * the time limit) or, on an SSH host, the script started detached. It sets the environment (DJL offline unless the
 * target's {@code env} says otherwise, no telemetry), runs the target's {@code setup} lines, starts the trainer's
 * JVM ({@code train --run-dir DIR --resume}, the same command line as a local run) with its output in the run
 * folder's {@code trainer.log}, passes SIGTERM on to it (Cancel, the time limit, preemption) and, when the JVM did
 * not end the run itself, records the failure with core's {@code TrainerExit}, as the {@code reasonlab} script
 * does. A sweep's array job picks its run folder by {@code SLURM_ARRAY_TASK_ID}.
 * <p>
 * Every value that comes from a run or a path is quoted ({@link ShellQuote}); the {@code setup} lines are the
 * user's own shell and are copied as they are.
 *
 * @param target     the target
 * @param runFolders the run folders on the target: one, or a sweep's in task order
 * @param jobName    the SLURM job name (made of safe characters here)
 * @param trainerDir the folder of the uploaded trainer jars
 * @param jars       the jar file names in {@code trainerDir}, class path order
 * @param heap       the trainer's maximum heap ({@code 8g})
 */
public record JobScript(ComputeTarget target, List<String> runFolders, String jobName, String trainerDir,
        List<String> jars, String heap) {
    public static final String SBATCH_FILE = "job.sbatch";
    public static final String DETACHED_FILE = "run.sh";
    public static final String LOG_FILE = "trainer.log";
    public static final String MAIN_CLASS = "org.reasonlab.train.TrainerCli";
    public static final String EXIT_CLASS = "org.reasonlab.core.run.TrainerExit";

    public JobScript {
        runFolders = List.copyOf(runFolders);
        jars = List.copyOf(jars);
        jobName = safeJobName(jobName);
        if (runFolders.isEmpty()) {
            throw new IllegalArgumentException("a job script needs a run folder");
        }
        if (heap == null || !heap.matches("[0-9]+[kKmMgGtT]?")) {
            throw new IllegalArgumentException("heap must be a size like 8g, not " + heap);
        }
    }

    public boolean isArray() {
        return runFolders.size() > 1;
    }

    /** The file name the script is saved under in the run folder. */
    public String fileName() {
        return target.kind() == TargetKind.SLURM ? SBATCH_FILE : DETACHED_FILE;
    }

    public String text() {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        if (target.kind() == TargetKind.SLURM) {
            for (String option : sbatchOptions()) {
                s.append("#SBATCH ").append(option).append('\n');
            }
        }
        s.append("# ReasonLab trainer, generated for target \"").append(oneLine(target.name())).append("\" and ")
                .append(isArray() ? runFolders.size() + " runs (a sweep)" : "run " + oneLine(RemotePaths.fileName(
                        runFolders.get(0)))).append(".\n");
        s.append("# Resubmitting it resumes from the newest checkpoint (train --resume).\n");
        s.append("stopped=\n");
        s.append("pid=\n");
        s.append("# SIGTERM (Cancel, the time limit, preemption): the trainer checkpoints and stops after this step\n");
        s.append("trap 'stopped=stopped; [ -n \"$pid\" ] && kill -TERM \"$pid\" 2>/dev/null' TERM INT HUP\n");
        if (!target.setup().isEmpty()) {
            s.append("# the target's setup (module systems and conda need unset variables to be allowed)\n");
            target.setup().forEach(line -> s.append(line).append('\n'));
        }
        s.append("set -u\n");
        s.append("export OPT_OUT_TRACKING=true\n");
        s.append("export DJL_OFFLINE=true\n");
        s.append("export REASONLAB_STEP_PROGRESS=false\n");
        s.append("export ").append(TrainerAllocator.VARIABLE).append('=')
                .append(ShellQuote.quote(TrainerAllocator.TUNABLES)).append('\n');
        for (Map.Entry<String, String> e : target.env().entrySet()) {
            s.append("export ").append(e.getKey()).append('=').append(ShellQuote.quote(e.getValue())).append('\n');
        }
        s.append("run_dirs=(").append(String.join(" ", runFolders.stream().map(ShellQuote::quote).toList()))
                .append(")\n");
        s.append("run_dir=${run_dirs[${SLURM_ARRAY_TASK_ID:-0}]}\n");
        s.append("java=").append(ShellQuote.quote(target.effectiveJava())).append('\n');
        s.append("class_path=").append(ShellQuote.quote(classPath())).append('\n');
        s.append("cd \"$run_dir\" || exit 1\n");
        s.append("\"$java\" -Xmx").append(heap)
                .append(" -XX:ErrorFile=\"$run_dir/hs_err_pid%p.log\" -XX:ErrorLogTimeout=60")
                .append(" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=\"$DJL_OFFLINE\" -DOPT_OUT_TRACKING=true")
                .append(" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .append(" -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error")
                .append(" -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8")
                .append(" -cp \"$class_path\" ").append(MAIN_CLASS).append(" train --run-dir \"$run_dir\" --resume");
        if (!"auto".equals(target.effectiveDevice())) {
            s.append(" --device ").append(target.effectiveDevice());
        }
        s.append(" >>\"$run_dir/").append(LOG_FILE).append("\" 2>&1 </dev/null &\n");
        s.append("pid=$!\n");
        s.append("echo \"$pid\" >\"$run_dir/trainer.pid\"\n");
        s.append("[ -n \"$stopped\" ] && kill -TERM \"$pid\" 2>/dev/null # stopped while it started\n");
        s.append("while :; do code=0; wait \"$pid\" || code=$?; kill -0 \"$pid\" 2>/dev/null || break; done\n");
        s.append("trap - TERM INT HUP\n");
        s.append("if [ \"$code\" != 0 ]; then\n");
        s.append("  \"$java\" -cp \"$class_path\" ").append(EXIT_CLASS)
                .append(" \"$run_dir\" \"$code\" $stopped >>\"$run_dir/").append(LOG_FILE).append("\" 2>&1\n");
        s.append("fi\n");
        s.append("exit \"$code\"\n");
        return s.toString();
    }

    /** The {@code #SBATCH} options: name, output, signal, the target's resources, the array. */
    public List<String> sbatchOptions() {
        List<String> options = new ArrayList<>();
        options.add("--job-name=" + jobName);
        options.add(isArray() ? "--output=slurm-%A_%a.out" : "--output=slurm-%j.out");
        options.add("--open-mode=append");
        options.add("--signal=B:TERM@" + target.slurm().effectiveSignalSeconds());
        options.addAll(target.slurm().sbatchOptions());
        if (isArray()) {
            options.add("--array=0-" + (runFolders.size() - 1));
        }
        return options;
    }

    private String classPath() {
        return String.join(":", jars.stream().map(j -> RemotePaths.under(trainerDir, j)).toList());
    }

    /** Letters, digits, {@code . _ -}: a job name that cannot break an {@code #SBATCH} line. */
    static String safeJobName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.length() > 60) {
            s = s.substring(0, 60);
        }
        return s.isEmpty() ? "reasonlab" : s;
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}]", "?");
    }
}
