package org.reasonlab.core.compare;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.reasonlab.core.run.JsonFields;
import org.reasonlab.core.significance.BootstrapInterval;
import org.reasonlab.core.significance.MeanInterval;

/**
 * A {@link SignificanceReport} as JSON (documented in docs/comparison.md): the arms with each metric's mean,
 * standard deviation and t-interval over seeds; the runs with each metric's value and Wilson interval and, for the
 * compared runs, McNemar's {@code b}, {@code c}, {@code p} (and Holm's) and the bootstrap intervals of the accuracy
 * and macro-F1 differences against the baseline; all of it under {@code all} and {@code clean} (leakage-free).
 * Shares are fractions in [0, 1], not percent.
 */
public final class SignificanceJson {
    private SignificanceJson() {
    }

    public static JsonObject of(SignificanceReport report) {
        JsonObject o = new JsonObject();
        o.addProperty("baseline", report.baselineArm().name());
        JsonObject boot = new JsonObject();
        boot.addProperty("resamples", report.resamples());
        boot.addProperty("seed", report.bootstrapSeed());
        boot.addProperty("confidence", 0.95);
        o.add("bootstrap", boot);
        JsonArray arms = new JsonArray();
        for (ComparisonArm arm : report.arms()) {
            arms.add(arm(report, arm));
        }
        o.add("arms", arms);
        JsonArray runs = new JsonArray();
        for (ComparisonArm arm : report.arms()) {
            for (RunResult run : arm.runs()) {
                runs.add(run(report, arm, run));
            }
        }
        o.add("runs", runs);
        JsonArray problems = new JsonArray();
        report.problems().forEach(problems::add);
        o.add("problems", problems);
        return o;
    }

    private static JsonObject arm(SignificanceReport report, ComparisonArm arm) {
        JsonObject a = new JsonObject();
        a.addProperty("name", arm.name());
        a.addProperty("setting", arm.first().setting());
        a.addProperty("model", arm.first().model());
        a.addProperty("baseline", arm == report.baselineArm());
        JsonArray runs = new JsonArray();
        arm.runs().forEach(r -> runs.add(r.name()));
        a.add("runs", runs);
        JsonArray seeds = new JsonArray();
        arm.seeds().forEach(seeds::add);
        a.add("seeds", seeds);
        JsonObject metrics = new JsonObject();
        for (boolean clean : new boolean[] {false, true}) {
            JsonObject set = new JsonObject();
            for (ComparisonMetric m : ComparisonMetric.values()) {
                MeanInterval s = arm.statistic(m, clean);
                if (s != null) {
                    JsonObject v = new JsonObject();
                    v.addProperty("n", s.n());
                    v.add("mean", JsonFields.number(s.mean()));
                    // one seed has no spread: null rather than NaN
                    v.add("sd", JsonFields.number(s.n() < 2 ? null : s.sd()));
                    v.add("low", JsonFields.number(s.n() < 2 ? null : s.low()));
                    v.add("high", JsonFields.number(s.n() < 2 ? null : s.high()));
                    set.add(m.key(), v);
                }
            }
            metrics.add(clean ? "clean" : "all", set);
        }
        a.add("metrics", metrics);
        String mark = report.mark(arm, false);
        a.addProperty("significance", mark);
        a.addProperty("significanceClean", report.mark(arm, true));
        return a;
    }

    private static JsonObject run(SignificanceReport report, ComparisonArm arm, RunResult run) {
        JsonObject r = new JsonObject();
        r.addProperty("name", run.name());
        r.addProperty("folder", run.folder().toString());
        r.addProperty("arm", arm.name());
        r.addProperty("seed", run.seed());
        r.addProperty("baseline", arm == report.baselineArm());
        JsonObject metrics = new JsonObject();
        for (boolean clean : new boolean[] {false, true}) {
            JsonObject set = new JsonObject();
            for (ComparisonMetric m : ComparisonMetric.values()) {
                Double value = RunFigures.value(run, m, clean);
                if (value == null) {
                    continue;
                }
                JsonObject v = new JsonObject();
                v.add("value", JsonFields.number(value));
                Proportion counts = RunFigures.counts(run, m, clean);
                if (counts != null) {
                    v.addProperty("k", counts.k());
                    v.addProperty("n", counts.n());
                }
                double[] interval = RunFigures.interval(run, m, clean, report.resamples(), report.bootstrapSeed());
                v.add("low", JsonFields.number(interval == null ? null : interval[0]));
                v.add("high", JsonFields.number(interval == null ? null : interval[1]));
                v.addProperty("interval", interval == null ? null
                        : m == ComparisonMetric.MACRO_F1 ? "bootstrap" : "wilson");
                set.add(m.key(), v);
            }
            metrics.add(clean ? "clean" : "all", set);
        }
        r.add("metrics", metrics);
        for (RunComparison c : report.comparisonsOf(arm)) {
            if (c.run() == run) {
                JsonObject vs = new JsonObject();
                vs.addProperty("baselineRun", c.baseline().name());
                vs.add("all", paired(c.all()));
                vs.add("clean", paired(c.clean()));
                r.add("versusBaseline", vs);
            }
        }
        if (run.problem() != null) {
            r.addProperty("problem", run.problem());
        }
        return r;
    }

    private static JsonObject paired(PairedFigures f) {
        JsonObject o = new JsonObject();
        if (f == null) {
            return o;
        }
        o.addProperty("items", f.items());
        o.addProperty("mismatched", f.mismatched());
        JsonObject mc = new JsonObject();
        mc.addProperty("b", f.mcnemar().b());
        mc.addProperty("c", f.mcnemar().c());
        mc.add("p", JsonFields.number(f.items() == 0 ? null : f.mcnemar().p()));
        mc.add("pHolm", JsonFields.number(f.holmP()));
        o.add("mcnemar", mc);
        o.add("accuracyDifference", interval(f.accuracyDifference()));
        o.add("macroF1Difference", interval(f.macroF1Difference()));
        return o;
    }

    private static JsonObject interval(BootstrapInterval b) {
        JsonObject o = new JsonObject();
        if (b != null) {
            o.add("estimate", JsonFields.number(b.estimate()));
            o.add("low", JsonFields.number(b.low()));
            o.add("high", JsonFields.number(b.high()));
        }
        return o;
    }
}
