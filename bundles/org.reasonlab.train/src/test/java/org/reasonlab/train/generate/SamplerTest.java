package org.reasonlab.train.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SamplerTest {
    static final float[] LOGITS = {1f, 3f, 2f, 3f, -1f, 0.5f};

    @Test
    void greedyPicksTheFirstMaximum() {
        assertEquals(1, new Sampler(GenerationOptions.greedy(1)).next(LOGITS));
    }

    @Test
    void topKAndTopPRestrictTheCandidates() {
        Sampler k2 = new Sampler(GenerationOptions.greedy(1).withSampling(1.0, 2, 1.0, 1L));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(k2.next(LOGITS));
        }
        assertEquals(Set.of(1, 3), seen);
        Sampler p = new Sampler(GenerationOptions.greedy(1).withSampling(1.0, 0, 0.3, 1L));
        for (int i = 0; i < 50; i++) {
            assertEquals(1, p.next(LOGITS)); // the top token alone holds > 30 %
        }
    }

    @Test
    void sameSeedSameSequence() {
        GenerationOptions o = GenerationOptions.greedy(1).withSampling(0.7, 0, 0.95, 99L);
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        Sampler sa = new Sampler(o);
        Sampler sb = new Sampler(o);
        for (int i = 0; i < 100; i++) {
            a.add(sa.next(LOGITS));
            b.add(sb.next(LOGITS));
        }
        assertEquals(a, b);
        assertTrue(new HashSet<>(a).size() > 1);
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GenerationOptions.greedy(-1));
        assertThrows(IllegalArgumentException.class, () -> GenerationOptions.greedy(1).withSampling(-1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> GenerationOptions.greedy(1).withSampling(1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> GenerationOptions.greedy(1).withStopStrings(List.of("")));
    }
}
