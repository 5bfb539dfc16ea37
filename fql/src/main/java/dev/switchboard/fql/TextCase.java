/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The case functions. snakecase and kebabcase split into words at whitespace, {@code _}, {@code
 * -}, other punctuation and lower-to-upper camel boundaries, lowercase them and join with {@code _}
 * or {@code -} ("Order Completed" and "orderCompleted" both give "order_completed"). titlecase
 * upper-cases the first letter of every whitespace-separated word and keeps the rest.
 */
final class TextCase {

    private TextCase() {}

    static String snake(String s) {
        return String.join("_", words(s));
    }

    static String kebab(String s) {
        return String.join("-", words(s));
    }

    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean atWordStart = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(atWordStart ? Character.toTitleCase(cp) : cp);
            atWordStart = Character.isWhitespace(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int previous = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                flush(word, words);
            } else {
                if (Character.isUpperCase(cp) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
                    flush(word, words);
                }
                word.appendCodePoint(cp);
            }
            previous = cp;
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
