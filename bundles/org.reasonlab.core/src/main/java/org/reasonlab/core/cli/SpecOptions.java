package org.reasonlab.core.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunPreset;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.training.MixtureSource;
import org.reasonlab.core.training.MixtureText;

/**
 * The {@code train} options that set {@code spec.json} fields, in the order they are applied: {@code --preset}
 * first, so that the options given beside it win, {@code --mode} before the template options. A value is only read
 * into its field here (a number must be a number); whether it is allowed is {@link RunSpec#validate()}'s business.
 */
public final class SpecOptions {
    /** Sets a spec field from the value of option {@code name}, which is given. */
    @FunctionalInterface
    public interface Setter {
        void set(RunSpec spec, CliArguments args, String name) throws UsageException;
    }

    /** One option: {@code --name VALUE}, the spec field it sets, and how. */
    public record SpecOption(String name, String value, String field, Setter setter) {
        public String usage() {
            return "--" + name + " " + value;
        }
    }

    public static final List<SpecOption> ALL = List.of(
            option("preset", String.join("|", RunPreset.ids()), "preset",
                    (s, a, n) -> a.option(n, null, RunPreset::of, String.join(" or ", RunPreset.ids())).applyTo(s)),
            option("dataset", "FILE", "dataset",
                    (s, a, n) -> s.setDataset(Path.of(value(a, n)).toAbsolutePath().toString())),
            option("train-split", "train|validation|test", "trainSplit",
                    (s, a, n) -> s.setTrainSplit(split(value(a, n)))),
            option("eval-split", "train|validation|test", "evalSplit", (s, a, n) -> s.setEvalSplit(split(value(a, n)))),
            option("mode", "l|l+r|r->l", "mode",
                    (s, a, n) -> setMode(s, a.option(n, null, TrainingMode::parse, "l, l+r or r->l"))),
            option(TemplateArguments.TEMPLATE, "FILE", "template", SpecOptions::setTemplate),
            option(TemplateArguments.PROMPT, "TEXT", "template", SpecOptions::setTemplate),
            option(TemplateArguments.ANSWER, "TEXT", "template", SpecOptions::setTemplate),
            option("model", "PATH|tiny", "model", (s, a, n) -> s.setModel(value(a, n))),
            option("tuning", "lora|full", "tuning", (s, a, n) -> s.setTuning(value(a, n).toLowerCase(Locale.ROOT))),
            option("lora-r", "N", "loraR", (s, a, n) -> s.setLoraR(a.intOption(n, 0))),
            option("lora-alpha", "N", "loraAlpha", (s, a, n) -> s.setLoraAlpha(a.intOption(n, 0))),
            option("lora-dropout", "X", "loraDropout", (s, a, n) -> s.setLoraDropout(a.doubleOption(n, 0))),
            option("lora-targets", "MODULE,...", "loraTargetModules",
                    (s, a, n) -> s.setLoraTargetModules(
                            Arrays.stream(value(a, n).split(",", -1)).map(String::strip).toList())),
            option("lr", "X", "learningRate", (s, a, n) -> s.setLearningRate(a.doubleOption(n, 0))),
            option("weight-decay", "X", "weightDecay", (s, a, n) -> s.setWeightDecay(a.doubleOption(n, 0))),
            option("schedule", String.join("|", RunSpec.SCHEDULES), "schedule",
                    (s, a, n) -> s.setSchedule(value(a, n).toLowerCase(Locale.ROOT))),
            option("warmup", "STEPS", "warmupSteps", (s, a, n) -> {
                s.setWarmupSteps(a.intOption(n, 0));
                s.setWarmupRatio(null);
            }),
            option("warmup-ratio", "X", "warmupRatio", (s, a, n) -> {
                s.setWarmupRatio(a.doubleOption(n, 0));
                s.setWarmupSteps(0);
            }),
            option("epochs", "N", "epochs", (s, a, n) -> s.setEpochs(a.intOption(n, 0))),
            option("max-steps", "N", "maxSteps", (s, a, n) -> s.setMaxSteps(a.intOption(n, 0))),
            option("batch-size", "N", "batchSize", (s, a, n) -> s.setBatchSize(a.intOption(n, 0))),
            option("grad-accum", "N", "gradientAccumulation", (s, a, n) -> s.setGradientAccumulation(a.intOption(n, 0))),
            option("max-sequence-length", "N", "maxSequenceLength",
                    (s, a, n) -> s.setMaxSequenceLength(a.intOption(n, 0))),
            option("clip", "X", "gradientClipping", (s, a, n) -> s.setGradientClipping(a.doubleOption(n, 0))),
            option("seed", "N", "seed", (s, a, n) -> s.setSeed(a.longOption(n, 0))),
            option("loss-on-prompt", "true|false", "lossOnPrompt",
                    (s, a, n) -> s.setLossOnPrompt(a.option(n, false, SpecOptions::bool, "true or false"))),
            option("device", String.join("|", RunSpec.DEVICES), "device",
                    (s, a, n) -> s.setDevice(value(a, n).toLowerCase(Locale.ROOT))),
            option("precision", String.join("|", RunSpec.PRECISIONS), "precision",
                    (s, a, n) -> s.setPrecision(value(a, n).toLowerCase(Locale.ROOT))),
            option("checkpoint-every", "N", "checkpointEvery", (s, a, n) -> s.setCheckpointEvery(a.intOption(n, 0))),
            option("eval-max-new-tokens", "N", "evalMaxNewTokens",
                    (s, a, n) -> s.setEvalMaxNewTokens(a.intOption(n, 0))),
            option("eval-sample", "N", "evalSample", (s, a, n) -> s.setEvalSample(a.intOption(n, 0))),
            option("holdout", "F", "holdout", (s, a, n) -> s.setHoldout(a.doubleOption(n, 0))),
            option("split-seed", "N", "splitSeed", (s, a, n) -> s.setSplitSeed(a.longOption(n, 0))),
            option("counterfactual", "builtin:NAME|SET.json", "counterfactualAttributes",
                    (s, a, n) -> s.setCounterfactualAttributes(value(a, n))),
            option("counterfactual-augment", "true|false", "counterfactualAugment",
                    (s, a, n) -> s.setCounterfactualAugment(a.option(n, false, SpecOptions::bool, "true or false"))),
            option("consistency-weight", "LAMBDA", "consistencyWeight",
                    (s, a, n) -> s.setConsistencyWeight(a.doubleOption(n, 0))),
            option("mixture", "'DATASET=RATIO[,tag][,weight=W][,mask=ATTRS]; ...'", "mixture",
                    (s, a, n) -> s.setMixture(mixture(value(a, n)))),
            option("mixture-size", "N", "mixtureSize", (s, a, n) -> s.setMixtureSize(a.intOption(n, 0))));

    private SpecOptions() {
    }

    private static SpecOption option(String name, String value, String field, Setter setter) {
        return new SpecOption(name, value, field, setter);
    }

    /** The options' names. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        ALL.forEach(o -> names.add(o.name()));
        return names;
    }

    /** Sets the fields of the options given, in {@link #ALL}'s order, over {@code spec}'s. */
    public static void apply(CliArguments args, RunSpec spec) throws UsageException {
        if (args.option("warmup").isPresent() && args.option("warmup-ratio").isPresent()) {
            throw new UsageException("give the warm-up in steps (--warmup) or as a ratio (--warmup-ratio), not both");
        }
        for (SpecOption o : ALL) {
            if (args.option(o.name()).isPresent()) {
                o.setter().set(spec, args, o.name());
            }
        }
    }

    /** A known split as its id (so {@code dev} is {@code validation}); anything else as given, for the check to name. */
    private static String split(String v) {
        return Split.parse(v).map(Split::id).orElse(v);
    }

    /** The mode; a template that was the old mode's default follows the new mode. */
    private static void setMode(RunSpec spec, TrainingMode mode) {
        if (spec.mode() != null && spec.template().equals(PromptTemplates.defaultFor(spec.mode()))) {
            spec.setTemplate(null);
        }
        spec.setMode(mode);
    }

    /** The three template options together; applying them again changes nothing. */
    private static void setTemplate(RunSpec spec, CliArguments args, String name) throws UsageException {
        spec.setTemplate(TemplateArguments.of(args, spec.mode(), spec.template()));
    }

    /** The sources with absolute dataset paths, as the trainer opens them from the run folder. */
    private static List<MixtureSource> mixture(String text) throws UsageException {
        try {
            return MixtureText.parse(text).stream().map(SpecOptions::absolute).toList();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mixture: " + e.getMessage());
        }
    }

    private static MixtureSource absolute(MixtureSource m) {
        String mask = m.maskAttributes() == null || m.maskAttributes().startsWith(BuiltinAttributeSets.PREFIX)
                ? m.maskAttributes() : Path.of(m.maskAttributes()).toAbsolutePath().toString();
        return new MixtureSource(m.isSelf() ? m.dataset() : Path.of(m.dataset()).toAbsolutePath().toString(),
                m.ratio(), m.tag(), m.lossWeight(), mask);
    }

    private static Optional<Boolean> bool(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static String value(CliArguments args, String name) {
        return args.option(name).orElseThrow();
    }
}
