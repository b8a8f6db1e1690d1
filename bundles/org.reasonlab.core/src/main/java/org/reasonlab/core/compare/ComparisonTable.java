package org.reasonlab.core.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs side by side, one pinned as the baseline: one row per {@link ComparisonMetric}, one column per run,
 * and for every other run a column {@code <name> Δ} with its difference from the baseline in percentage points.
 * The human misalignment cell also shows the 95% Wilson interval and n.
 *
 * @param runs the runs, in column order
 * @param baseline the position of the pinned baseline in {@code runs}
 */
public record ComparisonTable(List<RunSummary> runs, int baseline) {
    public ComparisonTable {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        Objects.checkIndex(baseline, runs.size());
    }

    /** One metric across the runs, on all evaluated records or ({@code clean}) on the leakage-free ones. */
    public record Row(ComparisonMetric metric, boolean clean, List<Double> values, List<Double> deltas) {
        public String label() {
            return clean ? metric.cleanLabel() : metric.label();
        }

        /** Whether every run has the same value (not measured counts as a value). */
        public boolean allEqual() {
            return values.stream().distinct().count() <= 1;
        }
    }

    public ComparisonTable withBaseline(int index) {
        return new ComparisonTable(runs, index);
    }

    public RunSummary baselineRun() {
        return runs.get(baseline);
    }

    /**
     * The rows of the metrics that at least one run measured, each followed by its row on the leakage-free
     * records when a run has one; with {@code differencesOnly} also those where all runs have the same value are
     * left out.
     */
    public List<Row> rows(boolean differencesOnly) {
        List<Row> rows = new ArrayList<>();
        for (ComparisonMetric m : ComparisonMetric.values()) {
            addRow(rows, m, false, runs.stream().map(m::value).toList(), differencesOnly);
            addRow(rows, m, true, runs.stream().map(m::cleanValue).toList(), differencesOnly);
        }
        return rows;
    }

    private void addRow(List<Row> rows, ComparisonMetric m, boolean clean, List<Double> values, boolean differencesOnly) {
        Double base = values.get(baseline);
        List<Double> deltas = values.stream().map(v -> v == null || base == null ? null : v - base).toList();
        Row row = new Row(m, clean, values, deltas);
        boolean measured = values.stream().anyMatch(v -> v != null);
        if (measured && (!differencesOnly || !row.allEqual())) {
            rows.add(row);
        }
    }

    /** The table as text cells, ready for {@link TextTable#toCsv()} and the other exports. */
    public TextTable toText(boolean differencesOnly) {
        List<String> header = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        header.add("Metric");
        right.add(false);
        for (int i = 0; i < runs.size(); i++) {
            String name = runs.get(i).name();
            header.add(i == baseline ? name + " (baseline)" : name);
            right.add(true);
            if (i != baseline) {
                header.add(name + " \u0394");
                right.add(true);
            }
        }
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows(differencesOnly)) {
            List<String> line = new ArrayList<>();
            line.add(row.label());
            for (int i = 0; i < runs.size(); i++) {
                line.add(row.metric() == ComparisonMetric.HUMAN_MISALIGNMENT && !row.clean()
                        ? Percent.withInterval(runs.get(i).humanMisalignment())
                        : Percent.of(row.values().get(i)));
                if (i != baseline) {
                    line.add(Percent.delta(row.values().get(i), row.values().get(baseline)));
                }
            }
            cells.add(line);
        }
        return new TextTable(header, cells, right);
    }

    /**
     * The paper's layout: one row per run ordered pre-trained, L, L+R, R->L (ties in the given order), with
     * accuracy (on all evaluated records, and on the leakage-free ones when a run has them), the counterfactual label
     * flip rate beside it when a run was probed ({@code probe.json}), and the misalignment rate, human when any
     * reason was reviewed, else the automatic one marked {@code (auto)}. A setting that occurs more than once is
     * followed by the run's name.
     */
    public TextTable paperTable() {
        boolean clean = runs.stream().anyMatch(r -> ComparisonMetric.ACCURACY.cleanValue(r) != null);
        boolean flips = runs.stream().anyMatch(r -> r.labelFlipRate(false) != null);
        List<RunSummary> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing(RunSummary::paperSetting));
        List<List<String>> cells = new ArrayList<>();
        for (RunSummary r : ordered) {
            long same = runs.stream().filter(o -> o.paperSetting() == r.paperSetting()).count();
            String setting = same > 1 ? r.setting() + " (" + r.name() + ")" : r.setting();
            String misalignment = r.humanMisalignmentRate() != null ? Percent.withInterval(r.humanMisalignment())
                    : r.automaticMisalignment() != null ? Percent.of(r.automaticMisalignment()) + " (auto)"
                    : Percent.MISSING;
            List<String> line = new ArrayList<>(List.of(setting, Percent.of(r.accuracy())));
            if (clean) {
                line.add(Percent.of(ComparisonMetric.ACCURACY.cleanValue(r)));
            }
            if (flips) {
                line.add(Percent.of(r.labelFlipRate(false)));
            }
            line.add(misalignment);
            cells.add(line);
        }
        List<String> header = new ArrayList<>(List.of("Setting", "Accuracy (%)"));
        if (clean) {
            header.add(ComparisonMetric.ACCURACY.cleanLabel());
        }
        if (flips) {
            header.add(ComparisonMetric.LABEL_FLIPS.label());
        }
        header.add("Misalignment rate (%)");
        List<Boolean> right = new ArrayList<>(List.of(false));
        header.stream().skip(1).forEach(h -> right.add(true));
        return new TextTable(header, cells, right);
    }
}
