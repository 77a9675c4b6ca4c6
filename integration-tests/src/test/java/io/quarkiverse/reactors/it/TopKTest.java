package io.quarkiverse.reactors.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The leaderboard heap keeps exactly the k best scores, checked against sorting every score posted. */
class TopKTest {

    @Test
    void keepsTheKBestScores() {
        SplittableRandom random = new SplittableRandom(7);
        for (int k : new int[] { 1, 2, 16 }) {
            TopK top = new TopK(k);
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                long score = random.nextLong(-1000, 1000);
                all.add(score);
                TopK.Snapshot s = top.add("key", score);
                List<Long> sorted = new ArrayList<>(all);
                sorted.sort(Comparator.reverseOrder());
                assertEquals(all.size(), s.posted());
                assertEquals(sorted.get(0), s.best());
                assertEquals(all.size() < k ? Long.MIN_VALUE : sorted.get(k - 1), s.entryBar(), "k=" + k + " after " + all);
            }
        }
    }

    @Test
    void kMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TopK(0));
    }
}
