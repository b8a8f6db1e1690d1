package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonObject;
import org.reasonlab.core.agreement.AgreementAnalyzer;
import org.reasonlab.core.agreement.AgreementJson;
import org.reasonlab.core.agreement.AgreementReport;
import org.reasonlab.core.agreement.AgreementText;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;

/**
 * {@code reasonlab agreement FILE}: how far the annotators agree, and the records they disagree on.
 * Disagreement is a finding, not an error: the status is 1 only when lines could not be parsed.
 */
final class AgreementCommand implements CliCommand {

    @Override
    public String name() {
        return "agreement";
    }

    @Override
    public String usage() {
        return "FILE [--limit N] [--json]";
    }

    @Override
    public String summary() {
        return "annotator agreement (percent, Cohen's and Fleiss' kappa, Krippendorff's alpha) and disagreements";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json"), Set.of("limit"));
        Path file = Path.of(arguments.requirePositional(1, "FILE").get(0));
        int limit = arguments.intOption("limit", 20);
        if (limit < 0) {
            throw new UsageException("--limit must not be negative");
        }

        LoadResult loaded = DatasetLoader.load(file);
        AgreementReport report = AgreementAnalyzer.analyze(loaded.dataset());
        if (arguments.flag("json")) {
            JsonObject json = new JsonObject();
            json.addProperty("file", file.toString());
            json.add("parseProblems", CliJson.parseProblems(loaded.problems()));
            json.add("agreement", AgreementJson.toJson(report));
            CliJson.print(json, out);
        } else {
            out.print(AgreementText.toText(report, file, limit));
            ProblemPrinter.printParseProblems(loaded.problems(), err, ProblemPrinter.DEFAULT_LIMIT);
        }
        return loaded.hasProblems() ? DATA_ERRORS : OK;
    }
}
