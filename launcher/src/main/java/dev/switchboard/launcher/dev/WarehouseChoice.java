/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.dev;

/**
 * Where dev mode loads the archive: into an embedded PostgreSQL (the default), into a server of the
 * user's ({@code --warehouse-url}), or nowhere ({@code --no-warehouse}).
 *
 * @param url the server's URL (psql URI or JDBC URL), or null
 * @param embeddedPort the embedded server's port (0: a free one), or -1 for none
 */
public record WarehouseChoice(String url, int embeddedPort) {

    /** No warehouse: nothing is loaded. */
    public static final WarehouseChoice NONE = new WarehouseChoice(null, -1);

    /** An embedded PostgreSQL on {@code port} (0: a free one), its data under dev's data directory. */
    public static WarehouseChoice embedded(int port) {
        if (port < 0) {
            throw new IllegalArgumentException("the embedded PostgreSQL's port must be 0 or more, not " + port);
        }
        return new WarehouseChoice(null, port);
    }

    /** The server at {@code url}. */
    public static WarehouseChoice server(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a warehouse URL must not be empty");
        }
        return new WarehouseChoice(url.trim(), -1);
    }

    public boolean embedded() {
        return url == null && embeddedPort >= 0;
    }

    public boolean none() {
        return url == null && embeddedPort < 0;
    }
}
