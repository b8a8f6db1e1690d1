package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.reasonlab.core.edit.DatasetMerge;
import org.reasonlab.core.edit.DatasetMerge.IdClash;
import org.reasonlab.core.edit.DatasetMerge.Source;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;

/**
 * {@code reasonlab merge IN... OUT}: the input datasets one after the other in one file, each record
 * with its split. An id in two inputs stops the merge before anything is written; unparseable lines
 * are carried over verbatim and reported, as {@code convert} does.
 */
final class MergeCommand implements CliCommand {

    @Override
    public String name() {
        return "merge";
    }

    @Override
    public String usage() {
        return "IN... OUT [--to jsonl|csv|dfar] [--force] [--json]";
    }

    @Override
    public String summary() {
        return "concatenate datasets (any format) into OUT, keeping each record's split; refuses ids in two inputs";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json", "force"), Set.of("to"));
        List<String> files = arguments.positional();
        if (files.size() < 2) {
            throw new UsageException("missing " + (files.isEmpty() ? "IN and OUT" : "OUT"));
        }
        List<Path> inputs = files.subList(0, files.size() - 1).stream().map(Path::of).toList();
        Path target = Path.of(files.get(files.size() - 1));
        DatasetFormat format = OutputFiles.format(arguments, target);
        OutputFiles.refuseInputs(inputs, List.of(target), "an input and OUT");
        OutputFiles.refuseExisting(arguments, target);

        List<Source> sources = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (Path in : inputs) {
            LoadResult loaded = DatasetLoader.load(in);
            requireSameSchema(sources, in, loaded.dataset());
            sources.add(new Source(in, loaded.dataset()));
            problems.addAll(loaded.problems());
        }
        Optional<IdClash> clash = DatasetMerge.firstIdClash(sources);
        if (clash.isPresent()) {
            err.println("reasonlab merge: " + clash.get().describe() + "; nothing was written."
                    + " Give the files distinct ids first: reasonlab convert IN OUT --id-prefix P");
            return DATA_ERRORS;
        }
        Dataset merged = DatasetMerge.merge(sources);
        DatasetSaver.saveAs(merged, target, format);

        int unparsed = merged.rawLines().size();
        if (arguments.flag("json")) {
            JsonObject json = new JsonObject();
            JsonArray inputNames = new JsonArray();
            inputs.forEach(in -> inputNames.add(in.toString()));
            json.add("inputs", inputNames);
            json.addProperty("output", target.toString());
            json.addProperty("format", CliJson.formatName(format));
            json.addProperty("records", merged.recordCount());
            json.addProperty("unparsedLines", unparsed);
            json.add("parseProblems", CliJson.parseProblems(problems));
            CliJson.print(json, out);
        } else {
            out.println("wrote " + target + ": " + merged.recordCount() + " records from " + inputs.size()
                    + " files as " + CliJson.formatName(format));
            if (!problems.isEmpty()) {
                ProblemPrinter.printParseProblems(problems, err, ProblemPrinter.DEFAULT_LIMIT);
                err.println(unparsed + " unparsed line(s) were copied verbatim; fix them and merge again");
            }
        }
        return problems.isEmpty() ? OK : DATA_ERRORS;
    }

    /** Labels are read through each file's schema; files that name their labels differently cannot be one dataset. */
    private static void requireSameSchema(List<Source> sources, Path file, Dataset dataset) throws UsageException {
        if (!sources.isEmpty() && !sources.get(0).dataset().schema().equals(dataset.schema())) {
            throw new UsageException(file + " has other labels (" + String.join(", ", dataset.schema().names())
                    + ") than " + sources.get(0).file() + " (" + String.join(", ", sources.get(0).dataset().schema().names())
                    + ")");
        }
    }
}
