package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonObject;
import org.reasonlab.core.edit.RecordStamps;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.SplitExporter;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.Split;

/**
 * {@code reasonlab convert IN OUT}: between JSONL, CSV and the DFAR CSV layout, optionally one file
 * per split. Unparseable input lines are carried over verbatim and reported, never dropped. {@code --split}
 * puts every record in one split, {@code --id-prefix} prefixes every id (so that files numbered alike
 * can be merged).
 */
final class ConvertCommand implements CliCommand {

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String usage() {
        return "IN OUT [--to jsonl|csv|dfar] [--split train|validation|test] [--id-prefix P] [--split-files] [--force] [--json]";
    }

    @Override
    public String summary() {
        return "convert between JSONL, CSV and DFAR CSV; --split sets every record's split, --id-prefix prefixes every id;"
                + " --split-files writes OUT-train, OUT-validation, OUT-test";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json", "split-files", "force"), Set.of("to", "split", "id-prefix"));
        List<String> files = arguments.requirePositional(2, "IN and OUT");
        Path in = Path.of(files.get(0));
        Path target = Path.of(files.get(1));
        DatasetFormat format = OutputFiles.format(arguments, target);
        if (!arguments.flag("split-files")) {
            OutputFiles.refuseExisting(arguments, target);
        }
        List<Path> planned = arguments.flag("split-files") ? SplitExporter.outputs(withoutExtension(target), format)
                : List.of(target);
        OutputFiles.refuseInputs(List.of(in), planned, "IN and OUT");
        Split assigned = arguments.option("split", null, Split::parse, "train, validation or test");
        String idPrefix = arguments.option("id-prefix", null, p -> Optional.of(p).filter(t -> !t.isBlank()), "a non-empty text");

        LoadResult loaded = DatasetLoader.load(in);
        if (assigned != null) {
            RecordStamps.assignSplit(loaded.dataset(), assigned);
        }
        if (idPrefix != null) {
            RecordStamps.prefixIds(loaded.dataset(), idPrefix);
        }
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

    private static Path withoutExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? file.resolveSibling(name.substring(0, dot)) : file;
    }
}
