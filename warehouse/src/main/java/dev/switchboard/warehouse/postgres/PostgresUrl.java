/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL address as JDBC wants it. Takes a JDBC URL ({@code jdbc:postgresql://host:port/db})
 * or the URI that psql takes ({@code postgresql://user:password@host:port/db}), whose user and
 * password win over none given separately.
 *
 * @param jdbcUrl the JDBC URL, without credentials
 * @param user the user, or null
 * @param password the password, or null
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {

    /** Reads {@code url}; {@code user} and {@code password} are used when the URL carries none. */
    public static PostgresUrl parse(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a PostgreSQL warehouse needs a url");
        }
        String u = url.trim();
        if (u.startsWith("jdbc:postgresql:")) {
            return new PostgresUrl(u, user, password);
        }
        if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
            throw new IllegalArgumentException("not a PostgreSQL URL: '" + u
                    + "' (use postgresql://user:password@host:port/db or jdbc:postgresql://...)");
        }
        URI uri = URI.create(u);
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? password : decode(info.substring(colon + 1));
        }
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new PostgresUrl("jdbc:postgresql://" + host + port + path + query, user, password);
    }

    /** The psql URI of this address, with the password masked: for logs and banners. */
    public String display() {
        String rest = jdbcUrl.substring("jdbc:".length());
        if (user == null) {
            return rest;
        }
        return rest.replaceFirst("postgresql://", "postgresql://" + user + (password == null ? "" : ":***") + "@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
