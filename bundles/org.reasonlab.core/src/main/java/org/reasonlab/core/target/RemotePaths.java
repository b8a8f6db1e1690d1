package org.reasonlab.core.target;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths on a target (always {@code /}-separated): every folder ReasonLab writes is {@link #under} the target's
 * {@code workDir}, built from single names that cannot climb out of it.
 */
public final class RemotePaths {
    public static final String TRAINER = "trainer";
    public static final String RUNS = "runs";
    public static final String SWEEPS = "sweeps";

    private RemotePaths() {
    }

    /**
     * {@code root/name1/name2...}; each name must be one path segment (no {@code /}, not {@code .} or {@code ..},
     * no control characters).
     *
     * @throws IllegalArgumentException naming the segment that would leave {@code root}
     */
    public static String under(String root, String... names) {
        StringBuilder path = new StringBuilder(normalize(root));
        for (String name : names) {
            checkName(name);
            if (path.charAt(path.length() - 1) != '/') {
                path.append('/');
            }
            path.append(name);
        }
        return path.toString();
    }

    /** Whether {@code path} is {@code root} or inside it (both normalized, absolute). */
    public static boolean isInside(String path, String root) {
        String p = normalize(path);
        String r = normalize(root);
        return !hasDotSegment(path) && (p.equals(r) || p.startsWith(r.endsWith("/") ? r : r + "/"));
    }

    public static void checkName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("not a single file name on the target: \"" + name + "\"");
        }
    }

    /** Repeated and trailing slashes removed ({@code /a//b/} → {@code /a/b}). */
    public static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return (path.startsWith("/") ? "/" : "") + String.join("/", parts);
    }

    public static boolean hasDotSegment(String path) {
        for (String s : path.split("/")) {
            if (s.equals(".") || s.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The last segment of a path. */
    public static String fileName(String path) {
        String n = normalize(path);
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
