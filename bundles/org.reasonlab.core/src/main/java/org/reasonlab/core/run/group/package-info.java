/**
 * Run groups (experiments): sets of run folders, models x modes x seeds, made by a sweep launch or by selecting
 * runs, stored as {@code <name>.group.json} beside the runs (docs/run-directory.md).
 */
package org.reasonlab.core.run.group;
