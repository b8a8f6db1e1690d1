/**
 * Reasoning traces of a stronger teacher model used as the reasons of a dataset (in the manner of ReGiFT,
 * arXiv 2504.05632), so that reason-first (R->L) training learns from them: reading a traces file
 * ({@link org.reasonlab.core.traces.TraceFileReader}), joining it to a dataset by record id
 * ({@link org.reasonlab.core.traces.TraceImport}), judging whether each trace argues for the gold label
 * ({@link org.reasonlab.core.traces.TraceJudge}), statistics of correctness and length
 * ({@link org.reasonlab.core.traces.TraceStatistics}) and filtering by them
 * ({@link org.reasonlab.core.traces.TraceFilter}). See docs/traces.md.
 */
package org.reasonlab.core.traces;
