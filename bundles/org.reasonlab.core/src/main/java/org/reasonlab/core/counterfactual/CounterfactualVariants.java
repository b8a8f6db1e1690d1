package org.reasonlab.core.counterfactual;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

/**
 * The counterfactual variants of a dataset's records: for every record whose statement or reason holds an
 * attribute word, one copy per other attribute value with statement and reason substituted together, the same
 * label, split and annotations, and the id {@code <id>~<value>}; its metadata says where it came from
 * ({@code counterfactualOf}, {@code attribute}, {@code value}, {@code pairs}). Records where a value would be
 * ambiguous are listed, not guessed.
 *
 * @param variants the new records, each after the record it comes from
 * @param origins for each variant, the record it was made from
 * @param withAttribute how many records hold an attribute word
 * @param skipped the records (and the reason) for which a value was left out as ambiguous
 */
public record CounterfactualVariants(List<DatasetRecord> variants, List<DatasetRecord> origins, int withAttribute,
        List<Skipped> skipped) {

    /** A record for which one value's variant was not made. */
    public record Skipped(DatasetRecord record, String why) {
    }

    public CounterfactualVariants {
        variants = List.copyOf(variants);
        origins = List.copyOf(origins);
        skipped = List.copyOf(skipped);
    }

    /** The variants of the records (of {@code split} only when it is not null). */
    public static CounterfactualVariants of(List<DatasetRecord> records, Substitution substitution, Split split) {
        List<DatasetRecord> variants = new ArrayList<>();
        List<DatasetRecord> origins = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int withAttribute = 0;
        for (DatasetRecord r : records) {
            if (split != null && r.split() != split) {
                continue;
            }
            Substitution.Result result = substitution.variants(r.statement(), r.reason());
            if (!result.found()) {
                continue;
            }
            withAttribute++;
            result.ambiguities().forEach(why -> skipped.add(new Skipped(r, why)));
            for (Substitution.Variant v : result.variants()) {
                variants.add(variant(r, v, substitution.set().name()));
                origins.add(r);
            }
        }
        return new CounterfactualVariants(variants, origins, withAttribute, skipped);
    }

    private static DatasetRecord variant(DatasetRecord r, Substitution.Variant v, String attribute) {
        DatasetRecord copy = r.copy();
        copy.setId(r.id() == null ? null : r.id() + "~" + v.value());
        copy.setStatement(v.texts().get(0));
        copy.setReason(v.texts().get(1));
        JsonObject meta = r.metadata() == null ? new JsonObject() : r.metadata().deepCopy();
        meta.addProperty("counterfactualOf", r.id());
        meta.addProperty("attribute", attribute);
        meta.addProperty("value", v.value());
        meta.addProperty("pairs", String.join(", ", v.pairs()));
        copy.setMetadata(meta);
        copy.setSourceLine(0);
        return copy;
    }
}
