package org.reasonlab.ui;

/**
 * The identifiers of ReasonLab's workbench parts, for other plugins: to open a view or editor, add a shortcut to a
 * perspective, find markers, or check a project's nature. The classes behind them are internal; the commands on
 * runs are in {@link RunCommands}.
 */
public final class ReasonLabUi {
    public static final String PLUGIN_ID = "org.reasonlab.ui";

    /** The ReasonLab perspective. */
    public static final String PERSPECTIVE = "org.reasonlab.ui.perspective";
    /** Every run in the workspace with status and scores. */
    public static final String RUNS_VIEW = "org.reasonlab.ui.views.runs";
    /** Runs side by side against a baseline. */
    public static final String COMPARISON_VIEW = "org.reasonlab.ui.views.comparison";
    /** Labels, splits and validation of the selected dataset. */
    public static final String DATASET_OVERVIEW_VIEW = "org.reasonlab.ui.views.datasetOverview";
    /** The dataset editor (JSON Lines, CSV, DFAR CSV). */
    public static final String DATASET_EDITOR = "org.reasonlab.ui.editors.dataset";
    /** The run page, on a run folder. */
    public static final String RUN_EDITOR = "org.reasonlab.ui.editors.run";
    /** The reason review, on a run folder. */
    public static final String REVIEW_EDITOR = "org.reasonlab.ui.editors.review";
    /** The nature of projects whose datasets are validated on build. */
    public static final String DATASET_NATURE = "org.reasonlab.ui.datasetNature";
    /** The marker type of dataset validation problems (Problems view). */
    public static final String DATASET_PROBLEM_MARKER = "org.reasonlab.ui.datasetProblem";
    /** The builder that validates datasets. */
    public static final String DATASET_BUILDER = "org.reasonlab.ui.datasetBuilder";
    /** The launch configuration type "ReasonLab Fine-tune". */
    public static final String FINE_TUNE_LAUNCH_TYPE = "org.reasonlab.ui.launch.fineTune";
    /** File &gt; New &gt; Example... &gt; ReasonLab Sample Project. */
    public static final String SAMPLE_PROJECT_WIZARD = "org.reasonlab.ui.wizards.sampleProject";
    /** File &gt; New &gt; ReasonLab Dataset. */
    public static final String NEW_DATASET_WIZARD = "org.reasonlab.ui.wizards.newDataset";
    /** File &gt; Import &gt; ReasonLab Dataset. */
    public static final String IMPORT_DATASET_WIZARD = "org.reasonlab.ui.wizards.importDataset";
    /** File &gt; Export &gt; ReasonLab Dataset. */
    public static final String EXPORT_DATASET_WIZARD = "org.reasonlab.ui.wizards.exportDataset";
    /** File &gt; Import &gt; ReasonLab &gt; Reasoning Traces. */
    public static final String IMPORT_TRACES_WIZARD = "org.reasonlab.ui.wizards.importTraces";

    private ReasonLabUi() {
    }
}
