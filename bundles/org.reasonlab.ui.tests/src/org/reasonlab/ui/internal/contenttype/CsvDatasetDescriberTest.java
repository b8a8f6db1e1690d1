package org.reasonlab.ui.internal.contenttype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentDescriber;
import org.eclipse.core.runtime.content.IContentType;
import org.junit.jupiter.api.Test;

class CsvDatasetDescriberTest {
    private final CsvDatasetDescriber describer = new CsvDatasetDescriber();

    @Test
    void dfarHeaderIsValid() throws IOException {
        assertEquals(IContentDescriber.VALID, describe("Statement,Label,Reason\r\nI lied.,1,Lying is wrong.\r\n"));
    }

    @Test
    void ordinaryCsvIsInvalid() throws IOException {
        assertEquals(IContentDescriber.INVALID, describe("a,b,c\n1,2,3\n"));
    }

    @Test
    void emptyFileIsInvalid() throws IOException {
        assertEquals(IContentDescriber.INVALID, describe(""));
    }

    @Test
    void onlyTheFirstLineCounts() throws IOException {
        assertEquals(IContentDescriber.INVALID, describe("id,label\nstatement,text\n"));
    }

    @Test
    void headersNamingAStatementColumnAreDatasets() {
        for (String header : new String[] {"Statement,Label,Reason", "\uFEFFStatement,Label,Reason",
                "id,text,label,reason", "\"sentence\",\"label\"", "id, STATEMENT ,label"}) {
            assertTrue(DatasetCsvHeader.isDatasetHeader(header), header);
        }
    }

    @Test
    void otherHeadersAreNot() {
        for (String header : new String[] {"a,b,c", "name,age,city", "statements,label", "\"statement,label\"", ""}) {
            assertFalse(DatasetCsvHeader.isDatasetHeader(header), header);
        }
    }

    @Test
    void readerVariantAgreesWithStreamVariant() throws IOException {
        assertEquals(IContentDescriber.VALID, describer.describe(new StringReader("Statement,Label,Reason\n"), null));
        assertEquals(IContentDescriber.INVALID, describer.describe(new StringReader("a,b,c\n"), null));
    }

    @Test
    void contentTypeManagerUsesTheDescriberForCsvFiles() throws IOException {
        IContentType dataset = Platform.getContentTypeManager().getContentType(DatasetContentTypes.DATASET);
        assertNotNull(dataset, "dataset content type is registered");
        IContentType dfar = typeFor("train.csv", "Statement,Label,Reason\n");
        assertNotNull(dfar);
        assertEquals(DatasetContentTypes.CSV, dfar.getId());
        assertTrue(dfar.isKindOf(dataset));
        IContentType plain = typeFor("numbers.csv", "a,b,c\n1,2,3\n");
        assertTrue(plain == null || !plain.isKindOf(dataset), "plain CSV is not a dataset: " + plain);
    }

    @Test
    void jsonlAndNdjsonFilesAreDatasetsByExtension() throws IOException {
        for (String name : new String[] {"data.jsonl", "data.ndjson"}) {
            IContentType type = typeFor(name, "{\"statement\":\"x\"}\n");
            assertNotNull(type, name);
            assertEquals(DatasetContentTypes.JSONL, type.getId(), name);
        }
    }

    private int describe(String text) throws IOException {
        return describer.describe(stream(text), null);
    }

    private static IContentType typeFor(String name, String text) throws IOException {
        try (InputStream in = stream(text)) {
            return Platform.getContentTypeManager().findContentTypeFor(in, name);
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
