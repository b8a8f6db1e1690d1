package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.reasonlab.core.edit.DatasetFixes;
import org.reasonlab.core.edit.RecordFixer;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.validate.ProblemKind;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.core.validate.ValidationOptions;
import org.reasonlab.core.validate.ValidationProblem;
import org.reasonlab.core.validate.Validator;

/**
 * {@code reasonlab validate FILE}: every problem with its line, in the form editors and CI logs link.
 * With {@code --fix} it first applies the safe quick fixes of the Problems view ({@link DatasetFixes})
 * and saves the file atomically (unparseable lines byte for byte), then reports what is left.
 */
final class ValidateCommand implements CliCommand {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String usage() {
        return "FILE [--fix] [--min-reason-words N] [--strict] [--limit N] [--json]";
    }

    @Override
    public String summary() {
        return "check records: labels, reasons, ids, duplicates, leakage, contradictions, text hygiene;"
                + " --fix trims whitespace, replaces non-breaking spaces and repairs mojibake in FILE";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("json", "strict", "fix"), Set.of("min-reason-words", "limit"));
        Path file = Path.of(arguments.requirePositional(1, "FILE").get(0));
        int limit = arguments.intOption("limit", 200);
        ValidationOptions options = ValidationOptions.defaults()
                .withMinReasonWords(arguments.intOption("min-reason-words", ValidationOptions.defaults().minReasonWords()));

        LoadResult loaded = DatasetLoader.load(file);
        Map<ProblemKind, Integer> fixed = arguments.flag("fix") ? fix(loaded, file) : Map.of();
        List<ValidationProblem> problems = new Validator(options).validate(loaded.dataset());
        Map<Integer, ParseProblem> parseProblemByLine = new HashMap<>();
        for (ParseProblem p : loaded.problems()) {
            parseProblemByLine.putIfAbsent(p.line(), p);
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (ValidationProblem p : problems) {
            bySeverity.merge(p.severity(), 1, Integer::sum);
        }

        if (arguments.flag("json")) {
            JsonObject json = toJson(file, loaded, problems, parseProblemByLine, bySeverity);
            if (arguments.flag("fix")) {
                JsonObject fixes = new JsonObject();
                fixed.forEach((kind, records) -> fixes.addProperty(kindId(kind), records));
                json.add("fixed", fixes);
            }
            CliJson.print(json, out);
        } else {
            if (arguments.flag("fix")) {
                printFixed(file, fixed, out);
            }
            int shown = 0;
            for (ValidationProblem p : problems) {
                if (shown++ == limit) {
                    out.println("... and " + (problems.size() - limit) + " more (use --limit or --json)");
                    break;
                }
                out.println(location(file, p, parseProblemByLine) + ": " + p.severity().name().toLowerCase(Locale.ROOT)
                        + ": " + p.message() + " [" + kindId(p.kind()) + "]");
            }
            out.printf("%s: %d records, %d unparsed lines: %d errors, %d warnings, %d notes%n", file,
                    loaded.dataset().recordCount(), loaded.dataset().rawLines().size(),
                    bySeverity.getOrDefault(Severity.ERROR, 0), bySeverity.getOrDefault(Severity.WARNING, 0),
                    bySeverity.getOrDefault(Severity.INFO, 0));
        }
        boolean failed = bySeverity.getOrDefault(Severity.ERROR, 0) > 0
                || (arguments.flag("strict") && bySeverity.getOrDefault(Severity.WARNING, 0) > 0);
        return failed ? DATA_ERRORS : OK;
    }

    /** Applies every safe quick fix and saves the file atomically when a record changed. */
    private static Map<ProblemKind, Integer> fix(LoadResult loaded, Path file) throws IOException {
        Map<ProblemKind, Integer> fixed = DatasetFixes.applyAll(loaded.dataset());
        if (!fixed.isEmpty()) {
            DatasetSaver.save(loaded.dataset(), file);
        }
        return fixed;
    }

    private static void printFixed(Path file, Map<ProblemKind, Integer> fixed, PrintStream out) {
        if (fixed.isEmpty()) {
            out.println(file + ": nothing to fix");
            return;
        }
        fixed.forEach((kind, records) -> out.println(file + ": fixed " + records + " record(s): "
                + RecordFixer.label(kind).toLowerCase(Locale.ROOT) + " [" + kindId(kind) + "]"));
    }

    private static String location(Path file, ValidationProblem p, Map<Integer, ParseProblem> parseProblemByLine) {
        if (p.line() <= 0) {
            return file.toString();
        }
        ParseProblem parse = parseProblemAt(p, parseProblemByLine);
        return file + ":" + p.line() + (parse != null ? ":" + parse.column() : "");
    }

    /** The reader's problem behind a validation problem, which knows the column too. */
    private static ParseProblem parseProblemAt(ValidationProblem p, Map<Integer, ParseProblem> parseProblemByLine) {
        boolean fromReader = p.kind() == ProblemKind.PARSE_ERROR || p.kind() == ProblemKind.UNKNOWN_LABEL;
        return fromReader ? parseProblemByLine.get(p.line()) : null;
    }

    static String kindId(ProblemKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static JsonObject toJson(Path file, LoadResult loaded, List<ValidationProblem> problems,
            Map<Integer, ParseProblem> parseProblemByLine, Map<Severity, Integer> bySeverity) {
        JsonObject json = new JsonObject();
        json.addProperty("file", file.toString());
        json.addProperty("records", loaded.dataset().recordCount());
        json.addProperty("unparsedLines", loaded.dataset().rawLines().size());
        JsonObject summary = new JsonObject();
        for (Severity severity : Severity.values()) {
            summary.addProperty(severity.name().toLowerCase(Locale.ROOT), bySeverity.getOrDefault(severity, 0));
        }
        json.add("summary", summary);
        JsonArray array = new JsonArray();
        for (ValidationProblem p : problems) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", kindId(p.kind()));
            o.addProperty("severity", p.severity().name().toLowerCase(Locale.ROOT));
            o.addProperty("line", p.line());
            ParseProblem parse = parseProblemAt(p, parseProblemByLine);
            if (parse != null) {
                o.addProperty("column", parse.column());
            }
            if (p.recordId() != null) {
                o.addProperty("recordId", p.recordId());
            }
            if (p.field() != null) {
                o.addProperty("field", p.field());
            }
            o.addProperty("message", p.message());
            array.add(o);
        }
        json.add("problems", array);
        return json;
    }
}
