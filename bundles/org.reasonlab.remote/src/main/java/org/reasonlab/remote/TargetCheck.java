package org.reasonlab.remote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.ShellQuote;
import org.reasonlab.core.target.TargetKind;
import org.reasonlab.remote.slurm.Slurm;

/**
 * "Check target" of the launch dialog: whether the target can run the configured run. Each line says what was
 * checked and what was found; nothing is written on the target.
 */
public final class TargetCheck {
    /** One finding: {@code ok} or a problem, in words. */
    public record Finding(boolean ok, String text) {
        @Override
        public String toString() {
            return (ok ? "OK  " : "NO  ") + text;
        }
    }

    private TargetCheck() {
    }

    /**
     * Checks Java 21+, the workDir, the model folder (unless {@code tiny}) and, on SLURM, the commands and partition.
     *
     * @param connection an open connection (connecting is the first check, made by the caller)
     * @param model      the model path on the target, or {@code tiny}
     */
    public static List<Finding> run(Connection connection, ComputeTarget target, String model) {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(true, "connected to " + connection.where()));
        try {
            findings.add(new Finding(true, Submission.checkJava(connection, target)));
        } catch (IOException e) {
            findings.add(new Finding(false, e.getMessage()));
        }
        findings.add(workDir(connection, target));
        if (model != null && !model.isBlank() && !RunSpec.TINY_MODEL.equals(model)) {
            findings.add(model(connection, model));
        }
        if (target.kind() == TargetKind.SLURM) {
            Slurm slurm = new Slurm(connection);
            try {
                findings.add(new Finding(true, slurm.version()));
                String partition = target.slurm().partition();
                if (partition != null && !partition.isBlank()) {
                    findings.add(slurm.hasPartition(partition) ? new Finding(true, "partition " + partition + " exists")
                            : new Finding(false, "no partition " + partition + " (sinfo -p " + partition + ")"));
                }
            } catch (IOException e) {
                findings.add(new Finding(false, "SLURM's commands do not answer: " + e.getMessage()));
            }
        }
        return findings;
    }

    private static Finding workDir(Connection connection, ComputeTarget target) {
        try {
            String dir = target.workDir();
            var r = connection.run("if [ -d " + ShellQuote.quote(dir) + " ]; then test -w " + ShellQuote.quote(dir)
                    + "; else d=" + ShellQuote.quote(dir) + "; while [ ! -d \"$d\" ]; do d=$(dirname \"$d\"); done;"
                    + " test -w \"$d\"; fi");
            return r.ok() ? new Finding(true, "workDir " + dir + " is writable (or can be created)")
                    : new Finding(false, "workDir " + dir + " cannot be written");
        } catch (IOException e) {
            return new Finding(false, e.getMessage());
        }
    }

    private static Finding model(Connection connection, String model) {
        try {
            String m = ShellQuote.quote(model);
            var r = connection.run("cd -- " + m + " 2>/dev/null || { echo 'not a folder'; exit 1; };"
                    + " for f in config.json tokenizer.json; do [ -f \"$f\" ] || { echo \"no $f\"; exit 1; }; done;"
                    + " ls *.safetensors pytorch_model*.bin >/dev/null 2>&1 || { echo 'no weights (*.safetensors)';"
                    + " exit 1; }");
            return r.ok() ? new Finding(true, "model folder " + model + " has config.json, tokenizer.json and weights")
                    : new Finding(false, "model folder " + model + ": " + r.stdout().strip());
        } catch (IOException e) {
            return new Finding(false, e.getMessage());
        }
    }
}
