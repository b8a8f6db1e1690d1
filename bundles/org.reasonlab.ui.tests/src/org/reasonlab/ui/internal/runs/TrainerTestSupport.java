package org.reasonlab.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.launch.TrainerJob;

/** Waiting for real trainer JVMs, which take longer than the workbench helper's timeout. */
public final class TrainerTestSupport {
    public static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private TrainerTestSupport() {
    }

    /** Runs the event loop until the condition holds or {@link #RUN_TIMEOUT} has passed. */
    public static void spinUntil(BooleanSupplier condition) {
        spinUntil(condition, RUN_TIMEOUT);
    }

    /** Like {@link #spinUntil(BooleanSupplier)} with another time limit (a sweep trains several runs). */
    public static void spinUntil(BooleanSupplier condition, Duration timeout) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> {
                });
                display.sleep();
            }
        }
        while (display.readAndDispatch()) {
            // let what the jobs posted reach the views
        }
    }

    public static void waitFor(TrainerJob job) {
        spinUntil(() -> job.getState() == Job.NONE);
        assertEquals(Job.NONE, job.getState(), job.getName() + " finished in time");
    }

    /** Waits until the Runs view shows the run in the folder as the condition wants; returns its row. */
    public static RunInfo waitForRun(RunsView view, Path folder, Predicate<RunInfo> condition) {
        Path wanted = folder.toAbsolutePath().normalize();
        RunInfo[] found = new RunInfo[1];
        spinUntil(() -> {
            for (RunInfo r : view.shownRuns()) {
                if (r.folder().toAbsolutePath().normalize().equals(wanted) && condition.test(r)) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        assertNotNull(found[0], () -> "the Runs view shows " + folder + " as expected; it shows "
                + view.shownRuns().stream().map(r -> r.name() + "=" + r.statusText() + " " + r.message()).toList());
        return found[0];
    }

    /** The trainer job, other than {@code not}, that follows the run in the folder. */
    public static TrainerJob waitForJobOf(Path folder, TrainerJob not) {
        Path wanted = folder.toAbsolutePath().normalize();
        TrainerJob[] found = new TrainerJob[1];
        spinUntil(() -> {
            for (Job j : Job.getJobManager().find(JobFamilies.TRAINER)) {
                if (j != not && j instanceof TrainerJob t
                        && t.runDirectory().toAbsolutePath().normalize().equals(wanted)) {
                    found[0] = t;
                    return true;
                }
            }
            return false;
        });
        assertNotNull(found[0], "a trainer job for " + folder);
        return found[0];
    }

    /** Waits until the run page shows the metric (in its metrics table). */
    public static void waitForMetric(RunEditor page, String metric) {
        WorkbenchTestSupport.waitUntil("the run page shows " + metric,
                () -> page.shownMetrics().stream().anyMatch(m -> m[0].equals(metric)));
    }
}
