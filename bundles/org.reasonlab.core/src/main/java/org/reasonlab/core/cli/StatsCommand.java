package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonObject;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.stats.CrossDatasetLeakage;
import org.reasonlab.core.stats.DatasetStatistics;
import org.reasonlab.core.stats.DuplicateGroup;
import org.reasonlab.core.stats.Occurrence;
import org.reasonlab.core.stats.StatisticsJson;
import org.reasonlab.core.stats.StatisticsReport;

/** {@code reasonlab stats FILE [--against OTHER] [--json]}: counts, lengths, duplicates and leakage. */
final class StatsCommand implements CliCommand {

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String usage() {
        return "FILE [--against OTHER] [--json]";
    }

    @Override
    public String summary() {
        return "labels, splits, reason lengths, duplicates and train/test leakage of a dataset";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json"), Set.of("against"));
        Path file = Path.of(arguments.requirePositional(1, "FILE").get(0));
        Optional<Path> other = arguments.option("against").map(Path::of);

        LoadResult loaded = DatasetLoader.load(file);
        DatasetStatistics statistics = DatasetStatistics.compute(loaded.dataset());
        LoadResult otherLoaded = other.isPresent() ? DatasetLoader.load(other.get()) : null;
        List<DuplicateGroup> crossLeakage = other.isPresent()
                ? CrossDatasetLeakage.between(loaded.dataset(), file, otherLoaded.dataset(), other.get())
                : List.of();

        if (arguments.flag("json")) {
            JsonObject json = new JsonObject();
            json.addProperty("file", file.toString());
            json.addProperty("format", CliJson.formatName(loaded.dataset().layout().format()));
            json.add("parseProblems", CliJson.parseProblems(loaded.problems()));
            json.add("statistics", StatisticsJson.toJson(statistics));
            if (other.isPresent()) {
                JsonObject against = new JsonObject();
                against.addProperty("file", other.get().toString());
                against.add("parseProblems", CliJson.parseProblems(otherLoaded.problems()));
                against.addProperty("sharedStatements", crossLeakage.size());
                against.add("groups", StatisticsJson.toJson(crossLeakage));
                json.add("against", against);
            }
            CliJson.print(json, out);
        } else {
            out.print(StatisticsReport.toText(statistics, file));
            if (other.isPresent()) {
                printCrossLeakage(out, other.get(), crossLeakage);
            }
            ProblemPrinter.printParseProblems(loaded.problems(), err, ProblemPrinter.DEFAULT_LIMIT);
            if (otherLoaded != null) {
                ProblemPrinter.printParseProblems(otherLoaded.problems(), err, ProblemPrinter.DEFAULT_LIMIT);
            }
        }
        boolean parseErrors = loaded.hasProblems() || (otherLoaded != null && otherLoaded.hasProblems());
        return parseErrors || !crossLeakage.isEmpty() ? DATA_ERRORS : OK;
    }

    private static void printCrossLeakage(PrintStream out, Path other, List<DuplicateGroup> groups) {
        out.println();
        out.println("Against " + other + ": " + groups.size() + " statement(s) appear in both files"
                + (groups.isEmpty() ? "" : " (leakage)"));
        groups.stream().limit(10).forEach(group -> {
            for (Occurrence o : group.occurrences()) {
                out.println("  " + o.file() + ":" + o.line() + (o.recordId() == null ? "" : " [" + o.recordId() + "]")
                        + ": " + abbreviate(o.statement()));
            }
        });
        if (groups.size() > 10) {
            out.println("  ... and " + (groups.size() - 10) + " more (use --json for all)");
        }
    }

    static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 90 ? oneLine : oneLine.substring(0, 87) + "...";
    }
}
