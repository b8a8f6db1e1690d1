package org.reasonlab.core.run;

/**
 * What is wrong with one setting, said twice: for people in a dialog, and naming the field as {@code spec.json}
 * does (the command line, spec files).
 *
 * @param setting the setting that is wrong
 * @param message a sentence for people, e.g. {@code "LoRA r must be a whole number from 1 to 1024, not 0."}
 * @param fieldMessage the same naming the field, e.g. {@code "loraR must be positive"}
 */
public record SettingProblem(RunSetting setting, String message, String fieldMessage) {
    @Override
    public String toString() {
        return fieldMessage;
    }
}
