package org.reasonlab.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.text.StatementKey;
import org.reasonlab.core.text.TextHygiene;
import org.reasonlab.core.text.WordCounter;

/**
 * Counts and distributions of a dataset, computed in one pass with hash maps (linear in the
 * number of records, apart from sorting the lengths).
 * <p>
 * Labels: the schema's labels first, in schema order, with 0 for unused ones, then labels the
 * schema does not know, in order of first appearance; records without a label are counted in
 * {@link #unlabelled()} only. Splits: always {@code train}, {@code validation}, {@code test} and
 * {@code unassigned}, in that order. Length summaries cover the records whose text is not blank
 * (empty reasons are counted in {@link #emptyReasons()}). Duplicates are statements (compared by
 * {@link StatementKey}) occurring more than once within one split, records without a split forming
 * a group of their own; leakage is a statement occurring in two or more of train, validation and
 * test (its group holds all its occurrences).
 */
public final class DatasetStatistics {
    /** The name used for records without a split. */
    public static final String UNASSIGNED = "unassigned";

    private int records;
    private int unparsedLines;
    private int unlabelled;
    private final Map<String, Integer> labelCounts = new LinkedHashMap<>();
    private final Map<String, Integer> splitCounts = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> labelsBySplit = new LinkedHashMap<>();
    private LengthSummary reasonWords;
    private LengthSummary reasonChars;
    private LengthSummary statementWords;
    private int emptyReasons;
    private int multiLineReasons;
    private List<DuplicateGroup> duplicates;
    private List<DuplicateGroup> leakage;

    private DatasetStatistics() {
    }

    public static DatasetStatistics compute(Dataset dataset) {
        DatasetStatistics s = new DatasetStatistics();
        LabelSchema schema = dataset.schema();
        for (String name : schema.names()) {
            s.labelCounts.put(name, 0);
        }
        List<String> splitNames = new ArrayList<>();
        for (Split split : Split.values()) {
            splitNames.add(split.id());
        }
        splitNames.add(UNASSIGNED);
        for (String split : splitNames) {
            s.splitCounts.put(split, 0);
        }
        Map<String, Map<String, Integer>> bySplit = new HashMap<>();
        for (String split : splitNames) {
            bySplit.put(split, new HashMap<>());
        }
        int n = dataset.recordCount();
        int[] reasonWordValues = new int[n];
        int[] reasonCharValues = new int[n];
        int[] statementWordValues = new int[n];
        int reasonsCounted = 0;
        int statementsCounted = 0;
        List<DatasetRecord> recordList = new ArrayList<>(n);
        // key -> indices into recordList, in file order; keys in order of first appearance
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();

        for (DatasetEntry entry : dataset.entries()) {
            if (!(entry instanceof DatasetRecord r)) {
                s.unparsedLines++;
                continue;
            }
            int recordIndex = recordList.size();
            recordList.add(r);
            s.records++;
            String split = splitName(r.split());
            s.splitCounts.merge(split, 1, Integer::sum);
            String label = r.label();
            if (TextHygiene.isBlank(label)) {
                s.unlabelled++;
            } else {
                s.labelCounts.merge(label, 1, Integer::sum);
                bySplit.get(split).merge(label, 1, Integer::sum);
            }
            String reason = r.reason();
            if (TextHygiene.isBlank(reason)) {
                s.emptyReasons++;
            } else {
                reasonWordValues[reasonsCounted] = WordCounter.words(reason);
                String trimmed = TextHygiene.trim(reason);
                reasonCharValues[reasonsCounted] = trimmed.codePointCount(0, trimmed.length());
                reasonsCounted++;
                if (trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0 || trimmed.indexOf('\u2028') >= 0) {
                    s.multiLineReasons++;
                }
            }
            String statement = r.statement();
            if (!TextHygiene.isBlank(statement)) {
                statementWordValues[statementsCounted++] = WordCounter.words(statement);
                String key = StatementKey.of(statement);
                if (!key.isEmpty()) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(recordIndex);
                }
            }
        }
        for (String split : splitNames) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String label : s.labelCounts.keySet()) {
                row.put(label, bySplit.get(split).getOrDefault(label, 0));
            }
            s.labelsBySplit.put(split, Collections.unmodifiableMap(row));
        }
        s.reasonWords = LengthSummary.of(Arrays.copyOf(reasonWordValues, reasonsCounted));
        s.reasonChars = LengthSummary.of(Arrays.copyOf(reasonCharValues, reasonsCounted));
        s.statementWords = LengthSummary.of(Arrays.copyOf(statementWordValues, statementsCounted));
        s.groupRepeats(byKey, recordList);
        return s;
    }

    private void groupRepeats(Map<String, List<Integer>> byKey, List<DatasetRecord> recordList) {
        List<DuplicateGroup> dups = new ArrayList<>();
        List<DuplicateGroup> leaks = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byKey.entrySet()) {
            List<Integer> indices = e.getValue();
            if (indices.size() < 2) {
                continue;
            }
            Map<String, List<Occurrence>> perSplit = new LinkedHashMap<>();
            List<Occurrence> all = new ArrayList<>(indices.size());
            int assignedSplits = 0;
            for (int i : indices) {
                DatasetRecord r = recordList.get(i);
                Occurrence o = occurrence(r, null);
                all.add(o);
                List<Occurrence> list = perSplit.computeIfAbsent(o.split(), k -> new ArrayList<>());
                if (list.isEmpty() && r.split() != null) {
                    assignedSplits++;
                }
                list.add(o);
            }
            for (List<Occurrence> list : perSplit.values()) {
                if (list.size() > 1) {
                    dups.add(new DuplicateGroup(e.getKey(), list));
                }
            }
            if (assignedSplits > 1) {
                leaks.add(new DuplicateGroup(e.getKey(), all));
            }
        }
        this.duplicates = Collections.unmodifiableList(dups);
        this.leakage = Collections.unmodifiableList(leaks);
    }

    static String splitName(Split split) {
        return split == null ? UNASSIGNED : split.id();
    }

    static Occurrence occurrence(DatasetRecord r, String file) {
        return new Occurrence(r.id(), r.sourceLine(), splitName(r.split()), r.label(), r.statement(), file);
    }

    /** The number of parsed records. */
    public int records() {
        return records;
    }

    /** The number of lines that could not be parsed. */
    public int unparsedLines() {
        return unparsedLines;
    }

    /** The number of records without a label. */
    public int unlabelled() {
        return unlabelled;
    }

    /** Records per label: schema labels first in schema order (0 included), then unknown labels. */
    public Map<String, Integer> labelCounts() {
        return Collections.unmodifiableMap(labelCounts);
    }

    /** Records per split: {@code train}, {@code validation}, {@code test}, {@code unassigned} (0 included). */
    public Map<String, Integer> splitCounts() {
        return Collections.unmodifiableMap(splitCounts);
    }

    /** Split -> label -> records, with the splits and labels of {@link #splitCounts()} and {@link #labelCounts()}. */
    public Map<String, Map<String, Integer>> labelsBySplit() {
        return Collections.unmodifiableMap(labelsBySplit);
    }

    /** Words per non-empty reason. */
    public LengthSummary reasonWords() {
        return reasonWords;
    }

    /** Characters (code points, trimmed) per non-empty reason. */
    public LengthSummary reasonChars() {
        return reasonChars;
    }

    /** Words per non-empty statement. */
    public LengthSummary statementWords() {
        return statementWords;
    }

    /** Records whose reason is missing or blank. */
    public int emptyReasons() {
        return emptyReasons;
    }

    /** Records whose reason spans more than one line. */
    public int multiLineReasons() {
        return multiLineReasons;
    }

    /** Statements occurring more than once within one split, one group per statement and split. */
    public List<DuplicateGroup> duplicates() {
        return duplicates;
    }

    /** Statements occurring in more than one of train, validation and test. */
    public List<DuplicateGroup> leakage() {
        return leakage;
    }

    /** The number of records beyond the first in each duplicate group (what deduplication would remove). */
    public int duplicateRecords() {
        int n = 0;
        for (DuplicateGroup g : duplicates) {
            n += g.occurrences().size() - 1;
        }
        return n;
    }
}
