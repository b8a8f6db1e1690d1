package org.reasonlab.core.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.DatasetFormat;

/** The {@code --json} output shared by the commands. */
final class CliJson {
    // nulls are written: a measure that is undefined says so (null) rather than vanishing from the output
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private CliJson() {
    }

    static void print(JsonElement json, PrintStream out) {
        out.println(GSON.toJson(json));
    }

    /** The name users type for a format: jsonl, csv or dfar. */
    static String formatName(DatasetFormat format) {
        return format == DatasetFormat.DFAR_CSV ? "dfar" : format.name().toLowerCase(Locale.ROOT);
    }

    static JsonArray parseProblems(List<ParseProblem> problems) {
        JsonArray array = new JsonArray();
        for (ParseProblem p : problems) {
            JsonObject o = new JsonObject();
            o.addProperty("file", p.file().toString());
            o.addProperty("line", p.line());
            o.addProperty("column", p.column());
            o.addProperty("message", p.message());
            array.add(o);
        }
        return array;
    }
}
