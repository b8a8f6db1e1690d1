package org.reasonlab.core.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.review.MisalignmentRate;
import org.reasonlab.core.review.ReviewSet;
import org.reasonlab.core.review.ReviewsFile;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The numbers of one run that a comparison shows, read from its folder. A folder with {@code spec.json} is a
 * fine-tuning run (its mode, model and tuning come from the spec); one without is an evaluation of the
 * pre-trained model as {@code EvalMain --out} writes it ({@code metrics.json} carries {@code model} and
 * {@code mode}). Missing or unreadable files leave their numbers null and are listed in {@code problems}.
 *
 * @param name the spec's runId, else the folder's name
 * @param folder the run folder
 * @param pretrained whether there is no {@code spec.json}
 * @param mode {@code l}, {@code l+r} or {@code r->l}; null when unknown
 * @param model the model folder or name, null when unknown
 * @param tuning {@code lora} or {@code full}; null for a pre-trained evaluation
 * @param accuracy {@code metrics.json} accuracy
 * @param macroF1 {@code metrics.json} macroF1
 * @param unparseableRate {@code metrics.json} unparseableRate
 * @param likelihoodAccuracy {@code metrics.json} likelihoodAccuracy (parse-free: the label whose answer the model
 *        finds most likely); null when not measured
 * @param reasonAgreement {@code metrics.json} reasons.agreement (null when no reason was judged)
 * @param humanMisalignment pooled human misalignment over the run's predictions ({@code reviews.jsonl}); null
 *        when there is no predictions file
 * @param problems what could not be read
 */
public record RunSummary(String name, Path folder, boolean pretrained, String mode, String model, String tuning,
        Double accuracy, Double macroF1, Double unparseableRate, Double likelihoodAccuracy, Double reasonAgreement,
        MisalignmentRate humanMisalignment, List<String> problems) {

    public RunSummary {
        problems = List.copyOf(problems);
    }

    public static RunSummary read(Path folder) {
        RunDirectory run = new RunDirectory(folder);
        List<String> problems = new ArrayList<>();
        String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        boolean pretrained = !Files.exists(run.specFile());
        String mode = null;
        String model = null;
        String tuning = null;
        if (!pretrained) {
            try {
                RunSpec spec = run.readSpec();
                if (spec.runId() != null) {
                    name = spec.runId();
                }
                mode = spec.mode() == null ? null : spec.mode().id();
                model = spec.model();
                tuning = spec.tuning();
            } catch (IOException e) {
                problems.add(RunDirectory.SPEC + ": " + e.getMessage());
            }
        }
        Double accuracy = null;
        Double macroF1 = null;
        Double unparseable = null;
        Double likelihood = null;
        Double agreement = null;
        if (Files.exists(run.metricsFile())) {
            try {
                JsonElement e = JsonParser.parseString(Files.readString(run.metricsFile(), StandardCharsets.UTF_8));
                if (!e.isJsonObject()) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                JsonObject o = e.getAsJsonObject();
                accuracy = number(o, "accuracy");
                macroF1 = number(o, "macroF1");
                unparseable = number(o, "unparseableRate");
                likelihood = number(o, "likelihoodAccuracy");
                JsonElement reasons = o.get("reasons");
                if (reasons != null && reasons.isJsonObject()) {
                    agreement = number(reasons.getAsJsonObject(), "agreement");
                }
                if (pretrained) {
                    model = text(o, "model");
                    mode = text(o, "mode");
                }
            } catch (IOException | JsonParseException | IllegalArgumentException | IllegalStateException e) {
                problems.add(RunDirectory.METRICS + ": " + e.getMessage());
            }
        } else {
            problems.add(RunDirectory.METRICS + ": missing");
        }
        MisalignmentRate human = null;
        if (Files.exists(run.predictionsFile())) {
            try {
                List<Prediction> predictions = PredictionsFile.read(run.predictionsFile());
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < predictions.size(); i++) {
                    keys.add(ReviewSet.keyOf(predictions.get(i), i));
                }
                ReviewSet reviews = ReviewSet.load(run);
                human = MisalignmentRate.pooled(reviews, keys);
                if (!reviews.problems().isEmpty()) {
                    problems.add(ReviewsFile.NAME + ": " + reviews.problems().size() + " unreadable line(s)");
                }
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        return new RunSummary(name, folder, pretrained, mode, model, tuning, accuracy, macroF1, unparseable,
                likelihood, agreement, human, problems);
    }

    /** 1 - reasons.agreement: the automatic label–reason misalignment; null when not measured. */
    public Double automaticMisalignment() {
        return reasonAgreement == null ? null : 1 - reasonAgreement;
    }

    /** The human misalignment rate, null when no prediction was reviewed. */
    public Double humanMisalignmentRate() {
        return humanMisalignment == null || humanMisalignment.reviewed() == 0 ? null : humanMisalignment.rate();
    }

    /** The row name in the paper's table: {@code pre-trained}, {@code L}, {@code L+R}, {@code R->L}. */
    public String setting() {
        if (pretrained) {
            return "pre-trained";
        }
        if (mode == null) {
            return "?";
        }
        return switch (mode) {
            case "l" -> "L";
            case "l+r" -> "L+R";
            case "r->l" -> "R->L";
            default -> mode;
        };
    }

    private static Double number(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            switch (e.getAsString()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new IllegalArgumentException(field + " must be a number");
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }
}
