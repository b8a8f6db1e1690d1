package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.reasonlab.core.compare.ComparisonArm;
import org.reasonlab.core.compare.ComparisonInputs;
import org.reasonlab.core.compare.RunResult;
import org.reasonlab.core.compare.SignificanceJson;
import org.reasonlab.core.compare.SignificanceReport;
import org.reasonlab.core.compare.TextTable;
import org.reasonlab.core.significance.PairedBootstrap;

/**
 * {@code reasonlab compare RUN|GROUP... [--baseline RUN|GROUP] [--format text|md|csv|latex] [--json]}: runs and run
 * groups against a baseline with intervals and paired significance tests, on all and on leakage-free records.
 */
final class CompareCommand implements CliCommand {
    private static final List<String> FORMATS = List.of("text", "md", "csv", "latex");
    /** Each resample keeps one difference in memory per paired comparison. */
    private static final int MAX_RESAMPLES = 1_000_000;

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String usage() {
        return "RUN|GROUP... [--baseline RUN|GROUP] [--format text|md|csv|latex] [--json] [--resamples N]"
                + " [--bootstrap-seed S]";
    }

    @Override
    public String summary() {
        return "compare runs and run groups (*.group.json) with a baseline: means and t-intervals over seeds, Wilson"
                + " intervals, McNemar's exact test (Holm-corrected), paired bootstrap intervals, the paper table";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json"), Set.of("baseline", "format", "resamples",
                "bootstrap-seed"));
        if (arguments.positional().isEmpty()) {
            throw new UsageException("missing RUN or GROUP");
        }
        String format = arguments.choiceOption("format", FORMATS);
        int resamples = arguments.positiveIntOption("resamples", PairedBootstrap.DEFAULT_RESAMPLES);
        if (resamples > MAX_RESAMPLES) {
            throw new UsageException("--resamples must be at most " + MAX_RESAMPLES + ", was " + resamples);
        }
        long seed = arguments.longOption("bootstrap-seed", 1L);
        Path baseline = arguments.option("baseline").map(Path::of).orElse(null);
        ComparisonInputs inputs = ComparisonInputs.resolve(arguments.positional().stream().map(Path::of).toList(),
                baseline);
        SignificanceReport report;
        try {
            report = inputs.report(resamples, seed);
        } catch (IllegalArgumentException e) { // e.g. a label outside the schema in a hand-made run folder
            throw new IOException("cannot compare: " + e.getMessage(), e);
        }
        for (ComparisonArm arm : report.arms()) {
            for (RunResult r : arm.runs()) {
                r.summary().problems().forEach(p -> err.println(r.folder() + ": " + p));
            }
        }
        report.problems().forEach(p -> err.println("warning: " + p));
        if (arguments.flag("json")) {
            CliJson.print(SignificanceJson.of(report), out);
            return OK;
        }
        switch (format) {
            case "csv" -> out.print(report.pairedTable().toCsv());
            case "latex" -> {
                out.print(report.paperTable().toLatex());
                out.println("% " + report.markLegend());
                out.print(report.pairedTable().toLatex());
            }
            case "md" -> {
                section(out, "## Metrics (mean \u00b1 sd [95% CI] over seeds; one run: [95% Wilson])",
                        report.armTable().toMarkdown());
                section(out, "## Paired tests against the baseline", report.pairedTable().toMarkdown());
                section(out, "## Paper table", report.paperTable().toMarkdown());
                out.println(report.markLegend());
            }
            default -> {
                section(out, "Metrics (mean \u00b1 sd [95% CI] over seeds; one run: [95% Wilson])",
                        report.armTable().toText());
                section(out, "Paired tests against the baseline (" + report.baselineArm().name() + "; bootstrap: "
                        + report.resamples() + " resamples, seed " + report.bootstrapSeed() + ")",
                        report.pairedTable().toText());
                section(out, "Paper table", report.paperTable().toText());
                out.println(report.markLegend());
            }
        }
        return OK;
    }

    private static void section(PrintStream out, String title, String table) {
        out.println(title);
        out.println();
        out.print(table);
        out.println();
    }
}
