/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy, in which case
 * {@code X-Forwarded-For} is read from right to left and the first hop that is not a trusted proxy
 * is the client (a client can prepend anything to the header, so only hops added by trusted proxies
 * are believed).
 */
public final class ClientAddress {

    private final List<Cidr> trusted;

    /** {@code trustedProxies}: IPs ({@code 10.0.0.1}) or CIDRs ({@code 10.0.0.0/8}, {@code ::1/128}). */
    public ClientAddress(List<String> trustedProxies) {
        List<Cidr> list = new ArrayList<>();
        for (String entry : trustedProxies) {
            list.add(Cidr.parse(entry));
        }
        this.trusted = List.copyOf(list);
    }

    /** The client address for a request from {@code peer} with this {@code X-Forwarded-For} (may be null). */
    public String resolve(String peer, String forwardedFor) {
        if (peer == null || forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty() || parse(hop) == null) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Whether {@code address} is one of the trusted proxies. */
    public boolean isTrusted(String address) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return false;
        }
        for (Cidr c : trusted) {
            if (c.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** Parses a literal IPv4/IPv6 address (never a host name: no DNS lookups), else null. */
    static byte[] parse(String literal) {
        String s =
                literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** An address block: network bytes and prefix length. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String s = text.trim();
            int slash = s.indexOf('/');
            byte[] address = ClientAddress.parse(slash < 0 ? s : s.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR: '" + text + "'");
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(s.substring(slash + 1));
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "'");
            }
            return new Cidr(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
