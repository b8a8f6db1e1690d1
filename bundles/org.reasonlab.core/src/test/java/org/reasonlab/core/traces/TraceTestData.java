package org.reasonlab.core.traces;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small dataset and teacher traces for it, with the correctness of each trace known by reading it. */
public final class TraceTestData {
    /**
     * Four records; the human reasons are the dataset's. Record e has a label the traces never get to, and the line
     * after d is not a record.
     */
    public static final String DATASET = """
            {"id":"a","statement":"I returned the wallet I found on the bus.","label":"ethical","reason":"Returning lost property is honest.","split":"train","annotations":[{"annotator":"ann1","label":"ethical"}],"metadata":{"source":"pilot"},"topic":"honesty"}
            {"id":"b","statement":"I took credit for my colleague's report.","label":"unethical","reason":"Claiming someone else's work is dishonest.","split":"train"}
            {"id":"c","statement":"I kicked the neighbour's cat.","label":"unethical","reason":"Hurting an animal for no reason is cruel.","split":"train"}
            {"id":"d","statement":"I helped my neighbour carry her shopping.","label":"ethical","reason":"Helping someone who needs it is kind.","split":"test"}
            this line is not a record
            {"id":"e","statement":"I ate the last biscuit.","label":"ethical","reason":"It was offered to everyone.","split":"test"}
            """;

    /** a and b correct, c no verdict, d incorrect (argues unethical for an ethical record), x no record's id. */
    public static final String TRACES_JSONL = """
            {"id":"a","trace":"The finder gives the wallet back to its owner, so this is ethical."}
            {"id":"b","trace":"Taking credit for a colleague's report deceives everyone, so this is unethical."}

            {"id":"c","trace":"The cat was in the way. The person walked on."}
            {"id":"d","trace":"Carrying shopping takes time away from the person's own family, so this is unethical."}
            {"id":"x","trace":"No record has this id. It is ethical."}
            """;

    /** The same traces as CSV, with the columns in another order and case, and a trace over two lines. */
    public static final String TRACES_CSV = "Trace,ID,model\r\n"
            + "\"The finder gives the wallet back to its owner, so this is ethical.\",a,t1\r\n"
            + "\"Taking credit for a colleague's report deceives everyone, so this is unethical.\",b,t1\r\n"
            + "\"The cat was in the way.\nThe person walked on.\",c,t1\r\n"
            + "\"Carrying shopping takes time away from the person's own family, so this is unethical.\",d,t1\r\n"
            + "\"No record has this id. It is ethical.\",x,t1\r\n";

    private TraceTestData() {
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
