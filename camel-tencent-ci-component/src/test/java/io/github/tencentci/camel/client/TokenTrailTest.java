package io.github.tencentci.camel.client;

import java.util.function.IntFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenTrailTest {

    @Test
    void aLongListingIsNeverTakenForALoopAndHoldsABoundedNumberOfTokens() {
        TokenTrail trail = new TokenTrail();
        for (int page = 1; page <= 200_000; page++) {
            assertThat(trail.add("token-" + page)).as("page %d", page).isTrue();
        }
        assertThat(trail.size()).isLessThanOrEqualTo(TokenTrail.RECENT + 1);
    }

    @Test
    void aRepeatAmongTheLatestTokensIsCaughtAtOnce() {
        TokenTrail trail = new TokenTrail();
        for (int page = 1; page <= 1000; page++) {
            trail.add("token-" + page);
        }
        assertThat(trail.contains("token-" + (1000 - TokenTrail.RECENT + 1))).isTrue();
        assertThat(trail.add("token-1000")).isFalse();
        assertThat(trail.add("token-" + (1000 - TokenTrail.RECENT + 1))).isFalse();
        assertThat(trail.contains("token-1001")).isFalse();
    }

    /**
     * A service that walks {@code start} distinct pages, then loops over {@code length} pages forever: the trail must
     * end every such walk, and soon (Brent's bound: within twice the start plus the length, or at once when the loop
     * is short enough to be held exactly).
     */
    @ParameterizedTest(name = "start {0}, loop of {1} pages")
    @CsvSource({ "0, 1", "0, 2", "5, 1", "1, 128", "1, 129", "0, 1000", "5000, 300", "3, 70000", "100000, 3" })
    void everyLoopIsCaught(int start, int length) {
        IntFunction<String> tokenAt = step -> step < start ? "lead-" + step : "loop-" + (step - start) % length;
        TokenTrail trail = new TokenTrail();
        int step = 0;
        while (trail.add(tokenAt.apply(step))) {
            step++;
            assertThat(step).as("steps before the loop was caught").isLessThanOrEqualTo(2 * (start + length) + length);
        }
        assertThat(step).as("the first repeat is the earliest it can be caught").isGreaterThanOrEqualTo(start + length);
        if (length <= TokenTrail.RECENT) {
            assertThat(step).as("a short loop is caught at its first repeat").isEqualTo(start + length);
        }
    }
}
