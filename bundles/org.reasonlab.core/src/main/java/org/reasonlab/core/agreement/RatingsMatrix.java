package org.reasonlab.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;

/**
 * Who gave which label to which record, stored sparsely (one row of ratings per record), so that
 * many annotators who each label a few records cost no more than a few annotators who label all.
 * <ul>
 * <li>Items are the records with at least one labelled annotation, in file order.</li>
 * <li>Annotators are all names that labelled something, sorted by name; an annotator who did not
 * label a record is missing for it.</li>
 * <li>Labels are resolved through the dataset's {@link LabelSchema} (so aliases such as {@code 0}
 * and {@code ethical} are the same value); text the schema does not know is compared as written,
 * trimmed. The label list holds the schema's labels in schema order, then unknown labels in order
 * of first appearance, a record's ratings before its final label (records without ratings are
 * not looked at).</li>
 * <li>An annotation with a null or blank label is not a rating.</li>
 * <li>An annotator with several labelled annotations on one record: the last one in the record's
 * list wins, as annotations are listed in the order they were made and a later one revises an
 * earlier judgement.</li>
 * </ul>
 */
public final class RatingsMatrix {

    /** A record's ratings, ordered by annotator index. */
    public static final class Item {
        private final DatasetRecord record;
        private final int entryIndex;
        private final int finalLabel;
        private final int[] annotators;
        private final int[] labels;
        private final Annotation[] annotations;

        Item(DatasetRecord record, int entryIndex, int finalLabel, int[] annotators, int[] labels,
                Annotation[] annotations) {
            this.record = record;
            this.entryIndex = entryIndex;
            this.finalLabel = finalLabel;
            this.annotators = annotators;
            this.labels = labels;
            this.annotations = annotations;
        }

        /** The record as it was when the matrix was built. */
        public DatasetRecord record() {
            return record;
        }

        public String recordId() {
            return record.id();
        }

        /** The record's position in {@link Dataset#entries()}. */
        public int entryIndex() {
            return entryIndex;
        }

        /** The index of the record's final label in {@link RatingsMatrix#labels()}, or -1 when it has none. */
        public int finalLabel() {
            return finalLabel;
        }

        public int ratingCount() {
            return annotators.length;
        }

        /** The annotator index of the k-th rating. */
        public int annotator(int k) {
            return annotators[k];
        }

        /** The label index of the k-th rating. */
        public int label(int k) {
            return labels[k];
        }

        /** The annotation behind the k-th rating, for its reason and time. */
        public Annotation annotation(int k) {
            return annotations[k];
        }
    }

    /** Returned by {@link #value} where an annotator did not label a record. */
    public static final int MISSING = -1;

    private final List<String> annotators;
    private final List<String> labels;
    private final List<Item> items;

    private RatingsMatrix(List<String> annotators, List<String> labels, List<Item> items) {
        this.annotators = annotators;
        this.labels = labels;
        this.items = items;
    }

    public static RatingsMatrix of(Dataset dataset) {
        return new Builder(dataset.schema()).build(dataset.entries());
    }

    /** Annotator names, sorted. */
    public List<String> annotators() {
        return annotators;
    }

    /** Label names: the schema's, then unknown ones in order of first appearance. */
    public List<String> labels() {
        return labels;
    }

    public List<Item> items() {
        return items;
    }

    /** The label index annotator {@code annotator} gave item {@code item}, or {@link #MISSING}. */
    public int value(int item, int annotator) {
        Item row = items.get(item);
        int k = Arrays.binarySearch(row.annotators, annotator);
        return k >= 0 ? row.labels[k] : MISSING;
    }

    /** The label name annotator {@code annotator} gave item {@code item}, or null when missing. */
    public String label(int item, int annotator) {
        int value = value(item, annotator);
        return value == MISSING ? null : labels.get(value);
    }

    /** The label an annotation counts as, or null when it has none. */
    static String resolve(LabelSchema schema, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return schema.resolve(text).orElse(text.strip());
    }

    private static final class Builder {
        private final LabelSchema schema;
        private final Map<String, Integer> labelIndex = new LinkedHashMap<>();
        /** Annotator ids in order of first appearance; remapped to sorted order at the end. */
        private final Map<String, Integer> annotatorIndex = new HashMap<>();
        /** Per annotator id: the item number it last rated, and where in that item's row. */
        private int[] lastItem = new int[16];
        private int[] slot = new int[16];

        Builder(LabelSchema schema) {
            this.schema = schema;
            for (String name : schema.names()) {
                labelIndex.put(name, labelIndex.size());
            }
        }

        RatingsMatrix build(List<DatasetEntry> entries) {
            Arrays.fill(lastItem, -1);
            List<Item> items = new ArrayList<>();
            int[] rowAnnotators = new int[8];
            int[] rowLabels = new int[8];
            Annotation[] rowAnnotations = new Annotation[8];
            for (int e = 0; e < entries.size(); e++) {
                if (!(entries.get(e) instanceof DatasetRecord record) || record.annotations().isEmpty()) {
                    continue;
                }
                int itemNumber = items.size();
                int size = 0;
                for (Annotation a : record.annotations()) {
                    String label = resolve(schema, a.label());
                    if (label == null) {
                        continue;
                    }
                    int id = annotatorId(a.annotator());
                    int k;
                    if (lastItem[id] == itemNumber) {
                        k = slot[id];
                    } else {
                        if (size == rowAnnotators.length) {
                            rowAnnotators = Arrays.copyOf(rowAnnotators, size * 2);
                            rowLabels = Arrays.copyOf(rowLabels, size * 2);
                            rowAnnotations = Arrays.copyOf(rowAnnotations, size * 2);
                        }
                        k = size++;
                        lastItem[id] = itemNumber;
                        slot[id] = k;
                    }
                    rowAnnotators[k] = id;
                    rowLabels[k] = labelId(label);
                    rowAnnotations[k] = a;
                }
                if (size > 0) {
                    String finalLabel = resolve(schema, record.label());
                    items.add(new Item(record, e, finalLabel == null ? -1 : labelId(finalLabel),
                            Arrays.copyOf(rowAnnotators, size), Arrays.copyOf(rowLabels, size),
                            Arrays.copyOf(rowAnnotations, size)));
                }
            }
            List<String> sortedAnnotators = new ArrayList<>(annotatorIndex.keySet());
            Collections.sort(sortedAnnotators);
            int[] newId = new int[sortedAnnotators.size()];
            for (int i = 0; i < sortedAnnotators.size(); i++) {
                newId[annotatorIndex.get(sortedAnnotators.get(i))] = i;
            }
            for (Item item : items) {
                renumberAndSort(item, newId);
            }
            return new RatingsMatrix(List.copyOf(sortedAnnotators), List.copyOf(labelIndex.keySet()),
                    Collections.unmodifiableList(items));
        }

        private int annotatorId(String name) {
            Integer id = annotatorIndex.get(name);
            if (id != null) {
                return id;
            }
            int next = annotatorIndex.size();
            annotatorIndex.put(name, next);
            if (next == lastItem.length) {
                int old = lastItem.length;
                lastItem = Arrays.copyOf(lastItem, old * 2);
                Arrays.fill(lastItem, old, lastItem.length, -1);
                slot = Arrays.copyOf(slot, old * 2);
            }
            return next;
        }

        private int labelId(String label) {
            return labelIndex.computeIfAbsent(label, l -> labelIndex.size());
        }

        /** Insertion sort by the new annotator index: rows are short. */
        private static void renumberAndSort(Item item, int[] newId) {
            int[] a = item.annotators;
            for (int i = 0; i < a.length; i++) {
                a[i] = newId[a[i]];
            }
            for (int i = 1; i < a.length; i++) {
                int annotator = a[i];
                int label = item.labels[i];
                Annotation annotation = item.annotations[i];
                int j = i - 1;
                while (j >= 0 && a[j] > annotator) {
                    a[j + 1] = a[j];
                    item.labels[j + 1] = item.labels[j];
                    item.annotations[j + 1] = item.annotations[j];
                    j--;
                }
                a[j + 1] = annotator;
                item.labels[j + 1] = label;
                item.annotations[j + 1] = annotation;
            }
        }
    }
}
