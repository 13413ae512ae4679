package io.github.tencentci.camel.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The NextTokens followed in one leg of a walk, to tell when the service hands one out again (a loop), in memory
 * bounded however long the listing.
 * <p>
 * The last {@value #RECENT} tokens are held exactly, so a loop over up to that many pages is caught at its first
 * repeat, before a request is spent on it. A longer loop is caught by Brent's method: the token at each power-of-two
 * position is kept as a landmark, and a loop of any length and start comes back to a landmark within about twice its
 * start plus its length. A token is never reported as repeated unless it was followed before, so a healthy listing is
 * never cut short. (Every token used to be kept: one string per page for the whole walk, 10,000 of them on a
 * 1,000,000-job listing, where the consumer promises memory bounded by the page size.)
 */
final class TokenTrail {

    /** How many of the latest tokens are held exactly. */
    static final int RECENT = 128;

    private final Deque<String> latest = new ArrayDeque<>(RECENT + 1);
    private final Set<String> held = new HashSet<>();
    private String landmark;
    private long followed;

    /**
     * Records a token about to be followed.
     *
     * @return {@code false} when it was followed before in this trail: a loop, not recorded again
     */
    boolean add(String token) {
        Objects.requireNonNull(token, "token");
        if (contains(token)) {
            return false;
        }
        latest.addLast(token);
        held.add(token);
        if (latest.size() > RECENT) {
            held.remove(latest.removeFirst());
        }
        followed++;
        if (Long.bitCount(followed) == 1) { // the 1st, 2nd, 4th, 8th, ... token
            landmark = token;
        }
        return true;
    }

    /** Whether the token is known to have been followed before in this trail. */
    boolean contains(String token) {
        return held.contains(token) || token.equals(landmark);
    }

    /** How many tokens are held: at most {@value #RECENT} and the landmark. */
    int size() {
        return held.size() + (landmark == null || held.contains(landmark) ? 0 : 1);
    }
}
