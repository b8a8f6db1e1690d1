package org.reasonlab.core.run;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** Something the trainer wants the user to read. */
public record MessageEvent(Instant time, Level level, String text) implements RunEvent {
    public static final String TYPE = "message";

    public enum Level {
        INFO, WARNING, ERROR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code info}, {@code warning} ({@code warn}) or {@code error}; anything else reads as info. */
        public static Level parse(String text) {
            return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
                case "warning", "warn" -> WARNING;
                case "error" -> ERROR;
                default -> INFO;
            };
        }
    }

    public MessageEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
