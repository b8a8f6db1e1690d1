package org.reasonlab.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the developers' {@code shared/} folder (beside the repository's root), which holds data
 * that must never be committed, such as the DFAR training set. A user's fresh clone has none, so
 * tests that need it skip instead of failing. The trainer's tests use this class too, from the core
 * module's test jar.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder: system property {@code reasonlab.shared}, else the first {@code shared/} found walking up from the working directory. */
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

    /** The DFAR training set (4,500 rows), or the test is skipped. */
    public static Path dfarTrainset() {
        return require("datasets/dfar/DFAR_trainset.csv");
    }
}
