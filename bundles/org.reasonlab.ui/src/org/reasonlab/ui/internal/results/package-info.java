/**
 * Results of runs: the comparison of runs against a pinned baseline ({@link org.reasonlab.ui.internal.results.ComparisonPart})
 * and the reason review of one run's predictions ({@link org.reasonlab.ui.internal.results.ReviewEditor}).
 */
package org.reasonlab.ui.internal.results;
