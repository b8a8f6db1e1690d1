package org.reasonlab.core.io;

/**
 * Whether a scan of CSV bytes is inside a quoted field, carried across the physical lines of one row (a quoted
 * field may hold line breaks). A quote opens a field only at its start; a doubled quote inside is an escaped one.
 */
public final class CsvQuoteState {
    private boolean inQuotes;
    private boolean fieldStart = true;

    /** Scans {@code b[from, to)}, one physical line or part of it. */
    public void scan(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < to && b[i + 1] == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
            } else {
                fieldStart = c == ',';
            }
        }
        if (inQuotes) {
            fieldStart = false;
        }
    }

    /** Whether the bytes scanned so far end inside a quoted field: the row goes on on the next line. */
    public boolean inQuotes() {
        return inQuotes;
    }
}
