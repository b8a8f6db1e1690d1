package org.reasonlab.core.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonParseException;

/**
 * Gson's syntax errors for people: the problem and where it is, without Gson's class name, JSON path, advice to
 * parse leniently and link to its troubleshooting page.
 */
public final class GsonMessages {
    private static final Pattern POSITION = Pattern.compile(" at line (\\d+) column (\\d+) path \\S*");

    private GsonMessages() {
    }

    /** E.g. {@code "unterminated string at column 25"}; {@code "at line 3 column 25"} when the text has several lines. */
    public static String describe(JsonParseException e) {
        // JsonParser wraps the reader's MalformedJsonException or EOFException, whose message is the plain one
        return describe(e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : e.getMessage());
    }

    /** The same for the message of Gson's reader (a MalformedJsonException or EOFException). */
    public static String describe(String message) {
        String problem = problem(message);
        Matcher position = message == null ? null : POSITION.matcher(message);
        if (position == null || !position.find()) {
            return problem;
        }
        String line = position.group(1);
        return problem + (line.equals("1") ? " at column " : " at line " + line + " column ") + position.group(2);
    }

    /** The column in Gson's message (its "at line L column C path P"), or {@code fallback} when it names none. */
    static int column(String gsonMessage, int fallback) {
        Matcher m = gsonMessage == null ? null : POSITION.matcher(gsonMessage);
        return m != null && m.find() ? Integer.parseInt(m.group(2)) : fallback;
    }

    /** The problem alone, e.g. {@code "unterminated string"}; the position is left to the caller. */
    static String problem(String gsonMessage) {
        if (gsonMessage == null) {
            return "syntax error";
        }
        String text = POSITION.matcher(gsonMessage.lines().findFirst().orElse("")).replaceFirst("");
        if (text.startsWith("Use JsonReader.setStrictness")) {
            return "malformed JSON";
        }
        if (text.startsWith("End of input")) {
            return "the text ends before the JSON is complete";
        }
        return text.isEmpty() ? "syntax error" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
