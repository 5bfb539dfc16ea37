/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.limits;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Undoes {@code Content-Encoding: gzip} or {@code deflate} (zlib-wrapped), stopping as soon as the
 * inflated body passes the limit, so a small compressed body cannot inflate without bound.
 */
public final class ContentDecoder {

    /** Why a body could not be decoded; {@link #tooLarge()} tells a size problem from a format one. */
    public static final class DecodeException extends Exception {
        private final boolean tooLarge;

        DecodeException(String message, boolean tooLarge) {
            super(message, null, false, false);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private ContentDecoder() {}

    /** The decoded body; {@code encoding} may be null or {@code identity}. */
    public static byte[] decode(byte[] body, String encoding, int maxBytes) throws DecodeException {
        String e = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> inflate(body, true, maxBytes);
            case "deflate" -> inflate(body, false, maxBytes);
            default -> throw new DecodeException("unsupported Content-Encoding '" + encoding + "'", false);
        };
    }

    private static byte[] inflate(byte[] body, boolean gzip, int maxBytes) throws DecodeException {
        try (InputStream in = gzip
                ? new GZIPInputStream(new ByteArrayInputStream(body))
                : new InflaterInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, body.length * 4 + 64));
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw new DecodeException("the decompressed body is larger than " + maxBytes + " bytes", true);
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException ex) {
            throw new DecodeException("the body is not valid " + (gzip ? "gzip" : "deflate") + " data", false);
        }
    }
}
