package org.reasonlab.core.edit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.text.TextHygiene;
import org.reasonlab.core.validate.ProblemKind;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.core.validate.ValidationProblem;

/**
 * What the dataset editor needs to filter and navigate a large dataset quickly: per entry the
 * case-folded search text, whether its annotators disagree, and its validation problems.
 * <p>
 * Not thread-safe: the editor updates it on one thread. Update it after every edit
 * ({@link #entryChanged}, or {@link #rebuild} after insertions and removals) and after every
 * validation ({@link #setProblems}).
 */
public final class DatasetIndex {
    private final Dataset dataset;
    private String[] searchText = new String[0];
    private boolean[] disagreement = new boolean[0];
    private long[] problemKinds = new long[0];
    private List<ValidationProblem> problems = List.of();
    private int[] firstProblem = new int[0];
    private int[] problemCount = new int[0];

    public DatasetIndex(Dataset dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        rebuild();
    }

    public Dataset dataset() {
        return dataset;
    }

    /** Re-reads every entry (after insertions or removals); problems are kept only if the size is unchanged. */
    public void rebuild() {
        int n = dataset.entries().size();
        searchText = new String[n];
        disagreement = new boolean[n];
        for (int i = 0; i < n; i++) {
            indexEntry(i);
        }
        if (problemKinds.length != n) {
            problemKinds = new long[n];
            firstProblem = new int[n];
            problemCount = new int[n];
            problems = List.of();
        }
    }

    /** Re-reads one entry after it was replaced. Its problems stay until the next {@link #setProblems}. */
    public void entryChanged(int index) {
        indexEntry(index);
    }

    public int size() {
        return searchText.length;
    }

    /** Takes a validation result for the current entries (problems in entry order, as the validator reports them). */
    public void setProblems(List<ValidationProblem> newProblems) {
        int n = size();
        List<ValidationProblem> sorted = new ArrayList<>(newProblems);
        sorted.sort((a, b) -> Integer.compare(a.entryIndex(), b.entryIndex()));
        long[] kinds = new long[n];
        int[] first = new int[n];
        int[] count = new int[n];
        for (int p = 0; p < sorted.size(); p++) {
            int e = sorted.get(p).entryIndex();
            if (e < 0 || e >= n) {
                continue;
            }
            if (count[e]++ == 0) {
                first[e] = p;
            }
            kinds[e] |= 1L << sorted.get(p).kind().ordinal();
        }
        problems = sorted;
        problemKinds = kinds;
        firstProblem = first;
        problemCount = count;
    }

    /** All problems of the last validation, in entry order. */
    public List<ValidationProblem> problems() {
        return problems;
    }

    /** The problems of one entry (empty when none). */
    public List<ValidationProblem> problemsOf(int index) {
        int c = problemCount[index];
        return c == 0 ? List.of() : problems.subList(firstProblem[index], firstProblem[index] + c);
    }

    /** The most serious problem's severity, or null when the entry has none. */
    public Severity worstSeverity(int index) {
        Severity worst = null;
        for (ValidationProblem p : problemsOf(index)) {
            if (worst == null || p.severity().compareTo(worst) < 0) {
                worst = p.severity();
            }
        }
        return worst;
    }

    public boolean hasProblems(int index) {
        return problemCount[index] > 0;
    }

    public boolean hasDisagreement(int index) {
        return disagreement[index];
    }

    /** Entries with at least one problem, per kind. */
    public Map<ProblemKind, Integer> problemKindCounts() {
        Map<ProblemKind, Integer> counts = new EnumMap<>(ProblemKind.class);
        for (ValidationProblem p : problems) {
            counts.merge(p.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** Indices of the entries that match, in file order. */
    public int[] filter(RecordQuery query) {
        int n = size();
        if (query.isEmpty()) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        String needle = query.foldedText();
        if (needle != null) {
            foldAll();
        }
        long kindMask = query.problem() == null ? 0 : 1L << query.problem().ordinal();
        boolean recordCriteria = query.label() != null || query.split() != null || query.unassignedSplit()
                || query.disagreement();
        List<DatasetEntry> entries = dataset.entries();
        int[] out = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (kindMask != 0 && (problemKinds[i] & kindMask) == 0) {
                continue;
            }
            if (query.withProblems() && problemCount[i] == 0) {
                continue;
            }
            if (query.disagreement() && !disagreement[i]) {
                continue;
            }
            if (recordCriteria && !matchesRecordCriteria(entries.get(i), query)) {
                continue;
            }
            if (needle != null && !searchText[i].contains(needle)) {
                continue;
            }
            out[count++] = i;
        }
        return Arrays.copyOf(out, count);
    }

    private static boolean matchesRecordCriteria(DatasetEntry entry, RecordQuery query) {
        if (!(entry instanceof DatasetRecord r)) {
            return false;
        }
        if (query.label() != null) {
            boolean unlabelled = TextHygiene.isBlank(r.label());
            if (RecordQuery.UNLABELLED.equals(query.label()) ? !unlabelled : !query.label().equals(r.label())) {
                return false;
            }
        }
        if (query.unassignedSplit() && r.split() != null) {
            return false;
        }
        return query.split() == null || query.split() == r.split();
    }

    private void indexEntry(int i) {
        DatasetEntry entry = dataset.entries().get(i);
        // the search text is folded on the first text search, not here: opening a file stays fast
        searchText[i] = null;
        disagreement[i] = entry instanceof DatasetRecord r && annotatorsDisagree(r, dataset.schema());
    }

    private void foldAll() {
        List<DatasetEntry> entries = dataset.entries();
        for (int i = 0; i < searchText.length; i++) {
            if (searchText[i] == null) {
                searchText[i] = searchTextOf(entries.get(i));
            }
        }
    }

    private static String searchTextOf(DatasetEntry entry) {
        if (entry instanceof RawLine raw) {
            return RecordQuery.fold(raw.text());
        }
        DatasetRecord r = (DatasetRecord) entry;
        String statement = r.statement() == null ? "" : r.statement();
        String reason = r.reason() == null ? "" : r.reason();
        // NUL between the fields so that a search never matches across them
        return RecordQuery.fold(statement + '\u0000' + reason);
    }

    /** True when at least two annotators gave different labels (after resolving aliases). */
    public static boolean annotatorsDisagree(DatasetRecord record, LabelSchema schema) {
        String first = null;
        for (Annotation a : record.annotations()) {
            if (TextHygiene.isBlank(a.label())) {
                continue;
            }
            String label = schema.resolve(a.label()).orElse(a.label().strip());
            if (first == null) {
                first = label;
            } else if (!first.equals(label)) {
                return true;
            }
        }
        return false;
    }
}
