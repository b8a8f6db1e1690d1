/**
 * Getting datasets into and out of ReasonLab, without any UI: importing any CSV through a column
 * mapping ({@link org.reasonlab.core.imports.ColumnMapping},
 * {@link org.reasonlab.core.imports.MappedCsvReader}, with a preview of the first rows in
 * {@link org.reasonlab.core.imports.CsvPreview}), importing JSONL and DFAR CSV
 * ({@link org.reasonlab.core.imports.DatasetImport}), creating a new dataset from a few typed records
 * ({@link org.reasonlab.core.imports.NewDataset}) with a label schema typed as text
 * ({@link org.reasonlab.core.imports.LabelSchemaText}), and exporting datasets to a folder, optionally
 * one file per split ({@link org.reasonlab.core.imports.DatasetExport}).
 * <p>
 * Every problem names its file and line; lines that cannot be read are kept verbatim, never dropped.
 */
package org.reasonlab.core.imports;
