package org.reasonlab.ui;

/**
 * The commands on runs and where they are contributed, for key bindings and for other plugins' contributions.
 * Each command works on the current selection: elements that adapt to
 * {@link org.reasonlab.core.run.folder.RunInfo} and to the run folder ({@link org.eclipse.core.resources.IContainer}),
 * as the Runs view's rows and the run page do.
 */
public final class RunCommands {
    /** Opens the run page of each selected run. */
    public static final String OPEN = "org.reasonlab.ui.runs.open";
    /** Opens the reason review of each selected run (those with predictions). */
    public static final String REVIEW = "org.reasonlab.ui.runs.review";
    /** Resumes the selected stopped run from its newest checkpoint. */
    public static final String RESUME = "org.reasonlab.ui.runs.resume";
    /** Cancels the selected runs on compute targets (SIGTERM: checkpoint, then stop). */
    public static final String CANCEL = "org.reasonlab.ui.runs.cancel";
    /** Downloads the adapter, merged model and checkpoints of the selected runs on compute targets. */
    public static final String DOWNLOAD = "org.reasonlab.ui.runs.download";
    /** Compares two or more selected runs, in the DFAR paper's order. */
    public static final String COMPARE = "org.reasonlab.ui.runs.compare";
    /** Save the selected runs as a run group ({@code *.group.json}) beside them. */
    public static final String GROUP = "org.reasonlab.ui.runs.group";
    /** A blinded review session over the selected runs' generated reasons. */
    public static final String BLIND_REVIEW = "org.reasonlab.ui.runs.blindReview";
    /** Deletes the selected run folders after asking; never a running run. */
    public static final String DELETE = "org.reasonlab.ui.runs.delete";
    /** Reads the runs of the Runs view again. */
    public static final String REFRESH = "org.reasonlab.ui.runs.refresh";

    /** The Runs view's context menu ({@code popup:}) and tool bar ({@code toolbar:}) location. */
    public static final String RUNS_VIEW_MENU = "org.reasonlab.ui.views.runs";
    /** The run page's heading tool bar location ({@code toolbar:}). */
    public static final String RUN_PAGE_TOOLBAR = "org.reasonlab.ui.editors.run";

    private RunCommands() {
    }
}
