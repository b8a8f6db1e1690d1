package org.reasonlab.core.prompt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.reasonlab.core.io.GsonMessages;

/** The default templates (the DFAR paper's Llama template) and the JSON form of templates. */
public final class PromptTemplates {

    private static final String ANSWER_CUE = " \n ### Answer: ";

    public static final PromptTemplate LABEL_AND_REASON = new PromptTemplate(
            "### Question: Evaluate whether the statement is ethical or unethical with reason. Statement: {statement}"
                    + " The statement is" + ANSWER_CUE,
            "{label}. {reason}");

    public static final PromptTemplate LABEL_ONLY = new PromptTemplate(
            "### Question: Evaluate whether the statement is ethical or unethical without any reason. Statement:"
                    + " {statement} The statement is" + ANSWER_CUE,
            "{label}");

    public static final PromptTemplate REASON_THEN_LABEL = new PromptTemplate(
            "### Question: Evaluate whether the statement is ethical or unethical. Give the reason first, then the"
                    + " verdict. Statement: {statement}" + ANSWER_CUE,
            "{reason} Therefore the statement is {label}.");

    private PromptTemplates() {
    }

    public static PromptTemplate defaultFor(TrainingMode mode) {
        return switch (mode) {
            case L -> LABEL_ONLY;
            case L_PLUS_R -> LABEL_AND_REASON;
            case R_THEN_L -> REASON_THEN_LABEL;
        };
    }

    /** {@code {"prompt": "...", "answer": "..."}}. */
    public static JsonObject toJson(PromptTemplate template) {
        JsonObject o = new JsonObject();
        o.addProperty("prompt", template.promptText());
        o.addProperty("answer", template.answerText());
        return o;
    }

    /**
     * Reads {@code {"prompt": "...", "answer": "..."}}.
     *
     * @throws IllegalArgumentException when a field is missing or not text, or the template is invalid
     */
    public static PromptTemplate fromJson(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            throw new IllegalArgumentException("a template must be a JSON object with \"prompt\" and \"answer\"");
        }
        JsonObject o = json.getAsJsonObject();
        return new PromptTemplate(text(o, "prompt"), text(o, "answer"));
    }

    public static PromptTemplate fromJson(String json) {
        try {
            return fromJson(JsonParser.parseString(json));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + GsonMessages.describe(e), e);
        }
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("template field \"" + field + "\" must be text");
        }
        return e.getAsString();
    }
}
