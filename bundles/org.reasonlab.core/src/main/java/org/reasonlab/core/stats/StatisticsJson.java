package org.reasonlab.core.stats;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Statistics as JSON, for {@code stats --json} and for tools. Shape:
 * <pre>
 * {"records":4500,"unparsedLines":0,"unlabelled":0,
 *  "labels":{"ethical":2250,...},"splits":{"train":0,...,"unassigned":4500},
 *  "labelsBySplit":{"train":{"ethical":0,...},...},
 *  "reasonWords":{"count":..,"min":..,"max":..,"mean":..,"median":..,"p10":..,"p90":..,
 *                 "histogram":{"binWidth":2,"counts":[..]}},
 *  "reasonChars":{..},"statementWords":{..},"emptyReasons":0,"multiLineReasons":0,
 *  "duplicateGroups":3,"duplicateRecords":4,"leakageGroups":0,
 *  "duplicates":[{"key":..,"occurrences":[{"id":..,"line":..,"split":..,"label":..,"statement":..}]}],
 *  "leakage":[..]}
 * </pre>
 * Null ids and labels are left out of an occurrence; {@code file} appears only when set.
 */
public final class StatisticsJson {

    private StatisticsJson() {
    }

    public static JsonObject toJson(DatasetStatistics s) {
        JsonObject o = new JsonObject();
        o.addProperty("records", s.records());
        o.addProperty("unparsedLines", s.unparsedLines());
        o.addProperty("unlabelled", s.unlabelled());
        o.add("labels", counts(s.labelCounts()));
        o.add("splits", counts(s.splitCounts()));
        JsonObject bySplit = new JsonObject();
        for (Map.Entry<String, Map<String, Integer>> e : s.labelsBySplit().entrySet()) {
            bySplit.add(e.getKey(), counts(e.getValue()));
        }
        o.add("labelsBySplit", bySplit);
        o.add("reasonWords", toJson(s.reasonWords()));
        o.add("reasonChars", toJson(s.reasonChars()));
        o.add("statementWords", toJson(s.statementWords()));
        o.addProperty("emptyReasons", s.emptyReasons());
        o.addProperty("multiLineReasons", s.multiLineReasons());
        o.addProperty("duplicateGroups", s.duplicates().size());
        o.addProperty("duplicateRecords", s.duplicateRecords());
        o.addProperty("leakageGroups", s.leakage().size());
        o.add("duplicates", toJson(s.duplicates()));
        o.add("leakage", toJson(s.leakage()));
        return o;
    }

    public static JsonObject toJson(LengthSummary l) {
        JsonObject o = new JsonObject();
        o.addProperty("count", l.count());
        o.addProperty("min", l.min());
        o.addProperty("max", l.max());
        o.addProperty("mean", Math.round(l.mean() * 100) / 100.0);
        o.addProperty("median", l.median());
        o.addProperty("p10", l.p10());
        o.addProperty("p90", l.p90());
        JsonObject h = new JsonObject();
        h.addProperty("binWidth", l.histogram().binWidth());
        JsonArray counts = new JsonArray();
        for (int c : l.histogram().counts()) {
            counts.add(c);
        }
        h.add("counts", counts);
        o.add("histogram", h);
        return o;
    }

    /** Duplicate or leakage groups (also for {@link CrossDatasetLeakage#between}). */
    public static JsonArray toJson(List<DuplicateGroup> groups) {
        JsonArray array = new JsonArray();
        for (DuplicateGroup g : groups) {
            array.add(toJson(g));
        }
        return array;
    }

    public static JsonObject toJson(DuplicateGroup group) {
        JsonObject o = new JsonObject();
        o.addProperty("key", group.key());
        JsonArray occurrences = new JsonArray();
        for (Occurrence oc : group.occurrences()) {
            occurrences.add(toJson(oc));
        }
        o.add("occurrences", occurrences);
        return o;
    }

    public static JsonObject toJson(Occurrence oc) {
        JsonObject o = new JsonObject();
        if (oc.file() != null) {
            o.addProperty("file", oc.file());
        }
        if (oc.recordId() != null) {
            o.addProperty("id", oc.recordId());
        }
        o.addProperty("line", oc.line());
        o.addProperty("split", oc.split());
        if (oc.label() != null) {
            o.addProperty("label", oc.label());
        }
        o.addProperty("statement", oc.statement());
        return o;
    }

    private static JsonObject counts(Map<String, Integer> counts) {
        JsonObject o = new JsonObject();
        counts.forEach(o::addProperty);
        return o;
    }
}
