package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.edit.RecordQuery;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.text.TextHygiene;
import org.reasonlab.core.validate.ProblemKind;

/** The outline's tree: splits, and per split the labels, each with its record count and the filter that shows it. */
final class OutlineCounts {
    /** A node of the tree; {@code query} is what selecting it filters to. */
    record Node(String name, int count, RecordQuery query, List<Node> children) {
        @Override
        public String toString() {
            return String.format("%s (%,d)", name, count);
        }
    }

    private OutlineCounts() {
    }

    static List<Node> of(Dataset dataset) {
        List<String> labels = dataset.schema().names();
        // slot per split + one for "no split"; per slot the counts per label index, then unlabelled, then unknown
        int slots = Split.values().length + 1;
        int[][] counts = new int[slots][labels.size() + 2];
        Map<String, Integer> unknown = new LinkedHashMap<>();
        int unparsed = 0;
        for (DatasetEntry e : dataset.entries()) {
            if (!(e instanceof DatasetRecord r)) {
                unparsed++;
                continue;
            }
            int slot = r.split() == null ? slots - 1 : r.split().ordinal();
            if (TextHygiene.isBlank(r.label())) {
                counts[slot][labels.size()]++;
            } else {
                int i = labels.indexOf(r.label());
                counts[slot][i >= 0 ? i : labels.size() + 1]++;
                if (i < 0) {
                    unknown.merge(r.label(), 1, Integer::sum);
                }
            }
        }
        List<Node> roots = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            boolean none = slot == slots - 1;
            Split split = none ? null : Split.values()[slot];
            RecordQuery splitQuery = RecordQuery.ALL.withSplit(split, none);
            List<Node> children = new ArrayList<>();
            int total = 0;
            for (int l = 0; l < labels.size(); l++) {
                total += counts[slot][l];
                children.add(new Node(labels.get(l), counts[slot][l], splitQuery.withLabel(labels.get(l)), List.of()));
            }
            if (counts[slot][labels.size()] > 0) {
                total += counts[slot][labels.size()];
                children.add(new Node("(unlabelled)", counts[slot][labels.size()],
                        splitQuery.withLabel(RecordQuery.UNLABELLED), List.of()));
            }
            if (counts[slot][labels.size() + 1] > 0) {
                total += counts[slot][labels.size() + 1];
                children.add(new Node("(other labels)", counts[slot][labels.size() + 1], splitQuery, List.of()));
            }
            if (total > 0 || !none) {
                roots.add(new Node(none ? "(no split)" : split.id(), total, splitQuery, children));
            }
        }
        if (unparsed > 0) {
            roots.add(new Node("Unparsed lines", unparsed,
                    RecordQuery.ALL.withProblem(ProblemKind.PARSE_ERROR, false), List.of()));
        }
        return roots;
    }
}
