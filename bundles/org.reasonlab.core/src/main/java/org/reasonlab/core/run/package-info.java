/**
 * The run directory: the contract between whoever starts a fine-tuning run (the IDE, the command
 * line) and the trainer that executes it. {@code docs/run-directory.md} at the repository root
 * describes every file with examples; in short, a run folder ({@link org.reasonlab.core.run.RunDirectory})
 * holds
 * <dl>
 * <dt>{@code spec.json}</dt>
 * <dd>what to run ({@link org.reasonlab.core.run.RunSpec}, {@link org.reasonlab.core.run.RunSpecs});
 * written by the launcher before the trainer starts, never changed afterwards.</dd>
 * <dt>{@code environment.json}</dt>
 * <dd>what it ran on ({@link org.reasonlab.core.run.RunEnvironment}); written by the trainer at start.</dd>
 * <dt>{@code events.jsonl}</dt>
 * <dd>the run's progress, one JSON event per line ({@link org.reasonlab.core.run.RunEvent}), appended and
 * flushed by the trainer ({@link org.reasonlab.core.run.RunEventLog}) and read while it grows by the IDE
 * ({@link org.reasonlab.core.run.RunEventReader}). The first event is {@code started}, the last
 * {@code finished}; a cut-off last line means the run died while writing it.</dd>
 * <dt>{@code checkpoints/step-N/}</dt>
 * <dd>the trainer's checkpoint after optimizer step N; a {@code checkpoint} event follows once it is
 * complete, so a folder without its event may be partial.</dd>
 * <dt>{@code predictions.jsonl}, {@code metrics.json}</dt>
 * <dd>the final evaluation ({@link org.reasonlab.core.run.Prediction}, {@link org.reasonlab.core.run.PredictionsFile},
 * {@code org.reasonlab.core.eval.MetricsReport}); written atomically by the trainer after training.</dd>
 * <dt>{@code adapter/}, {@code merged/}</dt>
 * <dd>the LoRA adapter in PEFT's layout and, when asked for, the merged model in Hugging Face's.</dd>
 * </dl>
 * The status of a run ({@link org.reasonlab.core.run.RunStatus}) is derived from its events alone.
 */
package org.reasonlab.core.run;
