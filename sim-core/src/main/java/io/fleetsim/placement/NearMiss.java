package io.fleetsim.placement;

import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...?" for a misspelled name (DESIGN.md principle 7): the known name at the smallest edit distance,
 * if that distance is at most 2 (or the names differ only in case).
 */
final class NearMiss {

    private static final int MAX_DISTANCE = 2;

    private NearMiss() {
    }

    /** {@code "; did you mean 'x'?"}, or the empty string when no known name is close. */
    static String suffix(String found, List<String> known) {
        if (found == null || found.isEmpty()) {
            return "";
        }
        String lowerFound = found.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String name : known) {
            int d = distance(lowerFound, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
