package org.reasonlab.ui.internal.launch;

import static org.reasonlab.ui.internal.launch.LaunchAttributes.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSettings;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.TrainerAllocator;

/**
 * The trainer JVM's command line and environment, like the {@code reasonlab} script's: the heap,
 * {@code --enable-native-access=ALL-UNNAMED}, {@code -Dai.djl.offline} (offline unless the
 * configuration says otherwise), {@code OPT_OUT_TRACKING=true} always (as a property and in the
 * environment: DJL telemetry stays off) and slf4j-simple at warnings only.
 *
 * @param commandLine the full command, java first
 * @param environment variables to set on top of the IDE's environment
 * @param runDir      the run folder (train) or the output folder (evaluate)
 */
public record TrainerCommand(List<String> commandLine, Map<String, String> environment, Path runDir) {
    public static final String LIBTORCH_VERSION = "2.7.1";

    /** {@code train --run-dir DIR --resume}: trains the spec.json in DIR, from its newest checkpoint if any. */
    public static TrainerCommand train(LaunchSettings settings, List<Path> classPath, Path runDir) {
        List<String> args = List.of("train", "--run-dir", runDir.toString(), "--resume");
        return build(settings, classPath, runDir, args);
    }

    /**
     * {@code eval} of the base model on the evaluation split (its seeded sample when one is set), with the
     * configuration's template, output in {@code outDir}.
     */
    public static TrainerCommand evaluate(LaunchSettings settings, List<Path> classPath, Path outDir) {
        RunSpec spec = settings.toSpec("eval");
        List<String> args = new ArrayList<>(List.of("eval", "--model", spec.model(), "--dataset", spec.dataset(),
                "--split", spec.evalSplit(), "--mode", spec.mode().id(), "--out", outDir.toString(), "--device",
                spec.device(), "--precision", spec.precision(), "--max-sequence-length",
                Integer.toString(spec.maxSequenceLength()), "--seed", Long.toString(spec.seed()),
                // the records a fine-tuning run with these settings is scored on, and the same leaked ones
                "--train-split", spec.trainSplit(), "--split-seed", Long.toString(spec.effectiveSplitSeed())));
        if (spec.holdout() != null) {
            args.addAll(List.of("--holdout", Double.toString(spec.holdout())));
        }
        if (spec.evalMaxNewTokens() > 0) { // 0: there are no training answers to derive it from; eval's default
            args.addAll(List.of("--max-new-tokens", Integer.toString(spec.evalMaxNewTokens())));
        }
        if (spec.hasOwnTemplate()) {
            args.addAll(List.of("--prompt", spec.template().promptText(), "--answer", spec.template().answerText()));
        }
        if (spec.evalSample() != null) {
            args.addAll(List.of("--sample", Integer.toString(spec.evalSample())));
        }
        return build(settings, classPath, outDir, args);
    }

    private static TrainerCommand build(LaunchSettings s, List<Path> classPath, Path runDir, List<String> args) {
        String javaHome = s.get(JAVA_HOME).isEmpty() ? System.getProperty("java.home") : s.get(JAVA_HOME);
        boolean offline = s.offline();
        List<String> cmd = new ArrayList<>();
        cmd.add(RunSettings.javaExecutable(Path.of(javaHome)).toString());
        cmd.add("-Xmx" + s.get(HEAP));
        cmd.addAll(RunDirectory.crashReportOptions(runDir));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Dai.djl.offline=" + offline);
        cmd.add("-DOPT_OUT_TRACKING=true");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.add("-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error");
        cmd.add("-Dstdout.encoding=UTF-8");
        cmd.add("-Dstderr.encoding=UTF-8");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPT_OUT_TRACKING", "true");
        env.put("DJL_OFFLINE", Boolean.toString(offline));
        env.put("REASONLAB_STEP_PROGRESS", "false"); // the Console shows the step events already
        String tunables = TrainerAllocator.tunables(System.getenv(TrainerAllocator.VARIABLE));
        if (tunables != null) {
            env.put(TrainerAllocator.VARIABLE, tunables);
        }
        if (!s.get(DJL_CACHE).isEmpty()) {
            cmd.add("-DDJL_CACHE_DIR=" + s.get(DJL_CACHE));
            env.put("DJL_CACHE_DIR", s.get(DJL_CACHE));
        }
        if (!s.get(LIBTORCH_PATH).isEmpty()) {
            Path lib = Path.of(s.get(LIBTORCH_PATH));
            env.put("PYTORCH_LIBRARY_PATH", lib.toString());
            env.put("PYTORCH_VERSION", LIBTORCH_VERSION);
            env.put("PYTORCH_FLAVOR", Files.isRegularFile(lib.resolve("libtorch_cuda.so")) ? "cu128" : "cpu");
        }
        cmd.add("-cp");
        cmd.add(TrainerClassPath.asString(classPath));
        cmd.add(TrainerClassPath.MAIN_CLASS);
        cmd.addAll(args);
        return new TrainerCommand(List.copyOf(cmd), Map.copyOf(env), runDir);
    }

    /** The IDE's environment with {@link #environment()} on top, as {@code NAME=value} for {@code DebugPlugin.exec}. */
    public String[] environmentArray() {
        Map<String, String> all = new LinkedHashMap<>(System.getenv());
        all.putAll(environment);
        return all.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
