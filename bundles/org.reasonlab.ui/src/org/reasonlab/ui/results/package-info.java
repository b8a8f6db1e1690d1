/**
 * Results of runs: the comparison of runs against a pinned baseline ({@link org.reasonlab.ui.results.ComparisonPart})
 * and the reason review of one run's predictions ({@link org.reasonlab.ui.results.ReviewEditor}).
 */
package org.reasonlab.ui.results;
