package org.reasonlab.core.target;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sbatch} options of a SLURM target. {@code null} leaves an option to the cluster's defaults.
 *
 * @param signalSeconds seconds before the time limit at which SLURM sends SIGTERM (the trainer checkpoints)
 * @param cancelGraceSeconds seconds between the SIGTERM of Cancel and the final {@code scancel}
 */
public record SlurmSettings(String partition, Integer gpus, Integer cpus, String memory, String time, String account,
        String qos, List<String> extra, Integer signalSeconds, Integer cancelGraceSeconds) {
    public static final int DEFAULT_SIGNAL_SECONDS = 300;
    public static final int DEFAULT_CANCEL_GRACE_SECONDS = 120;

    public SlurmSettings {
        extra = extra == null ? List.of() : List.copyOf(extra);
    }

    public static SlurmSettings defaults() {
        return new SlurmSettings(null, null, null, null, null, null, null, List.of(), null, null);
    }

    public int effectiveSignalSeconds() {
        return signalSeconds == null ? DEFAULT_SIGNAL_SECONDS : signalSeconds;
    }

    public int effectiveCancelGraceSeconds() {
        return cancelGraceSeconds == null ? DEFAULT_CANCEL_GRACE_SECONDS : cancelGraceSeconds;
    }

    public boolean requestsGpus() {
        return gpus != null && gpus > 0;
    }

    /** The {@code #SBATCH} options, in the order the job script lists them. */
    public List<String> sbatchOptions() {
        List<String> options = new ArrayList<>();
        add(options, "--partition=", partition);
        if (gpus != null && gpus > 0) {
            options.add("--gpus=" + gpus);
        }
        if (cpus != null) {
            options.add("--cpus-per-task=" + cpus);
        }
        add(options, "--mem=", memory);
        add(options, "--time=", time);
        add(options, "--account=", account);
        add(options, "--qos=", qos);
        options.addAll(extra);
        return options;
    }

    /** What is wrong, each message naming the field; empty when nothing is. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        checkWord(problems, "partition", partition);
        checkWord(problems, "memory", memory);
        checkWord(problems, "time", time);
        checkWord(problems, "account", account);
        checkWord(problems, "qos", qos);
        if (gpus != null && gpus < 0) {
            problems.add("slurm.gpus must be 0 or more, not " + gpus);
        }
        if (cpus != null && cpus < 1) {
            problems.add("slurm.cpus must be 1 or more, not " + cpus);
        }
        if (signalSeconds != null && (signalSeconds < 10 || signalSeconds > 65535)) {
            problems.add("slurm.signalSeconds must be from 10 to 65535, not " + signalSeconds);
        }
        if (cancelGraceSeconds != null && cancelGraceSeconds < 0) {
            problems.add("slurm.cancelGraceSeconds must be 0 or more, not " + cancelGraceSeconds);
        }
        for (String e : extra) {
            if (e == null || !e.startsWith("--") || e.chars().anyMatch(c -> c < ' ' || c == ' ')) {
                problems.add("slurm.extra entries must be single --options without spaces or control characters, not \""
                        + e + "\"");
            }
        }
        return problems;
    }

    private static void add(List<String> options, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            options.add(prefix + value.strip());
        }
    }

    /** A value that lands on an {@code #SBATCH} line: one word, no line breaks (sbatch reads the line, not a shell). */
    private static void checkWord(List<String> problems, String field, String value) {
        if (value != null && value.strip().chars().anyMatch(c -> c <= ' ')) {
            problems.add("slurm." + field + " must be one word without spaces or control characters, not \"" + value
                    + "\"");
        }
    }
}
