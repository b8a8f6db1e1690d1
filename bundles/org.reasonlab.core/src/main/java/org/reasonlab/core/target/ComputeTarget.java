package org.reasonlab.core.target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One compute target of {@code targets.json} ({@link ComputeTargets}): where runs execute and how to reach it.
 * {@code host} empty on a {@code slurm} target means the local {@code sbatch}; {@code port}, {@code user},
 * {@code identityFile} and {@code knownHosts} left out come from {@code ~/.ssh/config} and OpenSSH's defaults.
 *
 * @param workDir absolute folder on the target under which ReasonLab writes everything (trainer jars, runs)
 * @param java    the Java 21+ executable on the target ({@code java} on its {@code PATH} when left out)
 * @param setup   shell lines run before the trainer (e.g. {@code module load cuda/12.8}), the user's own
 * @param env     environment variables for the trainer
 * @param device  {@code auto}, {@code cpu} or {@code gpu}; left out: {@code gpu} when the SLURM options request
 *                GPUs, else {@code auto}
 */
public record ComputeTarget(String name, TargetKind kind, String host, Integer port, String user, String identityFile,
        String knownHosts, String workDir, String java, List<String> setup, Map<String, String> env,
        SlurmSettings slurm, String device) {
    public static final String LOCAL_NAME = "local";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ComputeTarget {
        kind = kind == null ? TargetKind.LOCAL : kind;
        setup = setup == null ? List.of() : List.copyOf(setup);
        env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
        slurm = slurm == null ? SlurmSettings.defaults() : slurm;
        host = host == null || host.isBlank() ? null : host.strip();
    }

    /** The built-in target: this machine, as before targets existed. */
    public static ComputeTarget local() {
        return new ComputeTarget(LOCAL_NAME, TargetKind.LOCAL, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** Whether ReasonLab reaches the target over SSH (an SSH host, or a SLURM cluster's login host). */
    public boolean overSsh() {
        return host != null && kind != TargetKind.LOCAL;
    }

    public boolean isLocal() {
        return kind == TargetKind.LOCAL;
    }

    public int effectivePort() {
        return port == null ? 22 : port;
    }

    public String effectiveJava() {
        return java == null || java.isBlank() ? "java" : java.strip();
    }

    /** The device the trainer is asked for: explicit, else {@code gpu} when the job requests GPUs. */
    public String effectiveDevice() {
        if (device != null && !device.isBlank()) {
            return device.strip();
        }
        return kind == TargetKind.SLURM && slurm.requestsGpus() ? "gpu" : "auto";
    }

    /** A GPU target gets no CPU libtorch uploaded; its trainer runs with {@code --device gpu}. */
    public boolean usesGpu() {
        return "gpu".equals(effectiveDevice());
    }

    /** {@code user@host:port}, or "this machine". */
    public String address() {
        if (!overSsh()) {
            return "this machine";
        }
        return (user == null ? "" : user + "@") + host + (port == null ? "" : ":" + port);
    }

    /** What is wrong, each message naming the target and field; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String where = "target \"" + name + "\": ";
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("target \"" + name + "\": name must be 1-64 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit");
        }
        if (kind == TargetKind.SSH && host == null) {
            problems.add(where + "host is required for kind ssh");
        }
        if (port != null && (port < 1 || port > 65535)) {
            problems.add(where + "port must be from 1 to 65535, not " + port);
        }
        if (host != null && host.chars().anyMatch(c -> c <= ' ' || c == '\'' || c == '"')) {
            problems.add(where + "host must not contain spaces, quotes or control characters: \"" + host + "\"");
        }
        if (user != null && !user.isEmpty() && user.chars().anyMatch(c -> c <= ' ' || c == '@')) {
            problems.add(where + "user must not contain spaces, '@' or control characters: \"" + user + "\"");
        }
        if (kind != TargetKind.LOCAL) {
            if (workDir == null || workDir.isBlank()) {
                problems.add(where + "workDir is required (an absolute folder on the target, e.g."
                        + " /scratch/alice/reasonlab)");
            } else if (!workDir.startsWith("/") || RemotePaths.hasDotSegment(workDir)) {
                problems.add(where + "workDir must be an absolute path on the target without '.' or '..' parts, not \""
                        + workDir + "\"");
            } else if ("/".equals(RemotePaths.normalize(workDir))) {
                problems.add(where + "workDir must not be / itself");
            }
        }
        if (device != null && !device.isBlank() && !List.of("auto", "cpu", "gpu").contains(device.strip())) {
            problems.add(where + "device must be auto, cpu or gpu, not \"" + device + "\"");
        }
        for (String key : env.keySet()) {
            if (!ENV_NAME.matcher(key).matches()) {
                problems.add(where + "env: \"" + key + "\" is not a variable name");
            }
        }
        for (String line : setup) {
            if (line == null || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                problems.add(where + "setup: each entry is one line of shell");
            }
        }
        slurm.problems().forEach(p -> problems.add(where + p));
        return problems;
    }

    /** {@code identityFile} with {@code ~} expanded against the local home folder; null when not set. */
    public Path localIdentityFile() {
        return expandHome(identityFile);
    }

    public Path localKnownHosts() {
        return expandHome(knownHosts);
    }

    static Path expandHome(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String p = path.strip();
        if (p.equals("~") || p.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), p.substring(1).replaceFirst("^/", ""));
        }
        return Path.of(p);
    }
}
