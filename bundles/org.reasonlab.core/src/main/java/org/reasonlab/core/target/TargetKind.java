package org.reasonlab.core.target;

import java.util.Locale;
import java.util.Optional;

/** Where a run executes: this machine, a host over SSH (trainer started detached), or a SLURM job. */
public enum TargetKind {
    LOCAL,
    SSH,
    SLURM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TargetKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (TargetKind k : values()) {
            if (k.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
