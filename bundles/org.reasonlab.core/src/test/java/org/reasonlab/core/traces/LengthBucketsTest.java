package org.reasonlab.core.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LengthBucketsTest {

    @Test
    void distributionByHand() {
        // sorted 10 20 30 40; type 7: h = 3q, q1 = 10 + 0.75 * 10, median = 20 + 0.5 * 10, q3 = 30 + 0.25 * 10
        LengthDistribution d = LengthDistribution.of(new int[] {40, 10, 30, 20});
        assertEquals(new LengthDistribution(4, 10, 17.5, 25.0, 32.5, 40, 25.0), d);
        assertEquals(new LengthDistribution(1, 7, 7, 7, 7, 7, 7), LengthDistribution.of(new int[] {7}));
        assertEquals(new LengthDistribution(0, 0, 0, 0, 0, 0, 0), LengthDistribution.of(new int[0]));
        // odd count: the median is the middle value; 1 2 3 4 100: q1 at h = 1, q3 at h = 3
        assertEquals(new LengthDistribution(5, 1, 2, 3, 4, 100, 22), LengthDistribution.of(new int[] {3, 100, 1, 4, 2}));
    }

    @Test
    void tertilesSplitAtTheThirdsRoundedDownToWholeWords() {
        // 1..9: Q(1/3) = 3 + 0.667 (h = 2.67) -> 3, Q(2/3) = 6.33 -> 6
        LengthBuckets b = LengthBuckets.tertiles(new int[] {9, 8, 7, 6, 5, 4, 3, 2, 1});
        assertEquals(List.of("short", "medium", "long"), b.names());
        assertEquals(List.of("0-3", "4-6", "7+"), b.buckets().stream().map(LengthBuckets.Bucket::range).toList());
        assertEquals("short", b.bucketOf(0));
        assertEquals("short", b.bucketOf(3));
        assertEquals("medium", b.bucketOf(4));
        assertEquals("medium", b.bucketOf(6));
        assertEquals("long", b.bucketOf(7));
        assertEquals("long", b.bucketOf(1000));
        assertEquals("tertiles", b.scheme());
        // 10 20 30 40: Q(1/3) = 20 (h = 1), Q(2/3) = 30 (h = 2)
        assertEquals(List.of("0-20", "21-30", "31+"), LengthBuckets.tertiles(new int[] {10, 20, 30, 40}).buckets()
                .stream().map(LengthBuckets.Bucket::range).toList());
    }

    @Test
    void tiedTertilesLeaveTheMiddleBucketEmpty() {
        LengthBuckets b = LengthBuckets.tertiles(new int[] {5, 5, 5, 5, 9});
        assertEquals(List.of("0-5", "none", "6+"), b.buckets().stream().map(LengthBuckets.Bucket::range).toList());
        assertEquals("short", b.bucketOf(5));
        assertEquals("long", b.bucketOf(6));
    }

    @Test
    void fixedEdgesNameTheirRanges() {
        LengthBuckets b = LengthBuckets.fixed(List.of(50, 100, 200));
        assertEquals(List.of("0-50", "51-100", "101-200", "201+"), b.names());
        assertEquals("0-50", b.bucketOf(50));
        assertEquals("51-100", b.bucketOf(51));
        assertEquals("101-200", b.bucketOf(200));
        assertEquals("201+", b.bucketOf(201));
        assertEquals("fixed", b.scheme());
        assertThrows(IllegalArgumentException.class, () -> LengthBuckets.fixed(List.of(100, 50)));
    }

    @Test
    void parsesEdgesAsTyped() {
        assertEquals(Optional.of(List.of(50, 100, 200)), LengthBuckets.parseEdges("50, 100,200"));
        assertEquals(Optional.of(List.of(0)), LengthBuckets.parseEdges("0"));
        for (String bad : List.of("", "50,,100", "100,50", "50,50", "-1,5", "ten", "1.5")) {
            assertEquals(Optional.empty(), LengthBuckets.parseEdges(bad), bad);
        }
    }
}
