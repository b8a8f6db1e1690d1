package org.reasonlab.core.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.traces.TraceTestData.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetFormatException;
import org.reasonlab.core.io.ParseProblem;

class TraceFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsJsonLinesWithTheirLinesSkippingBlankOnes() throws Exception {
        TraceFile file = TraceFileReader.read(write(dir, "t.jsonl", TraceTestData.TRACES_JSONL));
        assertEquals(List.of(), file.problems());
        assertEquals(List.of("a", "b", "c", "d", "x"), file.traces().stream().map(Trace::id).toList());
        assertEquals(List.of(1, 2, 4, 5, 6), file.traces().stream().map(Trace::line).toList());
        assertEquals("The cat was in the way. The person walked on.", file.traces().get(2).text());
    }

    @Test
    void acceptsNumberIdsAsWrittenAndReasonForTrace() throws Exception {
        TraceFile file = TraceFileReader.read(write(dir, "t.jsonl", "\uFEFF{\"id\":7,\"reason\":\"It is ethical.\"}\n"
                + "{\"id\":\"8\",\"trace\":\"the trace\",\"reason\":\"not this\"}\n"));
        assertEquals(List.of(), file.problems());
        assertEquals(new Trace("7", "It is ethical.", 1), file.traces().get(0));
        assertEquals("the trace", file.traces().get(1).text(), "trace wins over reason");
    }

    @Test
    void reportsEveryBadLineWithFileAndLine() throws Exception {
        Path path = write(dir, "bad.jsonl", String.join("\n",
                "{\"id\":\"a\",\"trace\":\"fine\"}",
                "{\"id\":\"b\",\"trace\":\"unterminated}",
                "not json",
                "[1]",
                "{\"id\":\"c\"}",
                "{\"trace\":\"no id\"}",
                "{\"id\":\"d\",\"trace\":\"   \"}",
                "{\"id\":\"e\",\"trace\":42}") + "\n");
        TraceFile file = TraceFileReader.read(path);
        assertEquals(List.of("a"), file.traces().stream().map(Trace::id).toList());
        List<ParseProblem> problems = file.problems();
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), problems.stream().map(ParseProblem::line).toList());
        assertTrue(problems.stream().allMatch(p -> p.file().equals(path)));
        assertEquals(path + ":2:33: invalid JSON: unterminated string at column 33", problems.get(0).toString());
        assertTrue(problems.get(1).message().startsWith("invalid JSON"), problems.get(1).message());
        assertEquals("expected a JSON object with \"id\" and \"trace\"", problems.get(2).message());
        assertEquals("no \"trace\" (or \"reason\") field", problems.get(3).message());
        assertTrue(problems.get(4).message().startsWith("no \"id\" field"), problems.get(4).message());
        assertEquals("the trace is empty", problems.get(5).message());
        assertEquals("\"trace\" must be text", problems.get(6).message());
    }

    @Test
    void reportsInvalidUtf8() throws Exception {
        Path path = dir.resolve("t.jsonl");
        Files.write(path, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
        TraceFile file = TraceFileReader.read(path);
        assertEquals(1, file.problems().size());
        assertEquals(1, file.problems().get(0).line());
        assertTrue(file.problems().get(0).message().contains("UTF-8"), file.problems().get(0).message());
    }

    @Test
    void aDuplicateIdIsAProblemNamingBothLines() throws Exception {
        TraceFile file = TraceFileReader.read(write(dir, "t.jsonl", """
                {"id":"a","trace":"first"}
                {"id":"b","trace":"other"}
                {"id":"a","trace":"second"}
                """));
        assertEquals(List.of("first", "other"), file.traces().stream().map(Trace::text).toList());
        assertEquals(1, file.problems().size());
        ParseProblem p = file.problems().get(0);
        assertEquals(3, p.line());
        assertEquals("duplicate id 'a': line 1 has a trace for it too; each record takes one trace", p.message());
    }

    @Test
    void readsCsvByColumnNameWithQuotedLineBreaks() throws Exception {
        TraceFile file = TraceFileReader.read(write(dir, "t.csv", TraceTestData.TRACES_CSV));
        assertEquals(List.of(), file.problems());
        assertEquals(List.of("a", "b", "c", "d", "x"), file.traces().stream().map(Trace::id).toList());
        assertEquals(List.of(2, 3, 4, 6, 7), file.traces().stream().map(Trace::line).toList());
        assertEquals("The cat was in the way.\nThe person walked on.", file.traces().get(2).text());
    }

    @Test
    void reportsBadCsvRowsAndRefusesAHeaderWithoutTheColumns() throws Exception {
        Path path = write(dir, "t.csv", "id,reason\na,It is ethical.\nb,too,many\n,no id\nc,\n");
        TraceFile file = TraceFileReader.read(path);
        assertEquals(List.of("a"), file.traces().stream().map(Trace::id).toList());
        assertEquals(List.of(3, 4, 5), file.problems().stream().map(ParseProblem::line).toList());
        assertEquals("expected 2 columns, found 3", file.problems().get(0).message());
        assertTrue(file.problems().get(1).message().startsWith("the id is empty"));
        assertEquals("the trace is empty", file.problems().get(2).message());

        Path noTrace = write(dir, "n.csv", "id,statement\n1,x\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> TraceFileReader.read(noTrace));
        assertEquals(noTrace + ":1:1: no trace column; a traces file needs columns named id and trace (or reason),"
                + " found [id, statement]", e.getMessage());
    }

    @Test
    void tellsTheFormatOfAnUnknownExtensionByItsFirstCharacter() throws Exception {
        Path json = dir.resolve("traces.out");
        Files.writeString(json, "\n  {\"id\":\"a\",\"trace\":\"t\"}\n", StandardCharsets.UTF_8);
        assertEquals(1, TraceFileReader.read(json).traces().size());
        Path csv = dir.resolve("traces.txt");
        Files.writeString(csv, "id,trace\na,t\n", StandardCharsets.UTF_8);
        assertEquals(List.of(new Trace("a", "t", 2)), TraceFileReader.read(csv).traces());
    }
}
