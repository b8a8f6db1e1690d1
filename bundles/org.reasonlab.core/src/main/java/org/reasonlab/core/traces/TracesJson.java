package org.reasonlab.core.traces;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.reasonlab.core.model.DatasetRecord;

/** The JSON of the {@code traces} commands' results; figures that are undefined (no traces) are null. */
public final class TracesJson {
    private TracesJson() {
    }

    public static JsonObject statistics(TraceStatistics s) {
        JsonObject json = new JsonObject();
        json.addProperty("records", s.records());
        json.addProperty("traced", s.traced());
        json.addProperty("untraced", s.untraced());
        JsonObject counts = new JsonObject();
        for (Correctness c : Correctness.values()) {
            counts.addProperty(c.id(), s.count(c));
        }
        json.add("correctness", counts);
        JsonObject lengths = new JsonObject();
        lengths.add("all", distribution(s.lengths()));
        for (Correctness c : Correctness.values()) {
            lengths.add(c.id(), distribution(s.lengthsByCorrectness().get(c)));
        }
        json.add("lengthWords", lengths);
        JsonObject buckets = new JsonObject();
        buckets.addProperty("scheme", s.buckets().scheme());
        JsonArray list = new JsonArray();
        for (LengthBuckets.Bucket b : s.buckets().buckets()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", b.name());
            o.addProperty("minWords", b.min());
            o.add("maxWords", b.max() == null ? JsonNull.INSTANCE : new JsonPrimitive(b.max()));
            o.addProperty("traces", s.bucketTotal(b.name()));
            for (Correctness c : Correctness.values()) {
                o.addProperty(c.id(), s.bucketCounts().get(b.name()).get(c));
            }
            list.add(o);
        }
        buckets.add("buckets", list);
        json.add("buckets", buckets);
        return json;
    }

    public static JsonObject distribution(LengthDistribution d) {
        JsonObject o = new JsonObject();
        o.addProperty("count", d.count());
        boolean defined = d.count() > 0;
        o.add("min", defined ? new JsonPrimitive(d.min()) : JsonNull.INSTANCE);
        o.add("q1", defined ? new JsonPrimitive(d.q1()) : JsonNull.INSTANCE);
        o.add("median", defined ? new JsonPrimitive(d.median()) : JsonNull.INSTANCE);
        o.add("q3", defined ? new JsonPrimitive(d.q3()) : JsonNull.INSTANCE);
        o.add("max", defined ? new JsonPrimitive(d.max()) : JsonNull.INSTANCE);
        o.add("mean", defined ? new JsonPrimitive(d.mean()) : JsonNull.INSTANCE);
        return o;
    }

    /** Records as {@code {"id": ..., "line": ...}}. */
    public static JsonArray records(List<DatasetRecord> records) {
        JsonArray array = new JsonArray();
        for (DatasetRecord r : records) {
            JsonObject o = new JsonObject();
            o.add("id", r.id() == null ? JsonNull.INSTANCE : new JsonPrimitive(r.id()));
            o.addProperty("line", r.sourceLine());
            array.add(o);
        }
        return array;
    }

    /** Traces as {@code {"id": ..., "line": ...}}. */
    public static JsonArray traces(List<Trace> traces) {
        JsonArray array = new JsonArray();
        for (Trace t : traces) {
            JsonObject o = new JsonObject();
            o.addProperty("id", t.id());
            o.addProperty("line", t.line());
            array.add(o);
        }
        return array;
    }

    public static JsonObject dropped(TraceFilter.Result result) {
        JsonObject o = new JsonObject();
        for (DropReason reason : DropReason.values()) {
            o.addProperty(reason.id(), result.dropped().get(reason));
        }
        return o;
    }
}
