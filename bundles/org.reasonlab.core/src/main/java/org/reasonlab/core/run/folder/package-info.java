/**
 * A run folder as a whole, as the IDE and the comparison see it: {@link org.reasonlab.core.run.folder.RunReader}
 * reads a folder again and again (the event log incrementally, the other files when they changed) into a
 * {@link org.reasonlab.core.run.folder.RunSnapshot}, deciding the run's
 * {@link org.reasonlab.core.run.folder.RunState} (running, completed, cancelled, failed, or crashed when its
 * process is gone or its log went stale), its duration, accuracy and misalignment rate.
 * {@link org.reasonlab.core.run.folder.RunFolders} recognises run folders. The files themselves are read by the
 * classes of {@link org.reasonlab.core.run}.
 */
package org.reasonlab.core.run.folder;
