package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** metrics.json's leakage-free section; files written before it read alike. */
class RunMetricsTest {
    private static RunMetrics of(String json) {
        return RunMetrics.fromJson(JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void theCleanSectionReadsAsTheSameFigures() {
        RunMetrics m = of("""
                {"accuracy":0.61,"total":100,"leaked":25,
                 "clean":{"accuracy":0.6533,"total":75,"likelihoodAccuracy":0.6533,"reasons":{"agreement":0.5},"records":75}}""");
        assertEquals(25, m.leaked());
        assertEquals(0.6533, m.clean().accuracy());
        assertEquals(75, m.clean().total());
        assertEquals(0.5, m.clean().reasonAgreement());
        assertNull(m.clean().clean());
    }

    @Test
    void olderFilesAndEmptyCleanSectionsHaveNone() {
        assertNull(of("{\"accuracy\":0.5}").clean());
        assertNull(of("{\"accuracy\":0.5}").leaked());
        RunMetrics allLeaked = of("{\"accuracy\":0.5,\"leaked\":4,\"clean\":{\"records\":0}}");
        assertNull(allLeaked.clean(), "no leakage-free record: no figures");
        assertEquals(List.of("clean.accuracy must be a number"),
                of("{\"accuracy\":0.5,\"clean\":{\"accuracy\":\"x\"}}").problems());
    }
}
