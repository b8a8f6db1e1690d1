package org.reasonlab.train.progress;

import java.time.Duration;
import java.util.Locale;

/** The time left for {@code total} units when {@code done} took {@code elapsed}, as people write it. */
public final class Eta {
    private Eta() {
    }

    /** {@code 1h 02m}, {@code 3m 05s}, {@code 12s}; {@code ?} before the first unit is done. */
    public static String of(long done, long total, Duration elapsed) {
        if (done <= 0 || total <= done) {
            return done <= 0 ? "?" : "0s";
        }
        long seconds = Math.round(elapsed.toMillis() / 1000.0 / done * (total - done));
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }
}
