package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.reasonlab.core.imports.DatasetImport;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.traces.Correctness;
import org.reasonlab.core.traces.DropReason;
import org.reasonlab.core.traces.LengthBuckets;
import org.reasonlab.core.traces.Trace;
import org.reasonlab.core.traces.TraceFile;
import org.reasonlab.core.traces.TraceFileReader;
import org.reasonlab.core.traces.TraceFilter;
import org.reasonlab.core.traces.TraceImport;
import org.reasonlab.core.traces.TraceMetadata;
import org.reasonlab.core.traces.TraceStatistics;
import org.reasonlab.core.traces.TraceStatisticsReport;
import org.reasonlab.core.traces.TracedRecords;
import org.reasonlab.core.traces.TracesJson;

/**
 * {@code reasonlab traces import|stats|filter}: a teacher model's reasoning traces as the reasons of a dataset copy
 * (docs/traces.md). {@code import} joins a traces file to the dataset by record id and writes the copy; nothing is
 * written when the traces file has a line that cannot be read, two traces for one id, the dataset has an id twice, or
 * no trace names a record. {@code stats} reports how many traces argue for the gold label and how long they are;
 * {@code filter} writes the records whose traces pass.
 */
final class TracesCommand implements CliCommand {
    private static final int SHOWN = 10;
    private static final String EDGES = "increasing whole numbers of words such as 50,100,200";

    @Override
    public String name() {
        return "traces";
    }

    @Override
    public String usage() {
        return "import DATASET --traces FILE --out OUT [--split S] [--to jsonl|csv] [--force] [--json]"
                + " | stats DATASET [--buckets 50,100,200] [--split S] [--json]"
                + " | filter DATASET --out OUT [--correct correct|incorrect|any] [--keep-unclear] [--min-length N]"
                + " [--max-length N] [--bucket NAME]... [--buckets 50,100,200] [--split S] [--to FORMAT] [--force] [--json]";
    }

    @Override
    public String summary() {
        return "teacher reasoning traces as reasons: import them by record id (reason = trace, human reason kept in"
                + " metadata), their correctness and length, filter by them (docs/traces.md)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (args.isEmpty()) {
            throw new UsageException("missing SUBCOMMAND: import, stats or filter");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "import" -> runImport(rest, out, err);
            case "stats" -> runStats(rest, out, err);
            case "filter" -> runFilter(rest, out, err);
            default -> throw new UsageException("unknown subcommand '" + args.get(0) + "'; use import, stats or filter");
        };
    }

    private static int runImport(List<String> args, PrintStream out, PrintStream err)
            throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json", "force"),
                Set.of("traces", "out", "to", "split"));
        Path datasetFile = Path.of(arguments.requirePositional(1, "DATASET").get(0));
        Path tracesFile = arguments.option("traces").map(Path::of)
                .orElseThrow(() -> new UsageException("--traces FILE is required: the teacher's traces, JSONL or CSV"));
        Path target = requiredOut(arguments);
        DatasetFormat format = OutputFiles.format(arguments, target);
        if (format == DatasetFormat.DFAR_CSV) {
            throw new UsageException("the DFAR layout has no metadata column for the human reasons and verdicts;"
                    + " write jsonl or csv");
        }
        OutputFiles.refuseExisting(arguments, target);
        OutputFiles.refuseInputs(List.of(datasetFile, tracesFile), List.of(target), "an input and --out");
        Split split = arguments.option("split", null, Split::parse, "train, validation or test");

        LoadResult loaded = DatasetLoader.load(datasetFile);
        TraceFile traces = TraceFileReader.read(tracesFile);
        TraceImport imported = TraceImport.join(loaded.dataset(), datasetFile, traces.traces(), split);
        String refusal = imported.refusal(traces, datasetFile);
        if (refusal == null) {
            refuseOtherSidecar(arguments, loaded.dataset().schema(), target);
            DatasetImport.write(imported.dataset(), target, format); // with the label sidecar
        }
        if (arguments.flag("json")) {
            JsonObject json = new JsonObject();
            json.addProperty("dataset", datasetFile.toString());
            json.addProperty("traces", tracesFile.toString());
            json.add("output", refusal == null ? new JsonPrimitive(target.toString()) : JsonNull.INSTANCE);
            json.add("refused", refusal == null ? JsonNull.INSTANCE : new JsonPrimitive(refusal));
            json.addProperty("records", loaded.dataset().recordCount());
            json.addProperty("traceLines", traces.traces().size() + traces.problems().size());
            json.addProperty("traced", imported.traced());
            JsonObject counts = new JsonObject();
            for (Correctness c : Correctness.values()) {
                counts.addProperty(c.id(), imported.count(c));
            }
            json.add("correctness", counts);
            json.add("split", split == null ? JsonNull.INSTANCE : new JsonPrimitive(split.id()));
            json.addProperty("otherSplits", imported.otherSplits());
            json.add("untraced", TracesJson.records(imported.untraced()));
            json.add("unknownIds", TracesJson.traces(imported.unknownIds()));
            json.add("otherSplitIds", TracesJson.traces(imported.unusedIds()));
            json.add("traceProblems", CliJson.parseProblems(traces.problems()));
            json.add("idClashes", CliJson.parseProblems(imported.idClashes()));
            json.add("parseProblems", CliJson.parseProblems(loaded.problems()));
            CliJson.print(json, out);
        } else {
            if (refusal == null) {
                printImport(out, datasetFile, tracesFile, loaded, traces, imported, split);
                out.println("wrote " + target + ": " + imported.dataset().recordCount() + " records; a traced record's"
                        + " reason is its trace, its human reason is in metadata." + TraceMetadata.HUMAN_REASON);
            }
            ProblemPrinter.printParseProblems(traces.problems(), err, ProblemPrinter.DEFAULT_LIMIT);
            ProblemPrinter.printParseProblems(imported.idClashes(), err, ProblemPrinter.DEFAULT_LIMIT);
            ProblemPrinter.printParseProblems(loaded.problems(), err, ProblemPrinter.DEFAULT_LIMIT);
            if (refusal != null) {
                err.println("reasonlab traces import: " + refusal + "; nothing was written");
            } else if (loaded.hasProblems()) {
                err.println(loaded.dataset().rawLines().size() + " unparsed line(s) were copied verbatim");
            }
        }
        return refusal != null || loaded.hasProblems() ? DATA_ERRORS : OK;
    }

    private static void printImport(PrintStream out, Path datasetFile, Path tracesFile, LoadResult loaded,
            TraceFile traces, TraceImport imported, Split split) {
        out.println(tracesFile + ": " + traces.traces().size() + " trace(s) for the " + loaded.dataset().recordCount()
                + " records of " + datasetFile);
        out.println("  " + imported.traced() + " record(s) got a trace: " + imported.count(Correctness.CORRECT)
                + " correct, " + imported.count(Correctness.INCORRECT) + " incorrect, "
                + imported.count(Correctness.UNCLEAR) + " without a clear verdict");
        out.println("  " + imported.untraced().size() + " record(s) have no trace and are kept without a reason"
                + " (R->L training skips them)");
        List<String> untraced = new ArrayList<>();
        for (DatasetRecord r : imported.untraced()) {
            untraced.add(datasetFile + ":" + r.sourceLine() + (r.id() == null ? " (no id)" : " [" + r.id() + "]"));
        }
        printSome(out, untraced);
        out.println("  " + imported.unknownIds().size() + " trace(s) name an id that is no record's");
        List<String> unknown = new ArrayList<>();
        for (Trace t : imported.unknownIds()) {
            unknown.add(tracesFile + ":" + t.line() + " [" + t.id() + "]");
        }
        printSome(out, unknown);
        if (split != null) {
            out.println("  " + imported.otherSplits() + " record(s) of other splits than " + split.id()
                    + " are kept as they are; " + imported.unusedIds().size() + " trace(s) for them were not used");
        }
    }

    private static void printSome(PrintStream out, List<String> lines) {
        lines.stream().limit(SHOWN).forEach(line -> out.println("    " + line));
        if (lines.size() > SHOWN) {
            out.println("    ... and " + (lines.size() - SHOWN) + " more (--json lists all)");
        }
    }

    private static int runStats(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json"), Set.of("buckets", "split"));
        Path file = Path.of(arguments.requirePositional(1, "DATASET").get(0));
        List<Integer> edges = arguments.option("buckets", null, LengthBuckets::parseEdges, EDGES);
        Split split = arguments.option("split", null, Split::parse, "train, validation or test");

        LoadResult loaded = DatasetLoader.load(file);
        TracedRecords judged = TracedRecords.of(loaded.dataset(), split);
        LengthBuckets buckets = edges == null ? judged.tertiles() : LengthBuckets.fixed(edges);
        TraceStatistics statistics = TraceStatistics.of(judged, buckets);
        if (arguments.flag("json")) {
            JsonObject json = new JsonObject();
            json.addProperty("file", file.toString());
            for (Map.Entry<String, JsonElement> e : TracesJson.statistics(statistics).entrySet()) {
                json.add(e.getKey(), e.getValue());
            }
            json.add("parseProblems", CliJson.parseProblems(loaded.problems()));
            CliJson.print(json, out);
        } else {
            out.print(TraceStatisticsReport.toText(statistics, file));
            ProblemPrinter.printParseProblems(loaded.problems(), err, ProblemPrinter.DEFAULT_LIMIT);
        }
        return loaded.hasProblems() ? DATA_ERRORS : OK;
    }

    private static int runFilter(List<String> args, PrintStream out, PrintStream err)
            throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json", "force", "keep-unclear"),
                Set.of("out", "to", "correct", "min-length", "max-length", "buckets", "bucket", "split"));
        Path file = Path.of(arguments.requirePositional(1, "DATASET").get(0));
        Path target = requiredOut(arguments);
        DatasetFormat format = OutputFiles.format(arguments, target);
        OutputFiles.refuseExisting(arguments, target);
        OutputFiles.refuseInputs(List.of(file), List.of(target), "DATASET and --out");
        String correct = arguments.choiceOption("correct", List.of("correct", "incorrect", "any"));
        Set<Correctness> keep = switch (correct) {
            case "correct" -> EnumSet.of(Correctness.CORRECT);
            case "incorrect" -> EnumSet.of(Correctness.INCORRECT);
            default -> EnumSet.allOf(Correctness.class);
        };
        if (arguments.flag("keep-unclear")) {
            keep.add(Correctness.UNCLEAR);
        }
        Integer min = words(arguments, "min-length");
        Integer max = words(arguments, "max-length");
        if (min != null && max != null && min > max) {
            throw new UsageException("--min-length " + min + " is above --max-length " + max);
        }
        List<Integer> edges = arguments.option("buckets", null, LengthBuckets::parseEdges, EDGES);
        Set<String> bucketNames = new LinkedHashSet<>(arguments.options("bucket"));
        if (edges != null && bucketNames.isEmpty()) {
            throw new UsageException("--buckets sets the buckets that --bucket names; give --bucket NAME too");
        }
        Split split = arguments.option("split", null, Split::parse, "train, validation or test");

        LoadResult loaded = DatasetLoader.load(file);
        TracedRecords judged = TracedRecords.of(loaded.dataset(), split); // tertiles of the filtered split
        LengthBuckets buckets = edges == null ? judged.tertiles() : LengthBuckets.fixed(edges);
        TraceFilter filter;
        try {
            filter = new TraceFilter(keep, min, max, buckets, bucketNames, split);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--bucket: " + e.getMessage());
        }
        TraceFilter.Result result = filter.apply(loaded.dataset(), judged);
        refuseOtherSidecar(arguments, loaded.dataset().schema(), target);
        DatasetImport.write(result.dataset(), target, format); // with the label sidecar

        if (arguments.flag("json")) {
            JsonObject json = new JsonObject();
            json.addProperty("input", file.toString());
            json.addProperty("output", target.toString());
            json.addProperty("format", CliJson.formatName(format));
            JsonObject criteria = new JsonObject();
            JsonArray kept = new JsonArray();
            keep.forEach(c -> kept.add(c.id()));
            criteria.add("correctness", kept);
            criteria.add("minWords", min == null ? JsonNull.INSTANCE : new JsonPrimitive(min));
            criteria.add("maxWords", max == null ? JsonNull.INSTANCE : new JsonPrimitive(max));
            JsonArray named = new JsonArray();
            for (String name : bucketNames) {
                LengthBuckets.Bucket b = buckets.named(name).orElseThrow();
                JsonObject o = new JsonObject();
                o.addProperty("name", name);
                o.addProperty("minWords", b.min());
                o.add("maxWords", b.max() == null ? JsonNull.INSTANCE : new JsonPrimitive(b.max()));
                named.add(o);
            }
            criteria.add("buckets", named);
            criteria.add("split", split == null ? JsonNull.INSTANCE : new JsonPrimitive(split.id()));
            json.add("criteria", criteria);
            json.addProperty("records", loaded.dataset().recordCount());
            json.addProperty("kept", result.kept());
            json.addProperty("notFiltered", result.notFiltered());
            json.addProperty("droppedTotal", result.droppedTotal());
            json.add("dropped", TracesJson.dropped(result));
            json.add("parseProblems", CliJson.parseProblems(loaded.problems()));
            CliJson.print(json, out);
        } else {
            out.println(file + ": kept " + result.kept() + " of " + (loaded.dataset().recordCount() - result.notFiltered())
                    + " records " + (split == null ? "" : "of split " + split.id() + " ") + "(" + criteria(keep, min,
                            max, buckets, bucketNames) + ")");
            for (DropReason reason : DropReason.values()) {
                int n = result.dropped().get(reason);
                if (n > 0) {
                    out.println("  dropped " + n + ": " + reason.description());
                }
            }
            if (split != null) {
                out.println("  kept as they are: " + result.notFiltered() + " record(s) of other splits");
            }
            out.println("wrote " + target + ": " + result.dataset().recordCount() + " records as "
                    + CliJson.formatName(format));
            ProblemPrinter.printParseProblems(loaded.problems(), err, ProblemPrinter.DEFAULT_LIMIT);
            if (loaded.hasProblems()) {
                err.println(loaded.dataset().rawLines().size() + " unparsed line(s) were copied verbatim");
            }
        }
        return loaded.hasProblems() ? DATA_ERRORS : OK;
    }

    private static String criteria(Set<Correctness> keep, Integer min, Integer max, LengthBuckets buckets,
            Set<String> bucketNames) {
        List<String> parts = new ArrayList<>();
        parts.add(keep.size() == Correctness.values().length ? "any verdict"
                : String.join(" or ", keep.stream().map(Correctness::id).toList()) + " traces");
        if (min != null || max != null) {
            parts.add((min == null ? 0 : min) + (max == null ? "+" : "-" + max) + " words");
        }
        if (!bucketNames.isEmpty()) {
            parts.add("bucket " + String.join(" or ", bucketNames.stream()
                    .map(n -> n + " (" + buckets.named(n).orElseThrow().range() + " words)").toList()));
        }
        return String.join(", ", parts);
    }

    private static Path requiredOut(CliArguments arguments) throws UsageException {
        return arguments.option("out").map(Path::of)
                .orElseThrow(() -> new UsageException("--out OUT is required: the dataset to write"));
    }

    /** A number of words, 0 or more, or null when the option is absent. */
    private static Integer words(CliArguments arguments, String option) throws UsageException {
        return arguments.option(option, null, text -> {
            try {
                return Optional.of(Integer.parseInt(text.trim())).filter(n -> n >= 0);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, "a whole number of words, 0 or more");
    }

    /**
     * A dataset whose labels are not the default ones reads them from its sidecar ({@link LabelSchemaFile}); the
     * output gets one with the same labels, so that it reads back as written. An output sidecar with other labels is
     * replaced only with {@code --force}.
     */
    private static void refuseOtherSidecar(CliArguments arguments, LabelSchema schema, Path target)
            throws UsageException, IOException {
        Path sidecar = LabelSchemaFile.sidecarFor(target);
        if (!arguments.flag("force") && Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS) && !sameLabels(sidecar, schema)) {
            throw new UsageException(sidecar + " exists with other labels; pass --force to replace it");
        }
    }

    private static boolean sameLabels(Path sidecar, LabelSchema schema) throws IOException {
        return LabelSchemaFile.read(sidecar).filter(schema::equals).isPresent();
    }
}
