/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.postgres;

import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/**
 * COPY's text format written straight into UTF-8 bytes: values escaped (backslash, tab, newline,
 * carriage return) and encoded in one pass, no {@code StringBuilder} and no copy into a byte array
 * per chunk. The bytes go to the server each time a chunk is full, so PostgreSQL parses the rows
 * sent while the next ones are encoded. A lone surrogate becomes {@code ?}, as {@link
 * String#getBytes} writes it.
 */
final class CopyText {

    /** Bytes gathered before they are sent: small enough that the server starts early. */
    static final int CHUNK = 1 << 18;

    private final CopyIn in;
    private byte[] buf = new byte[CHUNK + 1024];
    private int len;

    /** Writes into {@code in}; null gathers everything (for tests, {@link #bytes}). */
    CopyText(CopyIn in) {
        this.in = in;
    }

    void tab() {
        put((byte) '\t');
    }

    /** Ends a row, and sends the chunk when it is full. */
    void endRow() throws SQLException {
        put((byte) '\n');
        if (len >= CHUNK && in != null) {
            flush();
        }
    }

    void nul() {
        room(2);
        buf[len++] = '\\';
        buf[len++] = 'N';
    }

    /** {@code v} escaped and in UTF-8; null is NULL. */
    void value(String v) {
        if (v == null) {
            nul();
            return;
        }
        int n = v.length();
        room(n * 3); // a char is at most 3 bytes (a surrogate pair 4 for its 2 chars, an escape 2)
        byte[] b = buf;
        int at = len;
        for (int i = 0; i < n; i++) {
            char ch = v.charAt(i);
            if (ch < 0x80) {
                char escaped = escaped(ch);
                if (escaped == 0) {
                    b[at++] = (byte) ch;
                } else {
                    b[at++] = '\\';
                    b[at++] = (byte) escaped;
                }
            } else if (ch < 0x800) {
                b[at++] = (byte) (0xC0 | (ch >> 6));
                b[at++] = (byte) (0x80 | (ch & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                char low = i + 1 < n ? v.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(ch) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(ch, low);
                    b[at++] = (byte) (0xF0 | (cp >> 18));
                    b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[at++] = (byte) (0x80 | (cp & 0x3F));
                    i++;
                } else {
                    b[at++] = '?';
                }
            } else {
                b[at++] = (byte) (0xE0 | (ch >> 12));
                b[at++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
        len = at;
    }

    /** Sends what is gathered. */
    void flush() throws SQLException {
        if (len > 0) {
            in.writeToCopy(buf, 0, len);
            len = 0;
        }
    }

    /** What is gathered and not sent yet. */
    byte[] bytes() {
        return Arrays.copyOf(buf, len);
    }

    /** The letter after the backslash COPY's text format writes for {@code ch}; 0 when it is written as it is. */
    private static char escaped(char ch) {
        return switch (ch) {
            case '\\' -> '\\';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
        };
    }

    private void put(byte b) {
        room(1);
        buf[len++] = b;
    }

    private void room(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
