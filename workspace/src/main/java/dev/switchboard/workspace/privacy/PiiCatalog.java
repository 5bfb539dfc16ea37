/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import dev.switchboard.mappers.api.Hashing.Normalization;
import dev.switchboard.workspace.config.PiiMatcherConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The kinds of personal data a workspace knows: its own matchers (asked first, so they may claim a key),
 * then the built-in ones. A field is of the kind its key names; else, when it is text, of the first kind
 * whose value check it passes. Built-in value checks look at texts of at most 254 characters.
 */
public final class PiiCatalog {

    private static final int MAX_BUILT_IN_VALUE = 254;
    private static final Predicate<String> NO_VALUE = v -> false;

    /** The built-in kinds, Red first (a value check is asked in this order). */
    public static final List<PiiKind> BUILT_IN = List.of(
            kind("ssn", PiiClass.RED, UsSsns::matches, Normalization.NONE, "ssn", "social_security_number"),
            kind(
                    "card",
                    PiiClass.RED,
                    PaymentCards::matches,
                    Normalization.NONE,
                    "card_number",
                    "credit_card",
                    "credit_card_number",
                    "cc_number",
                    "pan",
                    "cvv",
                    "cvc"),
            kind("iban", PiiClass.RED, Ibans::matches, Normalization.NONE, "iban", "bank_account"),
            kind("password", PiiClass.RED, NO_VALUE, Normalization.NONE, "password", "passwd", "passphrase"),
            kind("passport", PiiClass.RED, NO_VALUE, Normalization.NONE, "passport", "passport_number"),
            kind(
                    "token",
                    PiiClass.RED,
                    NO_VALUE,
                    Normalization.NONE,
                    "token",
                    "access_token",
                    "refresh_token",
                    "auth_token",
                    "id_token",
                    "api_key",
                    "secret",
                    "client_secret"),
            kind("email", PiiClass.YELLOW, Emails::matches, Normalization.EMAIL, "email", "email_address"),
            kind(
                    "phone",
                    PiiClass.YELLOW,
                    Phones::matches,
                    Normalization.PHONE_E164,
                    "phone",
                    "phone_number",
                    "mobile",
                    "mobile_phone",
                    "telephone"),
            kind("ip", PiiClass.YELLOW, IpAddresses::matches, Normalization.NONE, "ip", "ip_address"),
            kind(
                    "address",
                    PiiClass.YELLOW,
                    NO_VALUE,
                    Normalization.NONE,
                    "address",
                    "street",
                    "street_address",
                    "address_line1",
                    "address_line2",
                    "postal_code",
                    "zip",
                    "zip_code"),
            kind(
                    "name",
                    PiiClass.YELLOW,
                    NO_VALUE,
                    Normalization.NONE,
                    "first_name",
                    "last_name",
                    "full_name",
                    "middle_name",
                    "given_name",
                    "family_name",
                    "surname"));

    private final Map<String, PiiKind> byName;
    private final Map<String, PiiKind> byKey;
    private final List<PiiKind> custom;

    private PiiCatalog(List<PiiKind> custom) {
        this.custom = List.copyOf(custom);
        Map<String, PiiKind> names = new HashMap<>();
        Map<String, PiiKind> keys = new HashMap<>();
        for (PiiKind k : custom) {
            names.putIfAbsent(k.name(), k);
            k.keys().forEach(key -> keys.putIfAbsent(key, k));
        }
        for (PiiKind k : BUILT_IN) {
            names.putIfAbsent(k.name(), k);
            k.keys().forEach(key -> keys.putIfAbsent(key, k));
        }
        this.byName = Map.copyOf(names);
        this.byKey = Map.copyOf(keys);
    }

    /** The built-in kinds only. */
    public static final PiiCatalog BUILT_IN_ONLY = new PiiCatalog(List.of());

    /**
     * The built-in kinds and the workspace's matchers. A matcher whose regular expression does not compile
     * (refused at apply) throws {@link java.util.regex.PatternSyntaxException}.
     */
    public static PiiCatalog of(List<PiiMatcherConfig> matchers) {
        if (matchers.isEmpty()) {
            return BUILT_IN_ONLY;
        }
        List<PiiKind> custom = new ArrayList<>();
        for (PiiMatcherConfig m : matchers) {
            List<Pattern> patterns = m.values().stream().map(Pattern::compile).toList();
            Predicate<String> value = patterns.isEmpty()
                    ? NO_VALUE
                    : v -> patterns.stream().anyMatch(p -> p.matcher(v).matches());
            Set<String> keys = new LinkedHashSet<>();
            m.keys().forEach(k -> keys.add(normalizeKey(k)));
            custom.add(new PiiKind(
                    m.name(), PiiClass.of(m.classification()), Set.copyOf(keys), value, Normalization.NONE));
        }
        return new PiiCatalog(custom);
    }

    /** The kind named {@code name} (built-in or the workspace's), or null. */
    public PiiKind kind(String name) {
        return byName.get(name);
    }

    /** The kind a key names ({@code Email}, {@code email_address}, {@code firstName}), or null. */
    public PiiKind ofKey(String key) {
        return byKey.get(normalizeKey(key));
    }

    /** The first kind whose value check {@code text} passes: the workspace's matchers, then the built-in. */
    public PiiKind ofValue(String text) {
        for (PiiKind k : custom) {
            if (k.value().test(text)) {
                return k;
            }
        }
        if (text.length() > MAX_BUILT_IN_VALUE || text.isBlank()) {
            return null;
        }
        for (PiiKind k : BUILT_IN) {
            if (k.value().test(text)) {
                return k;
            }
        }
        return null;
    }

    /** A key as the catalog compares it: lower case, without {@code _}, {@code -}, spaces and dots. */
    public static String normalizeKey(String key) {
        if (plain(key)) {
            return key; // most keys: nothing to drop or lower, no copy
        }
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != ' ' && c != '.') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static boolean plain(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static PiiKind kind(
            String name, PiiClass c, Predicate<String> value, Normalization normalization, String... keys) {
        Set<String> normal = new LinkedHashSet<>();
        for (String k : keys) {
            normal.add(normalizeKey(k));
        }
        return new PiiKind(name, c, Set.copyOf(normal), value, normalization);
    }
}
