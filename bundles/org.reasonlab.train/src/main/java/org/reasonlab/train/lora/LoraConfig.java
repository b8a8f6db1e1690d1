package org.reasonlab.train.lora;

import java.util.List;

/**
 * LoRA hyper-parameters (PEFT's names in brackets).
 *
 * @param r             rank ({@code r})
 * @param alpha         scaling numerator ({@code lora_alpha}); the update is {@code alpha / r * B A}
 * @param dropout       dropout on the adapter's input while training ({@code lora_dropout})
 * @param targetModules module names to adapt; a module matches when its HF name equals one or ends with
 *                      {@code "." + name} ({@code target_modules})
 */
public record LoraConfig(int r, double alpha, double dropout, List<String> targetModules) {
    public LoraConfig {
        if (r <= 0) {
            throw new IllegalArgumentException("LoRA rank r must be positive, was " + r);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("LoRA alpha must be positive, was " + alpha);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), was " + dropout);
        }
        targetModules = List.copyOf(targetModules);
        if (targetModules.isEmpty()) {
            throw new IllegalArgumentException("LoRA needs at least one target module");
        }
    }

    public double scaling() {
        return alpha / r;
    }

    /** PEFT's rule: the module's full name equals the target or ends with "." + target. */
    public boolean targets(String moduleName) {
        for (String t : targetModules) {
            if (moduleName.equals(t) || moduleName.endsWith("." + t)) {
                return true;
            }
        }
        return false;
    }
}
