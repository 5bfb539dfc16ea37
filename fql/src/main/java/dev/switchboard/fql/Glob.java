/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled, case-sensitive, full-match glob: {@code *} (any run), {@code ?} (one character),
 * {@code [abc]}, {@code [a-z]}, {@code [^a-z]} or {@code [!a-z]} (one character in or out of the
 * class) and {@code \x} (x literally). Matching is linear-backtracking (O(n·m)), never regex, so a
 * hostile pattern cannot blow up.
 */
final class Glob {

    /** A malformed pattern, with the offset inside the pattern. */
    static final class BadPattern extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        BadPattern(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    /** One pattern element; STAR is the only one that matches a run of characters. */
    private record Element(Kind kind, int[] ranges, boolean negated) {
        boolean accepts(int c) {
            if (kind == Kind.ANY) {
                return true;
            }
            boolean inside = false;
            for (int i = 0; i < ranges.length && !inside; i += 2) {
                inside = c >= ranges[i] && c <= ranges[i + 1];
            }
            return inside != negated;
        }
    }

    private enum Kind {
        STAR,
        ANY,
        SET
    }

    private final Element[] elements;

    private Glob(List<Element> elements) {
        this.elements = elements.toArray(new Element[0]);
    }

    static Glob compile(String pattern) throws BadPattern {
        List<Element> out = new ArrayList<>();
        int[] cps = pattern.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int c = cps[i];
            if (c == '*') {
                if (out.isEmpty() || out.get(out.size() - 1).kind() != Kind.STAR) {
                    out.add(new Element(Kind.STAR, null, false));
                }
                i++;
            } else if (c == '?') {
                out.add(new Element(Kind.ANY, null, false));
                i++;
            } else if (c == '[') {
                i = compileClass(cps, i, out);
            } else if (c == '\\') {
                if (i + 1 >= cps.length) {
                    throw new BadPattern("pattern ends with a lone '\\'", i);
                }
                out.add(literal(cps[i + 1]));
                i += 2;
            } else {
                out.add(literal(c));
                i++;
            }
        }
        return new Glob(out);
    }

    private static Element literal(int c) {
        return new Element(Kind.SET, new int[] {c, c}, false);
    }

    private static int compileClass(int[] cps, int open, List<Element> out) throws BadPattern {
        int i = open + 1;
        boolean negated = i < cps.length && (cps[i] == '^' || cps[i] == '!');
        if (negated) {
            i++;
        }
        List<Integer> ranges = new ArrayList<>();
        while (i < cps.length && cps[i] != ']') {
            int lo = cps[i] == '\\' && i + 1 < cps.length ? cps[++i] : cps[i];
            i++;
            int hi = lo;
            if (i + 1 < cps.length && cps[i] == '-' && cps[i + 1] != ']') {
                i++;
                hi = cps[i] == '\\' && i + 1 < cps.length ? cps[++i] : cps[i];
                i++;
                if (hi < lo) {
                    throw new BadPattern("bad range in character class", open);
                }
            }
            ranges.add(lo);
            ranges.add(hi);
        }
        if (i >= cps.length) {
            throw new BadPattern("unclosed '[' in pattern", open);
        }
        if (ranges.isEmpty()) {
            throw new BadPattern("empty character class '[]' in pattern", open);
        }
        out.add(new Element(
                Kind.SET, ranges.stream().mapToInt(Integer::intValue).toArray(), negated));
        return i + 1;
    }

    /** Whether the whole of {@code subject} matches. */
    boolean matches(String subject) {
        int[] s = subject.codePoints().toArray();
        int si = 0;
        int pi = 0;
        int starPi = -1;
        int starSi = 0;
        while (si < s.length) {
            if (pi < elements.length && elements[pi].kind() == Kind.STAR) {
                starPi = pi++;
                starSi = si;
            } else if (pi < elements.length && elements[pi].accepts(s[si])) {
                pi++;
                si++;
            } else if (starPi >= 0) {
                pi = starPi + 1;
                si = ++starSi;
            } else {
                return false;
            }
        }
        while (pi < elements.length && elements[pi].kind() == Kind.STAR) {
            pi++;
        }
        return pi == elements.length;
    }
}
