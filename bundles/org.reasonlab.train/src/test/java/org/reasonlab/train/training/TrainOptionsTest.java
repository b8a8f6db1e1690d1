package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.cli.SpecOptions;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.train.DjlEnvironment;

/**
 * Every {@code train} option lands in its {@code spec.json} field, and every field has an option. The dataset has
 * no train records, so each run writes its spec and fails at once, before any model is loaded.
 */
class TrainOptionsTest {
    /** Fields no option sets: the format version, and the run's id and time, which train gives each run. */
    private static final Set<String> NOT_OPTIONS = Set.of("version", "runId", "created");

    @TempDir
    Path tmp;
    private Path data;
    private int runs;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @BeforeEach
    void dataset() throws IOException {
        data = tmp.resolve("validation-only.jsonl");
        Files.writeString(data, """
                {"id":"a","statement":"I kicked a dog.","label":"unethical","reason":"Hurting pets is cruel.","split":"validation"}
                """);
    }

    /** One row: the option's arguments, the spec field, the value expected there (JSON). */
    private record Row(String option, String value, String field, String json) {
    }

    private List<Row> rows() throws IOException {
        Path template = Files.writeString(tmp.resolve("template.json"),
                "{\"prompt\":\"Judge: {statement}\\nVerdict: \",\"answer\":\"{label}. {reason}\"}");
        Path other = Files.writeString(tmp.resolve("other.jsonl"), Files.readString(data));
        String lrAnswer = PromptTemplates.LABEL_AND_REASON.answerText();
        String lrPrompt = PromptTemplates.LABEL_AND_REASON.promptText();
        return List.of(
                new Row("preset", "dfar-paper", "preset", "\"dfar-paper\""),
                new Row("dataset", other.toString(), "dataset", quoted(other.toAbsolutePath().toString())),
                new Row("train-split", "test", "trainSplit", "\"test\""),
                new Row("eval-split", "dev", "evalSplit", "\"validation\""),
                new Row("mode", "r->l", "mode", "\"r->l\""),
                new Row("template", template.toString(), "template",
                        "{\"prompt\":\"Judge: {statement}\\nVerdict: \",\"answer\":\"{label}. {reason}\"}"),
                new Row("prompt", "Q: {statement} A: ", "template",
                        "{\"prompt\":\"Q: {statement} A: \",\"answer\":" + quoted(lrAnswer) + "}"),
                new Row("answer", "{label}, because {reason}", "template",
                        "{\"prompt\":" + quoted(lrPrompt) + ",\"answer\":\"{label}, because {reason}\"}"),
                new Row("model", tmp.resolve("my-model").toString(), "model", quoted(tmp.resolve("my-model").toString())),
                new Row("tuning", "full", "tuning", "\"full\""),
                new Row("lora-r", "8", "loraR", "8"),
                new Row("lora-alpha", "32", "loraAlpha", "32"),
                new Row("lora-dropout", "0.05", "loraDropout", "0.05"),
                new Row("lora-targets", "q_proj,k_proj, o_proj", "loraTargetModules", "[\"q_proj\",\"k_proj\",\"o_proj\"]"),
                new Row("lr", "1e-3", "learningRate", "0.001"),
                new Row("weight-decay", "0.01", "weightDecay", "0.01"),
                new Row("schedule", "linear", "schedule", "\"linear\""),
                new Row("warmup", "5", "warmupSteps", "5"),
                new Row("warmup-ratio", "0.1", "warmupRatio", "0.1"),
                new Row("epochs", "2", "epochs", "2"),
                new Row("max-steps", "7", "maxSteps", "7"),
                new Row("batch-size", "2", "batchSize", "2"),
                new Row("grad-accum", "3", "gradientAccumulation", "3"),
                new Row("max-sequence-length", "256", "maxSequenceLength", "256"),
                new Row("clip", "0.5", "gradientClipping", "0.5"),
                new Row("seed", "7", "seed", "7"),
                new Row("loss-on-prompt", "true", "lossOnPrompt", "true"),
                new Row("device", "cpu", "device", "\"cpu\""),
                new Row("precision", "fp32", "precision", "\"fp32\""),
                new Row("checkpoint-every", "3", "checkpointEvery", "3"),
                new Row("eval-max-new-tokens", "32", "evalMaxNewTokens", "32"),
                new Row("eval-sample", "5", "evalSample", "5"),
                new Row("holdout", "0.2", "holdout", "0.2"),
                new Row("split-seed", "9", "splitSeed", "9"),
                new Row("counterfactual", "builtin:gender", "counterfactualAttributes", "\"builtin:gender\""),
                new Row("counterfactual-augment", "true", "counterfactualAugment", "true"),
                new Row("consistency-weight", "0.5", "consistencyWeight", "0.5"),
                new Row("mixture", "self=0.7; " + other + "=0.3,tag,weight=0.5,mask=builtin:gender", "mixture",
                        "[{\"dataset\":\"self\",\"ratio\":0.7,\"tag\":false,\"lossWeight\":1.0,"
                                + "\"maskAttributes\":null},{\"dataset\":" + quoted(other.toAbsolutePath().toString())
                                + ",\"ratio\":0.3,\"tag\":true,\"lossWeight\":0.5,"
                                + "\"maskAttributes\":\"builtin:gender\"}]"),
                new Row("mixture-size", "40", "mixtureSize", "40"));
    }

    private static String quoted(String s) {
        return new com.google.gson.JsonPrimitive(s).toString();
    }

    @Test
    void everyOptionLandsInItsSpecField() throws IOException {
        for (Row row : rows()) {
            // the train split may not be the evaluation split (test by default)
            // the train split may not be the evaluation split (test by default); counterfactual attributes need a
            // use, and a use needs attributes
            JsonObject spec = switch (row.option()) {
                case "train-split" -> train("--" + row.option(), row.value(), "--eval-split", "validation");
                case "counterfactual" -> train("--" + row.option(), row.value(), "--counterfactual-augment", "true");
                case "counterfactual-augment", "consistency-weight" -> train("--" + row.option(), row.value(),
                        "--counterfactual", "builtin:gender");
                default -> train("--" + row.option(), row.value());
            };
            assertEquals(JsonParser.parseString(row.json()), spec.get(row.field()), "--" + row.option());
            JsonElement defaultValue = RunSpecs.toJson(new RunSpec()).get(row.field());
            if (!row.field().equals("template")) {
                assertNotEquals(defaultValue, spec.get(row.field()), "--" + row.option() + " must differ from the default");
            }
        }
    }

    @Test
    void everySpecFieldHasAnOptionAndEveryOptionARow() throws IOException {
        Set<String> fields = new TreeSet<>(RunSpecs.toJson(new RunSpec()).keySet());
        fields.removeAll(NOT_OPTIONS);
        Set<String> covered = new TreeSet<>();
        Set<String> options = new HashSet<>();
        for (Row row : rows()) {
            covered.add(row.field());
            options.add(row.option());
        }
        assertEquals(fields, covered, "a spec.json field without a train option (or a row here)");
        assertEquals(SpecOptions.names(), options, "a train option without a row here");
        Set<String> specFields = new TreeSet<>();
        SpecOptions.ALL.forEach(o -> specFields.add(o.field()));
        assertEquals(fields, specFields, "the options' own table names every field");
    }

    @Test
    void optionsBesideAPresetWinAndTheSpecRecordsThePreset() throws IOException {
        JsonObject spec = train("--preset", "dfar-paper", "--lora-r", "8", "--warmup", "3");
        assertEquals("dfar-paper", spec.get("preset").getAsString());
        assertEquals(8, spec.get("loraR").getAsInt());
        assertEquals(16, spec.get("loraAlpha").getAsInt());
        assertEquals(3, spec.get("warmupSteps").getAsInt());
        assertTrue(spec.get("warmupRatio").isJsonNull(), spec.toString());
        assertEquals("constant", spec.get("schedule").getAsString());
        assertEquals(0.3, spec.get("gradientClipping").getAsDouble());
        assertTrue(spec.get("lossOnPrompt").getAsBoolean());
        assertEquals(10, spec.get("epochs").getAsInt());
        assertTrue(train().get("preset").isJsonNull(), "ReasonLab's defaults record no preset");
    }

    @Test
    void aSpecFileStartsARunWithItsFieldsAndOptionsBesideItWin() throws IOException {
        RunSpec old = new RunSpec();
        old.setRunId("old-run");
        old.setCreated(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        old.setDataset(data.toAbsolutePath().toString());
        old.setLoraR(8);
        old.setMode(org.reasonlab.core.prompt.TrainingMode.L);
        old.setEpochs(9);
        Path file = tmp.resolve("old-spec.json");
        RunSpecs.write(old, file);
        Path runDir = nextRunDir();
        JsonObject spec = trainIn(runDir, "--spec", file.toString(), "--epochs", "5");
        assertEquals(8, spec.get("loraR").getAsInt());
        assertEquals("l", spec.get("mode").getAsString());
        assertEquals(PromptTemplates.toJson(PromptTemplates.LABEL_ONLY), spec.get("template"));
        assertEquals(5, spec.get("epochs").getAsInt());
        assertEquals(runDir.getFileName().toString(), spec.get("runId").getAsString());
        assertNotEquals("2020-01-01T00:00:00Z", spec.get("created").getAsString());
        // a new mode replaces the old mode's default template
        spec = trainIn(nextRunDir(), "--spec", file.toString(), "--mode", "l+r");
        assertEquals(PromptTemplates.toJson(PromptTemplates.LABEL_AND_REASON), spec.get("template"));
    }

    @Test
    void badValuesAreRefusedByTheOneCheckBeforeAnythingIsWritten() {
        for (String[] bad : List.of(new String[] {"--lora-r", "0", "loraR must be positive"},
                new String[] {"--warmup-ratio", "1.5", "warmupRatio must be below 1"},
                new String[] {"--eval-sample", "0", "evalSample must be positive"},
                new String[] {"--train-split", "holdout", "trainSplit must be train, validation or test"},
                new String[] {"--lora-targets", "q_proj,", "loraTargetModules must name at least one module"},
                new String[] {"--schedule", "step", "schedule must be constant, linear or cosine"},
                new String[] {"--consistency-weight", "0.5", "counterfactualAttributes must name an attribute set"},
                new String[] {"--counterfactual", "builtin:colour", "counterfactualAttributes must be builtin:gender"},
                new String[] {"--mixture-size", "0", "mixtureSize must be positive"})) {
            Path runDir = nextRunDir();
            err.reset();
            assertEquals(2, TrainMain.run(new String[] {"--dataset", data.toString(), "--run-dir", runDir.toString(),
                bad[0], bad[1]}, new PrintStream(new ByteArrayOutputStream()), errStream()), bad[0]);
            assertTrue(err().contains(bad[2]), err());
            assertTrue(!Files.exists(runDir), "nothing written for " + bad[0]);
        }
        for (String[] usage : List.of(new String[] {"--warmup", "3", "--warmup-ratio", "0.1"},
                new String[] {"--template", "t.json", "--prompt", "Q: {statement}"},
                new String[] {"--preset", "paper"}, new String[] {"--loss-on-prompt", "yes"},
                new String[] {"--mixture", "self=0.5; self=0.5"}, new String[] {"--mixture", "self"},
                new String[] {"--mixture", "self=1,weight=-1"}, new String[] {"--mixture", "self=1,colour"},
                new String[] {"--mode", "l", "--answer", "{label}. {reason}"})) {
            List<String> args = new ArrayList<>(List.of("--dataset", data.toString(), "--run-dir", nextRunDir().toString()));
            args.addAll(List.of(usage));
            err.reset();
            assertEquals(2, TrainMain.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                    errStream()), String.join(" ", usage));
        }
        assertTrue(err().contains("template answer must not contain {reason} in mode l"), err());
    }

    private JsonObject train(String... options) throws IOException {
        return trainIn(nextRunDir(), options);
    }

    private JsonObject trainIn(Path runDir, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--dataset", data.toString(), "--run-dir", runDir.toString()));
        args.addAll(List.of(options));
        err.reset();
        int rc = TrainMain.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()), errStream());
        assertEquals(1, rc, "expected the run to fail for want of train records: " + err());
        assertTrue(err().contains("no usable training examples"), err());
        return JsonParser.parseString(Files.readString(runDir.resolve("spec.json"))).getAsJsonObject();
    }

    private Path nextRunDir() {
        return tmp.resolve("runs").resolve("r" + (++runs));
    }

    private PrintStream errStream() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
