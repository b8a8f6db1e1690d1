package org.reasonlab.core.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.reasonlab.core.significance.HolmCorrection;
import org.reasonlab.core.significance.MeanInterval;
import org.reasonlab.core.significance.PairedBootstrap;

/**
 * Arms (runs, or a group's runs of one setting over seeds) against a baseline arm, with the statistics a paper
 * needs: per metric over seeds the mean, standard deviation and 95% t-interval; per run Wilson intervals for
 * accuracy and misalignment; per run against its baseline run McNemar's exact test with Holm's correction over all
 * compared runs, and seeded paired bootstrap intervals of the accuracy and macro-F1 differences. Every figure on all
 * evaluated records and on the leakage-free ones.
 *
 * @param arms the arms in column order
 * @param baseline the position of the baseline arm
 * @param comparisons one per run of every other arm, in arm order
 * @param resamples bootstrap resamples
 * @param bootstrapSeed the bootstrap's seed
 * @param problems what makes a figure weaker than it looks: runs that could not be paired, items under one key
 *        that are not the same record, a run paired with another seed, metrics.json disagreeing with the predictions
 */
public record SignificanceReport(List<ComparisonArm> arms, int baseline, List<RunComparison> comparisons,
        int resamples, long bootstrapSeed, List<String> problems) {

    public SignificanceReport {
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
        problems = List.copyOf(problems);
        Objects.checkIndex(baseline, arms.size());
    }

    public static SignificanceReport of(List<ComparisonArm> arms, int baseline) {
        return of(arms, baseline, PairedBootstrap.DEFAULT_RESAMPLES, 1L);
    }

    public static SignificanceReport of(List<ComparisonArm> arms, int baseline, int resamples, long seed) {
        ComparisonArm base = arms.get(baseline);
        List<RunComparison> raw = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            if (i == baseline) {
                continue;
            }
            for (RunResult run : arms.get(i).runs()) {
                RunResult partner = base.partnerFor(run.seed());
                PairedFigures all = null;
                PairedFigures clean = null;
                if (run.outcomes() != null && partner.outcomes() != null && !run.folder().equals(partner.folder())) {
                    List<String> labels = Stream.concat(partner.outcomes().labels().stream(),
                            run.outcomes().labels().stream()).distinct().toList();
                    all = PairedFigures.of(PairedItems.of(run.outcomes(), partner.outcomes(), false), labels,
                            resamples, seed);
                    clean = PairedFigures.of(PairedItems.of(run.outcomes(), partner.outcomes(), true), labels,
                            resamples, seed);
                }
                raw.add(new RunComparison(run, arms.get(i), partner, all, clean));
            }
        }
        return new SignificanceReport(arms, baseline, holm(holm(raw, false), true), resamples, seed,
                problems(arms, base, raw));
    }

    private static List<String> problems(List<ComparisonArm> arms, ComparisonArm base, List<RunComparison> raw) {
        List<String> out = new ArrayList<>();
        for (ComparisonArm arm : arms) {
            for (RunResult r : arm.runs()) {
                if (r.problem() != null) {
                    out.add(r.name() + ": " + r.problem());
                }
                Proportion counts = RunFigures.counts(r, ComparisonMetric.ACCURACY, false);
                Double reported = r.summary().accuracy();
                if (counts != null && counts.rate() != null && reported != null
                        && Math.abs(counts.rate() - reported) > 5e-5) {
                    out.add(r.name() + ": metrics.json gives accuracy " + reported + " but predictions.jsonl has "
                            + counts.k() + " of " + counts.n() + " right; its interval is from the predictions");
                }
            }
        }
        for (RunComparison c : raw) {
            String pair = c.run().name() + " vs " + c.baseline().name();
            if (c.run().seed() != null && !c.run().seed().equals(c.baseline().seed()) && base.runs().size() > 1) {
                out.add(c.run().name() + " (seed " + c.run().seed() + "): the baseline has no run with that seed;"
                        + " paired with " + c.baseline().name() + " (seed " + c.baseline().seed() + ")");
            }
            if (c.all() == null) {
                continue;
            }
            if (c.all().mismatched() > 0) {
                out.add(pair + ": " + c.all().mismatched() + " items share an id but not the statement or gold"
                        + " label; left out (were they evaluated on other records?)");
            }
            if (c.all().items() == 0) {
                out.add(pair + ": no shared evaluation items; nothing is paired");
            }
        }
        return out;
    }

    private static List<RunComparison> holm(List<RunComparison> in, boolean clean) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            PairedFigures f = in.get(i).figures(clean);
            if (f != null && f.items() > 0) {
                tested.add(i);
            }
        }
        double[] adjusted = HolmCorrection.adjust(tested.stream()
                .mapToDouble(i -> in.get(i).figures(clean).mcnemar().p()).toArray());
        List<RunComparison> out = new ArrayList<>(in);
        for (int j = 0; j < tested.size(); j++) {
            RunComparison c = in.get(tested.get(j));
            out.set(tested.get(j), clean
                    ? new RunComparison(c.run(), c.arm(), c.baseline(), c.all(), c.clean().withHolmP(adjusted[j]))
                    : new RunComparison(c.run(), c.arm(), c.baseline(), c.all().withHolmP(adjusted[j]), c.clean()));
        }
        return out;
    }

    public ComparisonArm baselineArm() {
        return arms.get(baseline);
    }

    public List<RunComparison> comparisonsOf(ComparisonArm arm) {
        return comparisons.stream().filter(c -> c.arm() == arm).toList();
    }

    /**
     * The significance mark of an arm's accuracy against the baseline: {@code *}, {@code **}, {@code ***} when the
     * Holm-corrected McNemar p of every one of its runs is below 0.05, 0.01, 0.001; empty otherwise and for the
     * baseline.
     */
    public String mark(ComparisonArm arm, boolean clean) {
        List<RunComparison> cs = comparisonsOf(arm);
        if (cs.isEmpty()) {
            return "";
        }
        double worst = 0;
        for (RunComparison c : cs) {
            PairedFigures f = c.figures(clean);
            if (f == null || f.holmP() == null) {
                return "";
            }
            worst = Math.max(worst, f.holmP());
        }
        return worst < 0.001 ? "***" : worst < 0.01 ? "**" : worst < 0.05 ? "*" : "";
    }

    /** The line explaining the marks, for under the paper table. */
    public String markLegend() {
        long tested = comparisons.stream().filter(c -> c.all() != null && c.all().holmP() != null).count();
        return "* p < 0.05, ** p < 0.01, *** p < 0.001: McNemar's exact test against " + baselineArm().name()
                + " on the same items, Holm-corrected over the " + tested
                + " runs with paired items, holding for every seed; [ ]: 95% interval (t over seeds, cut at 0 and 100; Wilson for one run)";
    }

    /**
     * Metrics by arm: one row per metric measured (and its leakage-free row), one column per arm; an arm of several
     * runs shows {@code mean ± sd [95% t-interval] (n=…)}, a single run its value with its 95% interval (Wilson for
     * the proportions, a percentile bootstrap of its items for macro-F1).
     */
    public TextTable armTable() {
        List<String> header = new ArrayList<>(List.of("Metric"));
        List<Boolean> right = new ArrayList<>(List.of(false));
        for (int i = 0; i < arms.size(); i++) {
            header.add(arms.get(i).name() + (i == baseline ? " (baseline)" : ""));
            right.add(true);
        }
        List<List<String>> rows = new ArrayList<>();
        for (ComparisonMetric m : ComparisonMetric.values()) {
            for (boolean clean : new boolean[] {false, true}) {
                List<String> line = new ArrayList<>(List.of(clean ? m.cleanLabel() : m.label()));
                boolean measured = false;
                for (ComparisonArm arm : arms) {
                    MeanInterval s = arm.statistic(m, clean);
                    measured |= s != null;
                    line.add(arm.runs().size() == 1 ? runCell(arm.runs().get(0), m, clean) : Percent.meanSd(s));
                }
                if (measured) {
                    rows.add(line);
                }
            }
        }
        return new TextTable(header, rows, right);
    }

    /**
     * The paired tests: one row per compared run and record set: items, b, c, McNemar's p, Holm's p and the bootstrap
     * intervals of the differences (run minus baseline, percentage points).
     */
    public TextTable pairedTable() {
        List<String> header = List.of("Run", "Baseline", "Records", "Items", "b", "c", "McNemar p", "Holm p",
                "\u0394 accuracy (pp) [95% CI]", "\u0394 macro-F1 (pp) [95% CI]", "Run accuracy (%) [95% Wilson]",
                "Baseline accuracy (%) [95% Wilson]");
        List<List<String>> rows = new ArrayList<>();
        for (RunComparison c : comparisons) {
            for (boolean clean : new boolean[] {false, true}) {
                PairedFigures f = c.figures(clean);
                List<String> line = new ArrayList<>(List.of(c.run().name(), c.baseline().name(),
                        clean ? "leakage-free" : "all"));
                if (f == null) {
                    line.addAll(List.of(Percent.MISSING, "", "", "", "", "", ""));
                } else {
                    line.addAll(List.of(Integer.toString(f.items()), Integer.toString(f.mcnemar().b()),
                            Integer.toString(f.mcnemar().c()), Percent.pValue(f.items() == 0 ? null : f.mcnemar().p()),
                            Percent.pValue(f.holmP()), Percent.bootstrap(f.accuracyDifference()),
                            Percent.bootstrap(f.macroF1Difference())));
                }
                line.add(accuracyWithWilson(c.run(), clean));
                line.add(accuracyWithWilson(c.baseline(), clean));
                rows.add(line);
            }
        }
        List<Boolean> right = List.of(false, false, false, true, true, true, true, true, true, true, true, true);
        return new TextTable(header, rows, right);
    }

    /**
     * The paper's table: one row per arm ordered by model, then pre-trained, L, L+R, R->L; accuracy (and on the
     * leakage-free records) with its 95% interval and significance mark, the counterfactual label flip rate when an arm
     * was probed ({@code probe.json}), and the misalignment rate (human when reviewed, else automatic, marked
     * {@code (auto)}).
     */
    public TextTable paperTable() {
        boolean models = arms.stream().map(a -> a.first().model()).distinct().count() > 1;
        boolean clean = arms.stream().anyMatch(a -> a.statistic(ComparisonMetric.ACCURACY, true) != null);
        List<ComparisonArm> ordered = new ArrayList<>(arms);
        ordered.sort(Comparator.comparing((ComparisonArm a) -> String.valueOf(a.first().model()))
                .thenComparing(ComparisonArm::paperSetting));
        List<String> header = new ArrayList<>();
        if (models) {
            header.add("Model");
        }
        header.addAll(List.of("Setting", "Seeds", "Accuracy (%)"));
        if (clean) {
            header.add(ComparisonMetric.ACCURACY.cleanLabel());
        }
        boolean flips = arms.stream().anyMatch(a -> a.statistic(ComparisonMetric.LABEL_FLIPS, false) != null);
        if (flips) {
            header.add(ComparisonMetric.LABEL_FLIPS.label());
        }
        header.add("Misalignment rate (%)");
        boolean cleanMisalignment = arms.stream().anyMatch(a -> a.statistic(ComparisonMetric.HUMAN_MISALIGNMENT, true)
                != null || a.statistic(ComparisonMetric.AUTOMATIC_MISALIGNMENT, true) != null);
        if (cleanMisalignment) {
            header.add("Misalignment rate, leakage-free (%)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ComparisonArm a : ordered) {
            List<String> line = new ArrayList<>();
            if (models) {
                line.add(a.first().model() == null ? "?" : a.first().model());
            }
            long same = arms.stream().filter(o -> o.paperSetting() == a.paperSetting()
                    && Objects.equals(o.first().model(), a.first().model())).count();
            String setting = a.first().setting() + (same > 1 ? " (" + a.name() + ")" : "")
                    + (a == baselineArm() ? " (baseline)" : "");
            line.add(setting);
            line.add(Integer.toString(a.runs().size()));
            line.add(armCell(a, ComparisonMetric.ACCURACY, false) + mark(a, false));
            if (clean) {
                line.add(armCell(a, ComparisonMetric.ACCURACY, true) + mark(a, true));
            }
            if (flips) {
                line.add(armCell(a, ComparisonMetric.LABEL_FLIPS, false));
            }
            line.add(misalignmentCell(a, false));
            if (cleanMisalignment) {
                line.add(misalignmentCell(a, true));
            }
            rows.add(line);
        }
        List<Boolean> right = new ArrayList<>();
        header.forEach(h -> right.add(!(h.equals("Model") || h.equals("Setting"))));
        return new TextTable(header, rows, right);
    }

    /** A run's accuracy from its predictions with the 95% Wilson interval: the counts the paired tests use. */
    private static String accuracyWithWilson(RunResult run, boolean clean) {
        Proportion p = RunFigures.counts(run, ComparisonMetric.ACCURACY, clean);
        return p == null ? Percent.MISSING : Percent.withWilson(p.rate(), p.wilson());
    }

    /** The human misalignment rate when reviewed, else the automatic one marked {@code (auto)}. */
    private String misalignmentCell(ComparisonArm a, boolean clean) {
        boolean human = a.statistic(ComparisonMetric.HUMAN_MISALIGNMENT, clean) != null;
        String mis = armCell(a, human ? ComparisonMetric.HUMAN_MISALIGNMENT : ComparisonMetric.AUTOMATIC_MISALIGNMENT,
                clean);
        return human || mis.equals(Percent.MISSING) ? mis : mis + " (auto)";
    }

    /** {@code mean [t-interval]} over an arm's seeds, or one run's value with its interval. */
    private String armCell(ComparisonArm a, ComparisonMetric m, boolean clean) {
        if (a.runs().size() == 1) {
            return runCell(a.runs().get(0), m, clean);
        }
        return Percent.meanInterval(a.statistic(m, clean));
    }

    /** One run's value with its 95% interval (Wilson, or the bootstrap for macro-F1). */
    private String runCell(RunResult run, ComparisonMetric m, boolean clean) {
        return Percent.withRange(RunFigures.value(run, m, clean),
                RunFigures.interval(run, m, clean, resamples, bootstrapSeed));
    }
}
