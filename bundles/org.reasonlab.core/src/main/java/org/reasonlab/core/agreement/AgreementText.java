package org.reasonlab.core.agreement;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** An agreement report as aligned plain text, as the CLI's {@code agreement} command prints it. */
public final class AgreementText {
    private static final String NL = "\n";
    private static final int REASON_WIDTH = 70;

    private AgreementText() {
    }

    /**
     * The report; {@code file} names the dataset in the heading and in each disagreement's
     * location (may be null); at most {@code disagreementLimit} disagreements are listed.
     */
    public static String toText(AgreementReport r, Path file, int disagreementLimit) {
        String name = file == null ? "(unnamed)" : file.toString();
        StringBuilder out = new StringBuilder();
        out.append("Agreement: ").append(name).append(NL);
        row(out, "records", r.records());
        row(out, "annotated", r.items());
        row(out, "2+ annotators", r.pairableItems());
        row(out, "ratings", r.ratings());
        out.append(String.format(Locale.ROOT, "  %-16s %8d  %s%n", "annotators", r.annotators().size(),
                String.join(", ", r.annotators())));
        if (!r.measurable()) {
            out.append(NL).append("Agreement cannot be measured: ").append(r.notice()).append('.').append(NL);
            appendLabels(out, r.labelCounts());
            return out.toString();
        }

        out.append(NL).append("Agreement (nominal labels, records labelled by 2+ annotators)").append(NL);
        coefficient(out, "percent agreement", r.percentAgreement());
        coefficient(out, "Fleiss' kappa", r.fleissKappa());
        coefficient(out, "Krippendorff's alpha", r.krippendorffAlpha());

        out.append(NL).append("Annotator pairs (Cohen's kappa over the records both labelled)").append(NL);
        int width = Math.max(9, r.annotators().stream().mapToInt(String::length).max().orElse(0));
        out.append(String.format(Locale.ROOT, "  %-" + width + "s %-" + width + "s %8s %10s %8s%n", "annotator",
                "annotator", "records", "agreement", "kappa"));
        for (PairAgreement p : r.pairs()) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s %-" + width + "s %8d %10s %8s%n", p.annotatorA(),
                    p.annotatorB(), p.items(), format(p.observedAgreement()), format(p.kappa())));
        }
        if (r.pairs().isEmpty()) {
            out.append("  (no two annotators labelled the same record)").append(NL);
        }
        appendLabels(out, r.labelCounts());

        out.append(NL).append(String.format(Locale.ROOT,
                "Disagreements: %d record(s); final label differs from the majority on %d record(s)%n",
                r.disagreements().size(), r.finalDiffersFromMajority()));
        int shown = 0;
        for (Disagreement d : r.disagreements()) {
            if (shown++ == disagreementLimit) {
                out.append("  ... and ").append(r.disagreements().size() - disagreementLimit)
                        .append(" more (use --limit or --json)").append(NL);
                break;
            }
            appendDisagreement(out, name, d);
        }
        return out.toString();
    }

    private static void appendLabels(StringBuilder out, List<LabelCount> counts) {
        out.append(NL).append("Labels").append(NL);
        int width = Math.max(16, counts.stream().mapToInt(c -> c.label().length()).max().orElse(0));
        out.append(String.format(Locale.ROOT, "  %-" + width + "s %8s %8s%n", "label", "ratings", "final"));
        for (LabelCount c : counts) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s %8d %8d%n", c.label(), c.ratings(),
                    c.finalLabels()));
        }
    }

    private static void appendDisagreement(StringBuilder out, String file, Disagreement d) {
        out.append("  ").append(file);
        if (d.line() > 0) {
            out.append(':').append(d.line());
        }
        if (d.recordId() != null) {
            out.append(" [").append(d.recordId()).append(']');
        }
        out.append(" final ").append(d.finalLabel() == null ? "(none)" : d.finalLabel());
        out.append(", majority ").append(d.majorityLabel() == null ? "(tie)" : d.majorityLabel());
        if (d.finalDiffersFromMajority()) {
            out.append(" (differs)");
        }
        out.append(NL);
        for (Rating rating : d.ratings()) {
            out.append("      ").append(rating.annotator()).append(": ").append(rating.label());
            if (rating.reason() != null && !rating.reason().isBlank()) {
                out.append(" - ").append(abbreviate(rating.reason()));
            }
            out.append(NL);
        }
    }

    private static void row(StringBuilder out, String name, int value) {
        out.append(String.format(Locale.ROOT, "  %-16s %8d%n", name, value));
    }

    private static void coefficient(StringBuilder out, String name, Coefficient c) {
        out.append(String.format(Locale.ROOT, "  %-22s %8s", name, format(c)));
        out.append(c.isDefined() ? String.format(Locale.ROOT, "  (%d records)", c.items())
                : "  (undefined: " + c.undefinedReason() + ")");
        out.append(NL);
    }

    private static String format(Coefficient c) {
        return c.isDefined() ? format(c.value()) : "-";
    }

    private static String format(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "-";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= REASON_WIDTH ? oneLine : oneLine.substring(0, REASON_WIDTH - 3) + "...";
    }
}
