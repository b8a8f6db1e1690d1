/**
 * Counterfactual variants of records: attribute sets (substitution groups of words that should not matter to a
 * judgement, e.g. gender words or given names) and whole-word, case-preserving substitution that skips what would
 * be ambiguous (docs/counterfactuals.md).
 */
package org.reasonlab.core.counterfactual;
