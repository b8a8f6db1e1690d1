/**
 * From dataset records to fine-tuning examples and back: {@link org.reasonlab.core.prompt.TrainingMode}
 * (L, L+R, R→L), {@link org.reasonlab.core.prompt.PromptTemplate} (the DFAR paper's Llama template
 * by default, see {@link org.reasonlab.core.prompt.PromptTemplates}),
 * {@link org.reasonlab.core.prompt.ExampleBuilder} for the examples of a split and
 * {@link org.reasonlab.core.prompt.AnswerParser} for reading label and reason from a generated answer.
 */
package org.reasonlab.core.prompt;
