/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a call goes and what it may carry, checked before anything is sent: an absolute {@code http}
 * or {@code https} URL with a host, a method that is an RFC 9110 token, header names that are tokens
 * and values without CR, LF or NUL (so a mapped value can never inject a header). A call that fails
 * these checks cannot be sent and is dead-lettered as {@code invalid_request}.
 *
 * @param ssl whether the URL is https
 * @param host the host (brackets removed from an IPv6 literal)
 * @param port the port, the scheme's default when the URL names none
 * @param requestUri the path and query sent on the request line ({@code /} when empty)
 */
record CallTarget(boolean ssl, String host, int port, String requestUri) {

    /** Headers the client sets itself (framing, connection management); a mapper's copy is dropped. */
    static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** The target of {@code url}; throws IllegalArgumentException naming what is wrong. */
    static CallTarget of(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("URL must be http or https: " + url);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() == -1 ? (ssl ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new CallTarget(ssl, host, port, requestUri);
    }

    /** {@code method} upper-cased; throws IllegalArgumentException when it is not a token. */
    static String method(String method) {
        if (method.isEmpty() || !isToken(method)) {
            throw new IllegalArgumentException("invalid HTTP method: " + method);
        }
        return method.toUpperCase(Locale.ROOT);
    }

    /** Throws IllegalArgumentException when a header would be malformed on the wire. */
    static void checkHeaders(Map<String, String> headers) {
        headers.forEach((name, value) -> {
            if (name.isEmpty() || !isToken(name)) {
                throw new IllegalArgumentException("invalid header name: " + name);
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("invalid value of header " + name);
                }
            }
        });
    }

    /** Whether the client sets {@code name} itself. */
    static boolean restricted(String name) {
        return RESTRICTED.contains(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
