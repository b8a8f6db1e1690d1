package org.reasonlab.core.run.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.training.MixtureShares;
import org.reasonlab.core.training.MixtureSource;
import org.reasonlab.core.training.TrainingVariant;

class RunGroupTest {
    @TempDir
    Path tmp;

    @Test
    void groupFileRoundTripsWithMembersRelativeToIt() throws Exception {
        Path runs = tmp.resolve("runs");
        RunGroup group = RunGroup.of(runs, "exp-20261206", RunGroup.Origin.SWEEP, Instant.parse("2026-12-06T10:00:00Z"),
                List.of(Path.of("exp-l-seed1"), runs.resolve("exp-l-seed2"), tmp.resolve("elsewhere/run")));
        RunGroupFile.write(group);
        String text = Files.readString(runs.resolve("exp-20261206.group.json"));
        assertTrue(text.contains("\"exp-l-seed1\"") && text.contains("\"exp-l-seed2\""), text);
        assertTrue(text.contains(tmp.resolve("elsewhere/run").toString()), text);
        RunGroup read = RunGroupFile.read(group.file());
        assertEquals(group, read);
        assertEquals("exp-20261206", read.name());
        assertTrue(read.contains(runs.resolve("exp-l-seed2")));
        assertEquals(List.of(group.file()), RunGroupFile.list(runs));
        try (var files = Files.list(runs)) {
            assertEquals(1, files.count()); // no temporary file left
        }
    }

    @Test
    void errorsNameTheFileAndTheField() throws Exception {
        Path file = tmp.resolve("bad.group.json");
        Files.writeString(file, "{\"format\":\"reasonlab-run-group/1\",\"origin\":\"sweep\","
                + "\"created\":\"2026-12-06T10:00:00Z\",\"members\":[\"a\",\"a\"]}");
        IOException e = assertThrows(IOException.class, () -> RunGroupFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("members[1]"),
                e.getMessage());
        Files.writeString(file, "{\"format\":\"reasonlab-run-group/1\",\"origin\":\"party\","
                + "\"created\":\"2026-12-06T10:00:00Z\",\"members\":[]}");
        e = assertThrows(IOException.class, () -> RunGroupFile.read(file));
        assertTrue(e.getMessage().contains("origin"), e.getMessage());
        Files.writeString(file, "{\"format\":\"reasonlab-run-group/1\",\"origin\":\"sweep\","
                + "\"created\":\"2026-12-06T10:00:00Z\",\"members\":[]}");
        e = assertThrows(IOException.class, () -> RunGroupFile.read(file));
        assertTrue(e.getMessage().contains("at least one run"), e.getMessage());
        Files.writeString(file, "{not json");
        e = assertThrows(IOException.class, () -> RunGroupFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void sweepMakesOneRunPerModeAndSeedOnTheSameRecords() {
        RunSpec base = new RunSpec();
        base.setSeed(42);
        base.setMode(TrainingMode.L);
        List<Sweep.Member> members = new Sweep(List.of(TrainingMode.L, TrainingMode.L_PLUS_R), List.of(1L, 2L, 3L))
                .members(base);
        assertEquals(6, members.size());
        assertEquals(List.of("-l-seed1", "-l-seed2", "-l-seed3", "-lr-seed1", "-lr-seed2", "-lr-seed3"),
                members.stream().map(Sweep.Member::suffix).toList());
        for (Sweep.Member m : members) {
            // held out and sampled with the launch's seed: all runs are evaluated on the same records
            assertEquals(42L, m.spec().splitSeed());
        }
        assertEquals(TrainingMode.L_PLUS_R, members.get(4).spec().mode());
        assertEquals(2L, members.get(4).spec().seed());
        assertEquals(42L, base.seed()); // the base spec is not changed

        List<Sweep.Member> single = new Sweep(List.of(TrainingMode.L), List.of(7L)).members(base);
        assertEquals(1, single.size());
        assertEquals("", single.get(0).suffix());
        assertEquals(null, single.get(0).spec().splitSeed());
        assertThrows(IllegalArgumentException.class, () -> new Sweep(List.of(), List.of(1L, 1L)));
    }

    @Test
    void ratioAndLambdaSweepsVaryTheLastSourcesShareAndTheConsistencyWeight() {
        RunSpec base = new RunSpec();
        base.setSeed(5);
        base.setDataset("/d/data.jsonl");
        base.setRunId("mix");
        base.setCounterfactualAttributes("builtin:gender");
        base.setMixture(List.of(MixtureSource.plain("self", 2), MixtureSource.plain("/d/other.jsonl", 1),
                new MixtureSource("/d/augmented.jsonl", 1, true, 0.5, null)));
        Sweep sweep = new Sweep(List.of(), List.of(1L, 2L), List.of(0.0, 0.25, 1.0), List.of(0.0, 0.5));
        List<Sweep.Member> members = sweep.members(base);
        assertEquals(12, members.size());
        assertEquals(List.of("-ratio0-lambda0-seed1", "-ratio0-lambda0-seed2", "-ratio0-lambda0.5-seed1"),
                members.subList(0, 3).stream().map(Sweep.Member::suffix).toList());
        assertEquals("-ratio0.25-lambda0.5-seed2", members.get(7).suffix());
        assertEquals("-ratio1-lambda0.5-seed2", members.get(11).suffix());

        // r = 0.25: the augmented source keeps its mitigations; the others share 0.75 as 2:1
        List<MixtureSource> quarter = members.get(4).spec().mixture();
        assertEquals(3, quarter.size());
        assertEquals(0.5, quarter.get(0).ratio(), 1e-12);
        assertEquals(0.25, quarter.get(1).ratio(), 1e-12);
        assertEquals(0.25, quarter.get(2).ratio(), 1e-12);
        assertTrue(quarter.get(2).tag() && quarter.get(2).lossWeight() == 0.5);
        // r = 0: the others alone; r = 1: the last source alone
        assertEquals(List.of("self", "other"), members.get(0).spec().mixture().stream().map(MixtureSource::name).toList());
        assertEquals(List.of("augmented"), members.get(8).spec().mixture().stream().map(MixtureSource::name).toList());
        assertEquals(0.5, members.get(2).spec().consistencyWeight());
        assertEquals(0.0, members.get(0).spec().consistencyWeight());
        assertEquals(null, members.get(0).spec().counterfactualAttributes()); // the run without counterfactual training
        assertEquals("builtin:gender", members.get(2).spec().counterfactualAttributes());
        for (Sweep.Member m : members) {
            assertEquals(List.of(), m.spec().validate(), m.suffix());
        }
        for (Sweep.Member m : members) {
            assertEquals(5L, m.spec().splitSeed());
        }
        assertEquals(3, base.mixture().size()); // the base spec is not changed
        assertEquals(1.0, base.mixture().get(2).ratio());

        // what the base spec lacks, said before any run is made
        RunSpec plain = new RunSpec();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sweep(List.of(), List.of(), List.of(0.1, 0.2), List.of()).members(plain));
        assertTrue(e.getMessage().contains("mixture of two or more sources"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Sweep(List.of(), List.of(), List.of(), List.of(0.0, 1.0)).members(plain));
        assertTrue(e.getMessage().contains("counterfactual attributes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sweep(List.of(), List.of(), List.of(1.5), List.of()));
        assertTrue(e.getMessage().contains("from 0 to 1, not 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sweep(List.of(), List.of(), List.of(), List.of(-1.0)));
        assertThrows(IllegalArgumentException.class, () -> new Sweep(List.of(), List.of(), List.of(0.1, 0.1), List.of()));
        // one ratio is not a sweep, but still sets the share
        List<Sweep.Member> one = new Sweep(List.of(), List.of(), List.of(0.5), List.of()).members(base);
        assertEquals("", one.get(0).suffix());
        assertEquals(0.5, one.get(0).spec().mixture().get(2).ratio());
    }

    @Test
    void sweepListsAreFiniteNumbersEachOnce() {
        assertEquals(List.of(0.0, 0.25), SweepText.ratios(" 0, 0.25 "));
        assertEquals(List.of(), SweepText.lambdas(" "));
        assertEquals(List.of(1L, 2L), SweepText.seeds("1,2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepText.ratios("0,-0"));
        assertEquals("Ratios lists -0 twice: 0,-0", e.getMessage(), "-0 is 0: two runs would get one folder");
        e = assertThrows(IllegalArgumentException.class, () -> SweepText.lambdas("1,NaN"));
        assertEquals("Lambdas must be numbers of 0 or more separated by commas (0,0.5,1), not 'NaN'.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepText.ratios("Infinity"));
        assertThrows(IllegalArgumentException.class, () -> SweepText.modes("l,x"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Sweep(List.of(), List.of(), List.of(Double.NaN), List.of()));
        assertTrue(e.getMessage().endsWith("not NaN"), e.getMessage());
    }

    @Test
    void theTrainingVariantNamesSharesMitigationsAndCounterfactualTraining() {
        RunSpec spec = new RunSpec();
        assertEquals("", TrainingVariant.of(spec));
        spec.setMixture(List.of(MixtureSource.plain("self", 3), new MixtureSource("/d/aug.jsonl", 1, true, 0.5,
                "builtin:gender")));
        spec.setMixtureSize(400);
        spec.setCounterfactualAttributes("/sets/pronouns.json");
        spec.setCounterfactualAugment(true);
        spec.setConsistencyWeight(0.5);
        assertEquals("mixture self 0.75 + aug 0.25 (tag, weight 0.5, mask gender) of 400, counterfactual pronouns"
                + " +variants λ 0.5", TrainingVariant.of(spec));
        // two close ratios of a sweep stay apart
        spec.setMixture(MixtureShares.withLastShare(spec.mixture(), 0.0005));
        String a = TrainingVariant.of(spec);
        spec.setMixture(MixtureShares.withLastShare(spec.mixture(), 0.001));
        assertTrue(!a.equals(TrainingVariant.of(spec)), a);
    }
}
