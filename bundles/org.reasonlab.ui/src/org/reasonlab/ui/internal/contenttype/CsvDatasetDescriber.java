package org.reasonlab.ui.internal.contenttype;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.core.runtime.content.ITextContentDescriber;

/**
 * Content describer for the ReasonLab CSV dataset content type: reads only the first line and
 * answers {@link #VALID} when it is a header naming a statement column (see {@link DatasetCsvHeader}).
 */
public class CsvDatasetDescriber implements ITextContentDescriber {

    /** A header row longer than this is not a header we recognise; it also bounds what is read. */
    static final int MAX_HEADER_CHARS = 8192;

    @Override
    public int describe(InputStream contents, IContentDescription description) throws IOException {
        return describe(new InputStreamReader(contents, StandardCharsets.UTF_8), description);
    }

    @Override
    public int describe(Reader contents, IContentDescription description) throws IOException {
        String firstLine = readFirstLine(contents);
        return DatasetCsvHeader.isDatasetHeader(firstLine) ? VALID : INVALID;
    }

    @Override
    public QualifiedName[] getSupportedOptions() {
        return new QualifiedName[0];
    }

    /** The text up to the first line break, at most {@link #MAX_HEADER_CHARS} characters; null when empty. */
    static String readFirstLine(Reader contents) throws IOException {
        Reader reader = contents instanceof BufferedReader ? contents : new BufferedReader(contents, 1024);
        StringBuilder line = new StringBuilder();
        int c;
        while (line.length() < MAX_HEADER_CHARS && (c = reader.read()) != -1) {
            if (c == '\n' || c == '\r') {
                break;
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }
}
