package org.reasonlab.core.io;

import java.util.HashMap;
import java.util.Map;

import org.reasonlab.core.model.LabelSchema;

/**
 * Resolves label text through a schema, caching by exact text so that each record shares the
 * schema's canonical String instead of holding its own copy.
 */
final class LabelResolver {
    private static final int MAX_CACHED = 1024;

    private final LabelSchema schema;
    private final Map<String, String> cache = new HashMap<>();
    private final String expected;

    LabelResolver(LabelSchema schema) {
        this.schema = schema;
        this.expected = String.join(", ", schema.names());
    }

    /** The canonical name, or null if the schema does not know the text. */
    String resolve(String text) {
        String cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        String canonical = schema.resolve(text).orElse(null);
        if (canonical != null && cache.size() < MAX_CACHED) {
            cache.put(text, canonical);
        }
        return canonical;
    }

    String unknownLabelMessage(String text) {
        return "unknown label '" + text + "'; expected one of " + expected;
    }
}
