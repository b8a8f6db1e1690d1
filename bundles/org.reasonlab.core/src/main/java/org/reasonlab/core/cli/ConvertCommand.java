package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonObject;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.RealPaths;
import org.reasonlab.core.io.SplitExporter;
import org.reasonlab.core.model.DatasetFormat;

/**
 * {@code reasonlab convert IN OUT}: between JSONL, CSV and the DFAR CSV layout, optionally one file
 * per split. Unparseable input lines are carried over verbatim and reported, never dropped.
 */
final class ConvertCommand implements CliCommand {

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String usage() {
        return "IN OUT [--to jsonl|csv|dfar] [--split-files] [--force] [--json]";
    }

    @Override
    public String summary() {
        return "convert between JSONL, CSV and DFAR CSV; --split-files writes OUT-train, OUT-validation, OUT-test";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json", "split-files", "force"), Set.of("to"));
        List<String> files = arguments.requirePositional(2, "IN and OUT");
        Path in = Path.of(files.get(0));
        Path target = Path.of(files.get(1));
        DatasetFormat format = targetFormat(arguments, target);
        if (!arguments.flag("force") && !arguments.flag("split-files") && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(target + " exists; pass --force to replace it");
        }
        List<Path> planned = arguments.flag("split-files") ? SplitExporter.outputs(withoutExtension(target), format)
                : List.of(target);
        for (Path output : planned) {
            if (RealPaths.same(in, output)) {
                throw new UsageException("IN and OUT are the same file: " + output + " is " + in);
            }
        }

        LoadResult loaded = DatasetLoader.load(in);
        JsonObject json = new JsonObject();
        json.addProperty("input", in.toString());
        json.addProperty("records", loaded.dataset().recordCount());
        json.addProperty("unparsedLines", loaded.dataset().rawLines().size());
        json.addProperty("format", CliJson.formatName(format));
        if (arguments.flag("split-files")) {
            Map<String, Path> written = SplitExporter.exportPerSplit(loaded.dataset(), withoutExtension(target), format);
            JsonObject outputs = new JsonObject();
            written.forEach((split, path) -> outputs.addProperty(split, path.toString()));
            json.add("outputs", outputs);
            if (!arguments.flag("json")) {
                written.forEach((split, path) -> out.println("wrote " + path + " (" + split + ")"));
            }
        } else {
            DatasetSaver.saveAs(loaded.dataset(), target, format);
            json.addProperty("output", target.toString());
            if (!arguments.flag("json")) {
                out.println("wrote " + target + ": " + loaded.dataset().recordCount() + " records as "
                        + CliJson.formatName(format));
            }
        }
        json.add("parseProblems", CliJson.parseProblems(loaded.problems()));
        if (arguments.flag("json")) {
            CliJson.print(json, out);
        } else if (loaded.hasProblems()) {
            ProblemPrinter.printParseProblems(loaded.problems(), err, ProblemPrinter.DEFAULT_LIMIT);
            err.println(loaded.dataset().rawLines().size() + " unparsed line(s) were copied verbatim; fix them and convert again");
        }
        return loaded.hasProblems() ? DATA_ERRORS : OK;
    }

    private static DatasetFormat targetFormat(CliArguments arguments, Path target) throws UsageException {
        if (arguments.option("to").isPresent()) {
            String name = arguments.option("to").get();
            return DatasetFormat.parse(name)
                    .orElseThrow(() -> new UsageException("unknown format '" + name + "'; use jsonl, csv or dfar"));
        }
        return DatasetFormat.fromFileName(target).orElseThrow(
                () -> new UsageException("cannot tell the format of " + target + " from its name; pass --to jsonl|csv|dfar"));
    }

    private static Path withoutExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? file.resolveSibling(name.substring(0, dot)) : file;
    }
}
