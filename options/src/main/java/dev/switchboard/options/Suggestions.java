/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.options;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean ...?": the closest known name to a mistyped one. */
public final class Suggestions {

    private Suggestions() {}

    /** The candidate with the smallest edit distance to {@code key}, if close enough to be a typo; else null. */
    public static String closest(String key, Collection<?> candidates) {
        return candidates.stream()
                .map(String::valueOf)
                .min(Comparator.comparingInt(k -> distance(key, k)))
                .filter(k -> distance(key, k) <= Math.max(2, key.length() / 3))
                .orElse(null);
    }

    /** Case-insensitive Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
