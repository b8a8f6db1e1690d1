/**
 * Statistics that make a comparison of runs hold up in review: intervals over seeds (t), paired tests on the same
 * evaluation items (McNemar's exact test, a seeded paired bootstrap), corrections for several comparisons (Holm),
 * two-proportion tests and agreement between several reviewers (Fleiss' kappa). Quantiles and binomial tails come from
 * Apache Commons Math.
 */
package org.reasonlab.core.significance;
