package org.reasonlab.core.io;

/**
 * Remembers a file's line separator, the line break of its first terminated line, which new lines
 * get, and whether its last entry (record, unreadable line, or CSV header) was terminated; blank
 * lines after it are not kept, its own line break is.
 */
final class LineEndings {
    private String separator;
    private boolean finalNewline = true;

    void observe(LineSplitter lines) {
        if (separator == null && lines.terminated()) {
            separator = lines.lineEnd();
        }
    }

    /** @param lineEnd the line break after an entry, null if the input ended with it */
    void entry(String lineEnd) {
        finalNewline = lineEnd != null;
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
