package org.reasonlab.core.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * A strict {@link JsonReader} that refuses JSON whose values could not be written back as they were
 * read, so that the reader keeps such a line verbatim instead of changing it on save: a string with
 * an unpaired surrogate escape such as {@code "\ud800"}, which is no Unicode character and has no
 * UTF-8 form, and a key that appears twice in one object, of which a {@code JsonObject} or a record
 * would keep only one value.
 */
final class LosslessJsonReader extends JsonReader {
    /** Reads nested values (metadata, unknown fields) keeping numbers as written. */
    static final TypeAdapter<JsonElement> JSON_VALUE = new Gson().getAdapter(JsonElement.class);

    /** Why the value just read would not survive a save; its message is for a person. */
    static final class LossyValueException extends IOException {
        private static final long serialVersionUID = 1L;

        LossyValueException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // thrown for bad input only, and caught
        }
    }

    /** The keys read so far in each object that is open, innermost last. */
    private final Deque<ObjectKeys> openObjects = new ArrayDeque<>();

    /** The keys of one object: most objects have a few, found faster in an array than in a hash set. */
    private static final class ObjectKeys {
        private static final int FEW = 16;
        private final String[] few = new String[FEW];
        private int count;
        private Set<String> many;

        /** False if the object already has the key. */
        boolean add(String key) {
            if (many != null) {
                return many.add(key);
            }
            for (int i = 0; i < count; i++) {
                if (few[i].equals(key)) {
                    return false;
                }
            }
            if (count < FEW) {
                few[count++] = key;
                return true;
            }
            many = new HashSet<>(Arrays.asList(few));
            return many.add(key);
        }
    }

    private final boolean escapes;

    LosslessJsonReader(Reader in) {
        this(in, true);
    }

    /**
     * @param escapes false when the text holds no {@code \\u} escape: its strings then hold no unpaired surrogate
     *        (valid UTF-8 cannot encode one), and are not searched for them
     */
    LosslessJsonReader(Reader in, boolean escapes) {
        super(in);
        this.escapes = escapes;
        setStrictness(Strictness.STRICT);
    }

    /** The text as one JSON value, or null if it is not one, or would not read without loss. */
    static JsonElement parseOrNull(String text) {
        try {
            JsonReader reader = new LosslessJsonReader(new StringReader(text));
            JsonElement value = JSON_VALUE.read(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? value : null;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void beginObject() throws IOException {
        super.beginObject();
        openObjects.addLast(new ObjectKeys());
    }

    @Override
    public void endObject() throws IOException {
        super.endObject();
        openObjects.removeLast();
    }

    @Override
    public String nextString() throws IOException {
        return checked(super.nextString());
    }

    @Override
    public String nextName() throws IOException {
        String name = checked(super.nextName());
        if (!openObjects.getLast().add(name)) {
            String path = getPath(); // the object's path, then "." and the name
            String object = path.substring(0, Math.max(1, path.length() - name.length() - 1));
            throw new LossyValueException("duplicate key '" + name + "'" + (object.equals("$") ? "" : " in "
                    + object.substring(2)) + ": reading the object would keep one of its values and lose the others");
        }
        return name;
    }

    private String checked(String text) throws LossyValueException {
        int bad = escapes ? firstUnpairedSurrogate(text) : -1;
        if (bad >= 0) {
            throw new LossyValueException(String.format("unpaired surrogate \\u%04x in a string: half of a UTF-16 pair "
                    + "without the other half is no Unicode character, so it cannot be saved", (int) text.charAt(bad)));
        }
        return text;
    }

    /** The index of the first surrogate that is not part of a high-low pair, or -1. */
    static int firstUnpairedSurrogate(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }
}
