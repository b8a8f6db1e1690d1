package org.reasonlab.core.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunSetting;
import org.reasonlab.core.run.RunSettings;
import org.reasonlab.core.run.SettingProblem;

/**
 * The prompt template on a command line, as {@code train} and {@code eval} read it: {@code --template FILE} (a JSON
 * object with {@code prompt} and {@code answer}, as in {@code spec.json}), or {@code --prompt TEXT} and/or
 * {@code --answer TEXT} over the template in effect. The template is checked against the mode by the one check of
 * run settings ({@link RunSettings}).
 */
public final class TemplateArguments {
    public static final String TEMPLATE = "template";
    public static final String PROMPT = "prompt";
    public static final String ANSWER = "answer";
    /** The options this class reads. */
    public static final Set<String> OPTIONS = Set.of(TEMPLATE, PROMPT, ANSWER);

    private TemplateArguments() {
    }

    /** The template the options give over {@code current} (unchanged when none is given); the same however often asked. */
    public static PromptTemplate of(CliArguments args, TrainingMode mode, PromptTemplate current) throws UsageException {
        Optional<String> file = args.option(TEMPLATE);
        Optional<String> prompt = args.option(PROMPT);
        Optional<String> answer = args.option(ANSWER);
        if (file.isPresent() && (prompt.isPresent() || answer.isPresent())) {
            throw new UsageException("give --template FILE or --prompt/--answer, not both");
        }
        if (file.isPresent()) {
            PromptTemplate t = read(file.get());
            return checked(t.promptText(), t.answerText(), mode, "--template " + file.get() + ": ");
        }
        if (prompt.isEmpty() && answer.isEmpty()) {
            return current;
        }
        return checked(prompt.orElse(current.promptText()), answer.orElse(current.answerText()), mode, "");
    }

    private static PromptTemplate read(String file) throws UsageException {
        String json;
        try {
            json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--template " + file + ": cannot read it: " + FileErrors.describe(e));
        }
        try {
            return PromptTemplates.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--template " + file + ": " + e.getMessage());
        }
    }

    private static PromptTemplate checked(String prompt, String answer, TrainingMode mode, String context)
            throws UsageException {
        SettingProblem problem = RunSettings.of(Map.of(RunSetting.TEMPLATE_PROMPT, prompt, RunSetting.TEMPLATE_ANSWER,
                answer, RunSetting.MODE, mode == null ? "" : mode.id())).problemOf(RunSetting.TEMPLATE_ANSWER);
        if (problem != null) {
            throw new UsageException(context + problem.fieldMessage());
        }
        return new PromptTemplate(prompt, answer);
    }
}
