package org.reasonlab.core.edit;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;

/** Ids for records added in the editor, in the style the dataset already uses. */
public final class RecordIds {
    private static final Pattern PREFIX_NUMBER = Pattern.compile("(.*?)(\\d+)");

    private RecordIds() {
    }

    /**
     * The next free id: if ids look like PREFIX + number (e.g. {@code s050}, {@code dfar-12}), the
     * prefix of the last such id with the highest number plus one, zero-padded to the same width;
     * otherwise {@code new-1}, {@code new-2}, ...; never an id already in use.
     */
    public static String next(Dataset dataset) {
        Set<String> used = new HashSet<>();
        String prefix = null;
        long max = 0;
        int width = 1;
        for (DatasetRecord r : (Iterable<DatasetRecord>) dataset.recordStream()::iterator) {
            if (r.id() == null) {
                continue;
            }
            used.add(r.id());
            Matcher m = PREFIX_NUMBER.matcher(r.id());
            if (m.matches() && m.group(2).length() < 18) {
                long n = Long.parseLong(m.group(2));
                if (prefix == null || n >= max) {
                    prefix = m.group(1);
                    max = n;
                    width = m.group(2).length();
                }
            }
        }
        if (prefix == null) {
            prefix = "new-";
        }
        for (long n = max + 1;; n++) {
            String candidate = prefix + String.format("%0" + width + "d", n);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }
}
