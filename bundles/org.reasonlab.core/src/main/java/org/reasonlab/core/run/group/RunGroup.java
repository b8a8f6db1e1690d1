package org.reasonlab.core.run.group;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A set of runs compared together: the seeds and modes of a sweep, or runs the user selected.
 *
 * @param file the group file ({@code <name>.group.json}); its folder is where member paths are relative to
 * @param name the group's name, the file's name without {@link RunGroupFile#SUFFIX}
 * @param origin how the group was made
 * @param created when
 * @param members the member run folders, absolute, in the file's order
 */
public record RunGroup(Path file, String name, Origin origin, Instant created, List<Path> members) {
    /** How a group was made. */
    public enum Origin {
        /** A sweep launch: one run per seed and mode. */
        SWEEP("sweep"),
        /** Runs chosen by the user. */
        SELECTION("selection");

        private final String id;

        Origin(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Origin parse(String text) {
            for (Origin o : values()) {
                if (o.id.equals(text)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("origin must be sweep or selection, not '" + text + "'");
        }
    }

    public RunGroup {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(created, "created");
        members = List.copyOf(members);
    }

    /** A new group named {@code name} in {@code folder}, whose members are given absolute or relative to it. */
    public static RunGroup of(Path folder, String name, Origin origin, Instant created, List<Path> members) {
        Path dir = folder.toAbsolutePath().normalize();
        return new RunGroup(dir.resolve(name + RunGroupFile.SUFFIX), name, origin, created,
                members.stream().map(m -> dir.resolve(m).normalize()).toList());
    }

    /** The folder the group file lies in. */
    public Path folder() {
        return file.toAbsolutePath().normalize().getParent();
    }

    public boolean contains(Path runFolder) {
        Path p = runFolder.toAbsolutePath().normalize();
        return members.contains(p);
    }
}
