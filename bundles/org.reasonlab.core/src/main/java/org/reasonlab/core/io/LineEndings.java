package org.reasonlab.core.io;

/**
 * Remembers a file's line separator, the line break of its first terminated line, which new lines
 * get, and whether its last line was terminated.
 */
final class LineEndings {
    private String separator;
    private boolean finalNewline = true;

    void observe(LineSplitter lines) {
        if (separator == null && lines.terminated()) {
            separator = lines.lineEnd();
        }
        finalNewline = lines.terminated();
    }

    String separator() {
        return separator == null ? "\n" : separator;
    }

    String separatorOr(String fallback) {
        return separator == null ? fallback : separator;
    }

    boolean finalNewline() {
        return finalNewline;
    }
}
