package org.reasonlab.core.prompt;

import java.util.Objects;

/**
 * One fine-tuning example: the prompt the model is shown and the answer it learns.
 * The trainer feeds {@link #text()} and, unless loss on the prompt is wanted, masks the prompt's tokens.
 */
public record TrainingExample(String prompt, String answer) {
    public TrainingExample {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
    }

    /** Prompt and answer as one sequence (the template already ends the prompt where the answer starts). */
    public String text() {
        return prompt + answer;
    }
}
