package org.reasonlab.core.agreement;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * An agreement report as JSON, for {@code agreement --json} and for tools. Shape:
 * <pre>
 * {"records":50,"items":50,"pairableItems":50,"ratings":100,"annotators":["a","b"],
 *  "percentAgreement":{"value":0.7,"items":50},"fleissKappa":{..},"krippendorffAlpha":{..},
 *  "pairs":[{"annotatorA":"a","annotatorB":"b","items":50,"agreements":35,"observedAgreement":0.7,
 *            "kappa":{"value":0.4,"items":50}}],
 *  "labels":[{"label":"ethical","ratings":55,"finalLabels":25},..],
 *  "finalDiffersFromMajority":0,
 *  "disagreements":[{"id":"s1","entryIndex":0,"line":1,"finalLabel":"ethical","majorityLabel":null,
 *                    "finalDiffersFromMajority":false,
 *                    "ratings":[{"annotator":"a","label":"ethical","reason":".."},..]}]}
 * </pre>
 * An undefined coefficient has {@code "value":null} and its reason in {@code "undefined"};
 * {@code "notice"} appears only when agreement cannot be measured. Null ids, labels and reasons
 * are written as null.
 */
public final class AgreementJson {
    private AgreementJson() {
    }

    public static JsonObject toJson(AgreementReport report) {
        JsonObject o = new JsonObject();
        o.addProperty("records", report.records());
        o.addProperty("items", report.items());
        o.addProperty("pairableItems", report.pairableItems());
        o.addProperty("ratings", report.ratings());
        JsonArray annotators = new JsonArray();
        report.annotators().forEach(annotators::add);
        o.add("annotators", annotators);
        if (report.notice() != null) {
            o.addProperty("notice", report.notice());
        }
        o.add("percentAgreement", toJson(report.percentAgreement()));
        o.add("fleissKappa", toJson(report.fleissKappa()));
        o.add("krippendorffAlpha", toJson(report.krippendorffAlpha()));
        JsonArray pairs = new JsonArray();
        for (PairAgreement p : report.pairs()) {
            JsonObject pair = new JsonObject();
            pair.addProperty("annotatorA", p.annotatorA());
            pair.addProperty("annotatorB", p.annotatorB());
            pair.addProperty("items", p.items());
            pair.addProperty("agreements", p.agreements());
            pair.add("observedAgreement", number(p.observedAgreement()));
            pair.add("kappa", toJson(p.kappa()));
            pairs.add(pair);
        }
        o.add("pairs", pairs);
        JsonArray labels = new JsonArray();
        for (LabelCount c : report.labelCounts()) {
            JsonObject label = new JsonObject();
            label.addProperty("label", c.label());
            label.addProperty("ratings", c.ratings());
            label.addProperty("finalLabels", c.finalLabels());
            labels.add(label);
        }
        o.add("labels", labels);
        o.addProperty("finalDiffersFromMajority", report.finalDiffersFromMajority());
        JsonArray disagreements = new JsonArray();
        report.disagreements().forEach(d -> disagreements.add(toJson(d)));
        o.add("disagreements", disagreements);
        return o;
    }

    public static JsonObject toJson(Coefficient c) {
        JsonObject o = new JsonObject();
        o.add("value", number(c.value()));
        o.addProperty("items", c.items());
        if (!c.isDefined()) {
            o.addProperty("undefined", c.undefinedReason());
        }
        return o;
    }

    public static JsonObject toJson(Disagreement d) {
        JsonObject o = new JsonObject();
        o.addProperty("id", d.recordId());
        o.addProperty("entryIndex", d.entryIndex());
        o.addProperty("line", d.line());
        o.addProperty("finalLabel", d.finalLabel());
        o.addProperty("majorityLabel", d.majorityLabel());
        o.addProperty("finalDiffersFromMajority", d.finalDiffersFromMajority());
        JsonArray ratings = new JsonArray();
        for (Rating r : d.ratings()) {
            JsonObject rating = new JsonObject();
            rating.addProperty("annotator", r.annotator());
            rating.addProperty("label", r.label());
            rating.addProperty("reason", r.reason());
            ratings.add(rating);
        }
        o.add("ratings", ratings);
        return o;
    }

    /** JSON has no NaN: an undefined number is null. */
    private static JsonElement number(double value) {
        return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
    }
}
