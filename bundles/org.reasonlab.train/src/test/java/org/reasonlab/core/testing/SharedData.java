package org.reasonlab.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The trainer's copy of the core's test helper of the same name (test classes do not travel between
 * bundles in the Tycho build): finds the developers' {@code shared/} folder beside the repository,
 * which holds models and data that must never be committed; tests that need it skip without it.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Optional<Path> root() {
        String property = System.getProperty("reasonlab.shared");
        if (property != null) {
            Path p = Path.of(property);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("datasets")) || Files.isDirectory(candidate.resolve("models"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A file or folder under the shared folder; the calling test is skipped when it is absent. */
    public static Path require(String relative) {
        Optional<Path> file = root().map(r -> r.resolve(relative)).filter(Files::exists);
        Assumptions.assumeTrue(file.isPresent(), "shared/" + relative + " is not present; skipping");
        return file.get();
    }
}
