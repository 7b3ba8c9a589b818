package io.fleetsim.text;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean ...?" suggestions by edit distance (Levenshtein, case-insensitive), for unknown keys, names and
 * enum-like values (DESIGN.md principle 7).
 *
 * <p>A candidate is suggested when its distance to the input is at most {@code max(2, length / 3)} of the longer
 * of the two (so {@code desiredcount} finds {@code desiredCount}, {@code m6i.larg} finds {@code m6i.large}, but
 * {@code foo} does not find {@code cpu}). Ties go to the first candidate in the given order, so suggestions are
 * deterministic.
 */
public final class NearMiss {

    private NearMiss() {
    }

    /** The closest candidate within the threshold, or {@code null} (also for a null or empty input). */
    public static String closest(String input, Collection<String> candidates) {
        if (input == null || input.isEmpty()) {
            return null;
        }
        String lowerInput = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lowerInput, candidate.toLowerCase(Locale.ROOT));
            int threshold = Math.max(2, Math.max(input.length(), candidate.length()) / 3);
            if (d <= threshold && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** {@code "; did you mean `x`?"} or the empty string. */
    public static String hint(String input, Collection<String> candidates) {
        String c = closest(input, candidates);
        return c == null ? "" : "; did you mean `" + c + "`?";
    }

    /**
     * {@code "; did you mean `x`? <label>: a, b, c"}, or {@code "; <label>: a, b, c"} when nothing is close:
     * the tail of every "unknown name" message.
     */
    public static String hintAndList(String input, Collection<String> candidates, String label) {
        String c = closest(input, candidates);
        String list = label + ": " + (candidates.isEmpty() ? "(none)" : String.join(", ", candidates));
        return c == null ? "; " + list : "; did you mean `" + c + "`? " + list;
    }

    /** Levenshtein distance with two rolling rows. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
