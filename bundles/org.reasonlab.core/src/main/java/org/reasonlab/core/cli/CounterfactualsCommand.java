package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
import org.reasonlab.core.counterfactual.CounterfactualVariants;
import org.reasonlab.core.counterfactual.Substitution;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

/**
 * {@code reasonlab counterfactuals FILE --attributes builtin:NAME|SET.json [--split S] [--out FILE] [--json]}: the
 * counterfactual variants of a dataset's records (statement and reason substituted together, same label): how many
 * records hold an attribute word, the variants per substitution pair, the records skipped as ambiguous; with
 * {@code --out} the dataset with its variants after their records (counterfactual augmentation).
 */
final class CounterfactualsCommand implements CliCommand {
    private static final int SHOWN_SKIPPED = 10;

    @Override
    public String name() {
        return "counterfactuals";
    }

    @Override
    public String usage() {
        return "FILE --attributes builtin:NAME|SET.json [--split train|validation|test] [--out FILE [--to FORMAT]"
                + " [--force]] [--json]";
    }

    @Override
    public String summary() {
        return "counterfactual variants of the records (attribute words swapped in statement and reason, same label);"
                + " --out writes the dataset with them (built in: " + String.join(", ", BuiltinAttributeSets.names())
                + ")";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json", "force"),
                Set.of("attributes", "split", "out", "to"));
        Path file = Path.of(arguments.requirePositional(1, "FILE").get(0));
        String spec = arguments.option("attributes").orElseThrow(
                () -> new UsageException("--attributes is required: builtin:NAME or an attribute set file"));
        Split split = arguments.option("split", null, Split::parse, "train, validation or test");
        Path target = arguments.option("out").map(Path::of).orElse(null);
        DatasetFormat format = null;
        if (target != null) {
            format = OutputFiles.format(arguments, target);
            OutputFiles.refuseExisting(arguments, target);
            OutputFiles.refuseInputs(List.of(file), List.of(target), "FILE and --out");
        }
        Substitution substitution = new Substitution(BuiltinAttributeSets.resolve(spec));
        LoadResult loaded = DatasetLoader.load(file);
        CounterfactualVariants cv = CounterfactualVariants.of(loaded.dataset().records(), substitution, split);

        Map<String, Integer> pairs = new TreeMap<>();
        for (DatasetRecord v : cv.variants()) {
            for (String pair : v.metadata().get("pairs").getAsString().split(", ")) {
                pairs.merge(pair, 1, Integer::sum);
            }
        }
        if (target != null) {
            DatasetSaver.saveAs(withVariants(loaded.dataset(), cv), target, format);
        }
        if (arguments.flag("json")) {
            JsonObject json = new JsonObject();
            json.addProperty("file", file.toString());
            json.addProperty("attributes", substitution.set().name());
            json.addProperty("records", split == null ? loaded.dataset().recordCount()
                    : (int) loaded.dataset().recordStream().filter(r -> r.split() == split).count());
            json.addProperty("withAttribute", cv.withAttribute());
            json.addProperty("variants", cv.variants().size());
            JsonObject byPair = new JsonObject();
            pairs.forEach(byPair::addProperty);
            json.add("pairs", byPair);
            JsonArray skipped = new JsonArray();
            for (CounterfactualVariants.Skipped s : cv.skipped()) {
                JsonObject o = new JsonObject();
                o.addProperty("id", s.record().id());
                o.addProperty("line", s.record().sourceLine());
                o.addProperty("why", s.why());
                skipped.add(o);
            }
            json.add("skipped", skipped);
            json.addProperty("output", target == null ? null : target.toString());
            json.add("parseProblems", CliJson.parseProblems(loaded.problems()));
            CliJson.print(json, out);
        } else {
            out.println(file + ": " + cv.withAttribute() + " record(s) with " + substitution.set().name() + " words"
                    + (split == null ? "" : " in split " + split.name().toLowerCase(java.util.Locale.ROOT)) + ", "
                    + cv.variants().size() + " variant(s), " + cv.skipped().size() + " left out as ambiguous");
            pairs.forEach((pair, n) -> out.println("  " + pair + "  " + n));
            List<CounterfactualVariants.Skipped> shown = cv.skipped().subList(0,
                    Math.min(SHOWN_SKIPPED, cv.skipped().size()));
            for (CounterfactualVariants.Skipped s : shown) {
                out.println("  skipped " + file + ":" + s.record().sourceLine() + " (" + s.record().id() + "): "
                        + s.why());
            }
            if (cv.skipped().size() > shown.size()) {
                out.println("  ... and " + (cv.skipped().size() - shown.size()) + " more (--json lists all)");
            }
            if (target != null) {
                out.println("wrote " + target + ": " + loaded.dataset().recordCount() + " records and "
                        + cv.variants().size() + " variants");
            }
            ProblemPrinter.printParseProblems(loaded.problems(), err, ProblemPrinter.DEFAULT_LIMIT);
        }
        return loaded.hasProblems() ? DATA_ERRORS : OK;
    }

    /** The dataset's entries with each record's variants after it (unparsed lines kept where they were). */
    private static Dataset withVariants(Dataset dataset, CounterfactualVariants cv) {
        List<DatasetEntry> entries = new ArrayList<>();
        int next = 0;
        for (DatasetEntry e : dataset.entries()) {
            entries.add(e);
            while (next < cv.origins().size() && cv.origins().get(next) == e) {
                entries.add(cv.variants().get(next++));
            }
        }
        return new Dataset(dataset.schema(), dataset.layout(), entries);
    }
}
