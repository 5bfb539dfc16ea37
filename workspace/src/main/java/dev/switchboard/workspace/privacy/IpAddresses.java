/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

/**
 * An IPv4 address (four decimal octets 0-255, no leading zeros) or an IPv6 address (eight groups of one to
 * four hex digits, one {@code ::} for a run of zero groups, an IPv4 tail allowed). Parsed here, never by
 * {@code InetAddress}, which may resolve names.
 */
final class IpAddresses {

    private IpAddresses() {}

    static boolean matches(String text) {
        String t = text.trim();
        if (t.length() < 2 || t.length() > 60 || Character.digit(t.charAt(0), 16) < 0 && t.charAt(0) != ':') {
            return false;
        }
        return t.indexOf(':') >= 0 ? ipv6(t) : ipv4(t);
    }

    static boolean ipv4(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false; // before any split: most texts end here
            }
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0') {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean ipv6(String t) {
        int zone = t.indexOf('%');
        String s = zone >= 0 ? t.substring(0, zone) : t;
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        int groups = 0;
        String[][] halves = {
            head.isEmpty() ? new String[0] : head.split(":", -1), tail.isEmpty() ? new String[0] : tail.split(":", -1)
        };
        for (int h = 0; h < 2; h++) {
            String[] parts = halves[h];
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                boolean last = h == 1 || gap < 0 ? i == parts.length - 1 : false;
                if (last && p.indexOf('.') >= 0) {
                    if (!ipv4(p)) {
                        return false;
                    }
                    groups += 2;
                } else if (hexGroup(p)) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return gap >= 0 ? groups <= 7 : groups == 8;
    }

    private static boolean hexGroup(String p) {
        if (p.isEmpty() || p.length() > 4) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            if (Character.digit(p.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
