package org.reasonlab.ui.internal;

/** The families of ReasonLab's background jobs, to find, wait for or cancel them (tests, shutdown). */
public final class JobFamilies {
    /** Trainer processes followed in the Progress view. */
    public static final Object TRAINER = new Object();
    /** Loading a dataset into an editor. */
    public static final Object DATASET_LOAD = new Object();
    /** Validating an open dataset. */
    public static final Object VALIDATION = new Object();
    /** The statistics page's computation. */
    public static final Object STATISTICS = new Object();
    /** The agreement page's computation. */
    public static final Object AGREEMENT = new Object();
    /** The Dataset Overview's computation. */
    public static final Object OVERVIEW = new Object();
    /** Reading a run's predictions and reviews for the reason review. */
    public static final Object REVIEW_LOAD = new Object();
    /** The comparison's statistics (intervals, paired tests, bootstrap). */
    public static final Object COMPARISON = new Object();
    /** Submitting runs to a compute target and following them there. */
    public static final Object REMOTE = new Object();

    private JobFamilies() {
    }
}
