package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.reasonlab.core.compare.TextTable;
import org.reasonlab.core.review.blind.ReviewSession;
import org.reasonlab.core.review.blind.ReviewSessionResults;
import org.reasonlab.core.review.blind.ReviewSessionTables;

/**
 * {@code reasonlab review-results SESSION [--format text|md|csv|latex]}: the results of a blinded review session
 * ({@code *.review-session.json}): misalignment per run with 95% Wilson intervals, two-proportion tests between the
 * runs, Cohen's and Fleiss' kappa between the reviewers; on all items and the leakage-free ones. The results name
 * the runs: for after the session.
 */
final class ReviewResultsCommand implements CliCommand {
    private static final List<String> FORMATS = List.of("text", "md", "csv", "latex");

    @Override
    public String name() {
        return "review-results";
    }

    @Override
    public String usage() {
        return "SESSION [--format text|md|csv|latex]";
    }

    @Override
    public String summary() {
        return "results of a blinded review session: misalignment per run (Wilson), tests between runs, kappa";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of(), Set.of("format"));
        Path file = Path.of(arguments.requirePositional(1, "SESSION").get(0));
        String format = arguments.choiceOption("format", FORMATS);
        ReviewSessionResults r = ReviewSessionResults.compute(ReviewSession.open(file));
        out.println(r.items() + " items, reviewers: " + (r.reviewers().isEmpty() ? "none yet"
                : String.join(", ", r.reviewers())));
        out.println();
        print(out, format, "Misalignment per run (pooled over reviewers, majority verdict; 95% Wilson intervals)",
                ReviewSessionTables.runs(r));
        print(out, format, "Differences between runs (two-proportion z-test)", ReviewSessionTables.comparisons(r));
        print(out, format, "Agreement between reviewers", ReviewSessionTables.agreement(r));
        return OK;
    }

    private static void print(PrintStream out, String format, String title, TextTable table) {
        switch (format) {
            case "md" -> out.print("## " + title + "\n\n" + table.toMarkdown());
            case "csv" -> out.print(table.toCsv());
            case "latex" -> out.print("% " + title + "\n" + table.toLatex());
            default -> out.print(title + "\n\n" + table.toText());
        }
        out.println();
    }
}
