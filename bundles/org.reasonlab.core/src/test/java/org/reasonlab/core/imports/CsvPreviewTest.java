package org.reasonlab.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetFormatException;

class CsvPreviewTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void readsHeaderAndFirstRowsWithTheirLines() throws IOException {
        Path file = write("a.csv", "\uFEFF\r\n  \r\nprompt,verdict,\"why, really\"\r\n"
                + "Helped a friend.,good,\"Kind.\r\nAnd fair.\"\r\n"
                + "\r\n"
                + "Lied.,bad,Dishonest.\r\n"
                + "Only,two\r\n"
                + "Unterminated,\"bad,x\r\n");
        CsvPreview preview = CsvPreview.read(file, 10);

        assertEquals(3, preview.headerLine(), "blank lines before the header are skipped");
        assertEquals(List.of("prompt", "verdict", "why, really"), preview.header());
        List<CsvPreview.Row> rows = preview.rows();
        assertEquals(4, rows.size());
        assertEquals(new CsvPreview.Row(4, List.of("Helped a friend.", "good", "Kind.\r\nAnd fair."), null), rows.get(0));
        assertEquals(new CsvPreview.Row(7, List.of("Lied.", "bad", "Dishonest."), null), rows.get(1));
        assertEquals(8, rows.get(2).line());
        assertEquals("expected 3 columns, found 2", rows.get(2).problem());
        assertEquals(9, rows.get(3).line());
        assertEquals("unterminated quoted field starting at line 9", rows.get(3).problem());
        assertFalse(preview.hasMoreRows());
    }

    @Test
    void crOnlyLineEndingsEndRowsAsInTheCoreReader() throws IOException {
        Path file = write("mac.csv", "prompt,verdict\rHelped.,good\r\"Two\rlines.\",bad\rOnly\r");
        CsvPreview preview = CsvPreview.read(file, 10);
        assertEquals(List.of("prompt", "verdict"), preview.header());
        List<CsvPreview.Row> rows = preview.rows();
        assertEquals(new CsvPreview.Row(2, List.of("Helped.", "good"), null), rows.get(0));
        assertEquals(new CsvPreview.Row(3, List.of("Two\rlines.", "bad"), null), rows.get(1));
        assertEquals(5, rows.get(2).line());
        assertEquals(3, rows.size());
    }

    @Test
    void stopsAfterMaxRows() throws IOException {
        Path file = write("b.csv", "s\n1\n2\n3\n");
        CsvPreview preview = CsvPreview.read(file, 2);
        assertEquals(2, preview.rows().size());
        assertTrue(preview.hasMoreRows());
        assertEquals(List.of("1"), preview.rows().get(0).cells());
        assertNull(preview.rows().get(0).problem());
    }

    @Test
    void invalidUtf8IsShownReplacedAndReported() throws IOException {
        Path file = dir.resolve("c.csv");
        Files.write(file, new byte[] {'s', '\n', 'a', (byte) 0xC3, '\n'});
        CsvPreview.Row row = CsvPreview.read(file, 5).rows().get(0);
        assertEquals(List.of("a\uFFFD"), row.cells());
        assertEquals("not valid UTF-8", row.problem());
    }

    @Test
    void anEmptyFileOrUnreadableHeaderIsAnErrorNamingFileAndLine() throws IOException {
        Path empty = write("empty.csv", "\n \n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> CsvPreview.read(empty, 5));
        assertEquals(empty + ":1:1: empty file; a CSV dataset needs a header row", e.getMessage());

        Path badHeader = write("bad.csv", "\n\"a\"b,c\nx,y\n");
        e = assertThrows(DatasetFormatException.class, () -> CsvPreview.read(badHeader, 5));
        assertEquals(badHeader + ":2:4: the header row cannot be read: unexpected text after the closing quote of a field",
                e.getMessage());

        assertThrows(NoSuchFileException.class, () -> CsvPreview.read(dir.resolve("missing.csv"), 5));
        IOException folder = assertThrows(IOException.class, () -> CsvPreview.read(dir, 5));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
    }
}
