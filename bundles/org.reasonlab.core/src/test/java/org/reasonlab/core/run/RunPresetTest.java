package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;

class RunPresetTest {
    @Test
    void dfarPaperSetsTheNotebooksSettingsAndRecordsItself() {
        RunSpec s = RunSpecTest.valid();
        s.setTemplate(new PromptTemplate("Say: {statement}", "{label}. {reason}"));
        s.setWarmupSteps(50);
        s.setMode(TrainingMode.L);
        RunPreset.DFAR_PAPER.applyTo(s);
        assertEquals("dfar-paper", s.preset());
        assertEquals(64, s.loraR());
        assertEquals(16, s.loraAlpha());
        assertEquals(0.1, s.loraDropout());
        assertEquals(List.of("q_proj", "v_proj"), s.loraTargetModules());
        assertEquals(10, s.epochs());
        assertEquals(4, s.batchSize());
        assertEquals(2e-4, s.learningRate());
        assertEquals("constant", s.schedule());
        assertEquals(0, s.warmupSteps());
        assertEquals(0.03, s.warmupRatio());
        assertEquals(0.3, s.gradientClipping());
        assertTrue(s.lossOnPrompt());
        assertFalse(s.hasOwnTemplate());
        assertEquals(PromptTemplates.LABEL_ONLY, s.template(), "the paper's prompt of the mode");
        assertEquals(List.of(), s.validate());
    }

    @Test
    void reasonLabsDefaultsAreNotThePreset() {
        RunSpec s = new RunSpec();
        RunSpec paper = new RunSpec();
        RunPreset.DFAR_PAPER.applyTo(paper);
        assertTrue(s.preset() == null);
        assertFalse(RunSpecs.toJson(s).equals(RunSpecs.toJson(paper)));
    }

    @Test
    void presetsAreFoundByName() {
        assertEquals(Optional.of(RunPreset.DFAR_PAPER), RunPreset.of("dfar-paper"));
        assertEquals(Optional.empty(), RunPreset.of("dfar"));
        assertEquals(List.of("dfar-paper"), RunPreset.ids());
    }
}
