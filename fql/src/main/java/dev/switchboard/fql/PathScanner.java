/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import java.util.ArrayList;
import java.util.List;

/**
 * Scans a dotted field path at a position in a source string. Segments are made of {@code
 * [a-zA-Z0-9_-]} and backslash escapes ({@code \x} stands for {@code x}, any character).
 */
final class PathScanner {

    private PathScanner() {}

    /** A scanned path: its unescaped segments, the end offset, and whether any escape was used. */
    public record Scanned(List<String> segments, int end, boolean escaped) {}

    /** A malformed path, with the offending position. */
    public static final class BadPath extends Exception {
        private static final long serialVersionUID = 1L;
        private final int position;

        BadPath(String message, int position) {
            super(message);
            this.position = position;
        }

        /** The 0-based position of the problem. */
        public int position() {
            return position;
        }
    }

    /** Whether {@code c} may appear unescaped in a path segment. */
    public static boolean isPathChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Scans from {@code start} until the first character that cannot continue the path. */
    public static Scanned scan(String s, int start) throws BadPath {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        boolean escaped = false;
        int i = start;
        while (true) {
            int segmentStart = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= s.length()) {
                        throw new BadPath("dangling '\\' at the end of a field path", i);
                    }
                    segment.append(s.charAt(i + 1));
                    escaped = true;
                    i += 2;
                } else if (isPathChar(c)) {
                    segment.append(c);
                    i++;
                } else {
                    break;
                }
            }
            if (i == segmentStart) {
                throw new BadPath(emptySegment(s, i), i);
            }
            segments.add(segment.toString());
            segment.setLength(0);
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
            } else {
                return new Scanned(List.copyOf(segments), i, escaped);
            }
        }
    }

    private static String emptySegment(String s, int i) {
        if (i >= s.length() || s.charAt(i) == '.' || Character.isWhitespace(s.charAt(i))) {
            return "expected a field name";
        }
        char c = s.charAt(i);
        return "expected a field name, found '" + c + "' (escape it as '\\" + c + "')";
    }

    /** The dotted form of {@code segments}, escaping every character outside the segment set. */
    public static String format(List<String> segments) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (out.length() > 0) {
                out.append('.');
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (!isPathChar(c)) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
