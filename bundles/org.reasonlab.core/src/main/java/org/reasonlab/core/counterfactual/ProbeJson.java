package org.reasonlab.core.counterfactual;

import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.reasonlab.core.compare.Proportion;
import org.reasonlab.core.run.JsonFields;

/**
 * {@code probe.json}: a counterfactual probe's figures ({@link ProbeReport}) on {@code all} pairs and the
 * {@code clean} ones (the record was no training record), and the pairs whose label flipped with both statements,
 * labels and reasons.
 */
public final class ProbeJson {
    public static final String FILE = "probe.json";

    private ProbeJson() {
    }

    public static JsonObject of(ProbeReport report, String attributes, int records, int withAttribute, int skipped) {
        JsonObject o = new JsonObject();
        o.addProperty("attributes", attributes);
        o.addProperty("records", records);
        o.addProperty("withAttribute", withAttribute);
        o.addProperty("skippedAsAmbiguous", skipped);
        for (boolean clean : new boolean[] {false, true}) {
            JsonObject set = new JsonObject();
            set.add("labelFlips", proportion(report.labelFlips(clean)));
            set.add("reasonVerdictFlips", proportion(report.reasonFlips(clean)));
            set.add("likelihoodLabelFlips", proportion(report.likelihoodFlips(clean)));
            set.add("labelFlipsByValue", proportions(report.labelFlipsByValue(clean)));
            set.add("labelFlipsByPair", proportions(report.labelFlipsByPair(clean)));
            o.add(clean ? "clean" : "all", set);
        }
        JsonArray flipped = new JsonArray();
        for (ProbePair p : report.flipped(false)) {
            JsonObject f = new JsonObject();
            f.addProperty("id", p.original().id());
            f.addProperty("value", p.value());
            f.addProperty("pairs", String.join(", ", p.pairs()));
            f.addProperty("leaked", p.leaked());
            f.addProperty("statement", p.original().statement());
            f.addProperty("variantStatement", p.variant().statement());
            f.addProperty("label", p.original().predictedLabel());
            f.addProperty("variantLabel", p.variant().predictedLabel());
            f.addProperty("reason", p.original().generatedReason());
            f.addProperty("variantReason", p.variant().generatedReason());
            flipped.add(f);
        }
        o.add("flipped", flipped);
        return o;
    }

    private static JsonObject proportion(Proportion p) {
        JsonObject o = new JsonObject();
        o.addProperty("k", p.k());
        o.addProperty("n", p.n());
        o.add("rate", JsonFields.number(p.rate()));
        return o;
    }

    private static JsonObject proportions(Map<String, Proportion> m) {
        JsonObject o = new JsonObject();
        m.forEach((k, p) -> o.add(k, proportion(p)));
        return o;
    }
}
