package org.reasonlab.core.io;

import java.io.IOException;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.DatasetRecord;

/** Writes a record as one canonical JSONL line (without the line separator). */
final class JsonlWriter {
    private JsonlWriter() {
    }

    static void writeRecord(Utf8Output out, DatasetRecord r) throws IOException {
        out.writeByte('{');
        boolean first = true;
        first = field(out, first, "id", r.id());
        first = field(out, first, "statement", r.statement());
        first = field(out, first, "label", r.label());
        first = field(out, first, "reason", r.reason());
        first = field(out, first, "split", r.split() == null ? null : r.split().id());
        if (!r.annotations().isEmpty()) {
            first = name(out, first, "annotations");
            writeAnnotations(out, r.annotations());
        }
        if (r.metadata() != null) {
            first = name(out, first, "metadata");
            JsonText.writeObject(out, r.metadata());
        }
        JsonObject extra = r.extra();
        if (extra != null) {
            for (var e : extra.entrySet()) {
                first = name(out, first, e.getKey());
                JsonText.writeValue(out, e.getValue());
            }
        }
        out.writeByte('}');
    }

    static void writeAnnotations(Utf8Output out, List<Annotation> annotations) throws IOException {
        out.writeByte('[');
        for (int i = 0; i < annotations.size(); i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            Annotation a = annotations.get(i);
            out.writeByte('{');
            boolean first = field(out, true, "annotator", a.annotator());
            first = field(out, first, "label", a.label());
            first = field(out, first, "reason", a.reason());
            field(out, first, "time", a.time());
            out.writeByte('}');
        }
        out.writeByte(']');
    }

    /** Annotations as the JSON array text used in CSV cells. */
    static String annotationsText(List<Annotation> annotations) {
        JsonArray array = new JsonArray();
        for (Annotation a : annotations) {
            JsonObject o = new JsonObject();
            o.addProperty("annotator", a.annotator());
            if (a.label() != null) {
                o.addProperty("label", a.label());
            }
            if (a.reason() != null) {
                o.addProperty("reason", a.reason());
            }
            if (a.time() != null) {
                o.addProperty("time", a.time());
            }
            array.add(o);
        }
        return JsonText.toText(array);
    }

    private static boolean field(Utf8Output out, boolean first, String name, String value) throws IOException {
        if (value == null) {
            return first;
        }
        name(out, first, name);
        JsonText.writeString(out, value);
        return false;
    }

    private static boolean name(Utf8Output out, boolean first, String name) throws IOException {
        if (!first) {
            out.writeByte(',');
        }
        JsonText.writeString(out, name);
        out.writeByte(':');
        return false;
    }
}
