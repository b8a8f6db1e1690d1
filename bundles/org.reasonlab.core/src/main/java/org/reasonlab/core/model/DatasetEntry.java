package org.reasonlab.core.model;

/**
 * One entry of a dataset file in file order: either a parsed {@link DatasetRecord} or a
 * {@link RawLine} that could not be parsed and is kept verbatim so that saving never loses it.
 */
public sealed interface DatasetEntry permits DatasetRecord, RawLine {

    /** The 1-based line in the source file where this entry starts, or 0 if it was not read from a file. */
    int sourceLine();

    /**
     * The line break that ended this entry in its file, exactly ({@code "\n"}, {@code "\r\n"}, ...), so
     * that saving in the same format writes it back; null when the entry had none or is new, and the
     * layout's separator is written.
     */
    String lineEnd();
}
