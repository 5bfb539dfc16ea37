/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.mappers.api.Hashing;
import dev.switchboard.workspace.config.PrivacyConfig;
import dev.switchboard.workspace.config.PrivacyRuleConfig;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * The privacy rules of one route (a source's connection to a destination), compiled once per workspace
 * version: what that destination gets of the personal data in {@code properties}, {@code traits} and
 * {@code context}. A field takes the action of the first rule naming its path ({@code field}), else of the
 * first naming its kind ({@code pii}), else of the first naming its class ({@code classification}); a
 * field's kind is its key's, else its value's (text), else its closest classified parent's. A field no
 * rule reaches is sent as it is. Pure; {@link #apply} never changes its input.
 */
public final class RoutePrivacy {

    /** A route without rules: {@link #apply} returns every event as it is. */
    public static final RoutePrivacy NONE =
            new RoutePrivacy(Map.of(), Map.of(), new EnumMap<>(PiiClass.class), PiiCatalog.BUILT_IN_ONLY, "");

    private static final String[] ROOTS = PrivacyRuleConfig.FIELD_ROOTS.toArray(String[]::new);
    private static final int MASK_KEEPS_LAST_FROM = 12;

    private final Map<String, PrivacyAction> byField;
    private final Map<String, PrivacyAction> byKind;
    private final EnumMap<PiiClass, PrivacyAction> byClass;
    private final PiiCatalog catalog;
    private final String salt;
    private final boolean detects;

    private RoutePrivacy(
            Map<String, PrivacyAction> byField,
            Map<String, PrivacyAction> byKind,
            EnumMap<PiiClass, PrivacyAction> byClass,
            PiiCatalog catalog,
            String salt) {
        this.byField = Map.copyOf(byField);
        this.byKind = Map.copyOf(byKind);
        this.byClass = byClass;
        this.catalog = catalog;
        this.salt = salt;
        this.detects = !byKind.isEmpty() || !byClass.isEmpty();
    }

    /**
     * The rules of {@code privacy} for the connection {@code source} -> {@code destination}: those naming
     * the destination, for every source or for this one. {@link #NONE} when there are none. A rule with an
     * unknown action, class or kind (refused at apply) is left out.
     */
    public static RoutePrivacy compile(PrivacyConfig privacy, PiiCatalog catalog, String source, String destination) {
        Map<String, PrivacyAction> byField = new HashMap<>();
        Map<String, PrivacyAction> byKind = new HashMap<>();
        EnumMap<PiiClass, PrivacyAction> byClass = new EnumMap<>(PiiClass.class);
        for (PrivacyRuleConfig r : privacy.rules()) {
            PrivacyAction action = PrivacyAction.of(r.action());
            if (action == null
                    || !Objects.equals(r.destination(), destination)
                    || r.source() != null && !r.source().equals(source)) {
                continue;
            }
            if (r.field() != null) {
                byField.putIfAbsent(r.field(), action);
            } else if (r.pii() != null && catalog.kind(r.pii()) != null) {
                byKind.putIfAbsent(r.pii(), action);
            } else if (PiiClass.of(r.classification()) != null) {
                byClass.putIfAbsent(PiiClass.of(r.classification()), action);
            }
        }
        if (byField.isEmpty() && byKind.isEmpty() && byClass.isEmpty()) {
            return NONE;
        }
        return new RoutePrivacy(byField, byKind, byClass, catalog, privacy.salt());
    }

    /** Whether this route has no rules (its events pass untouched, and are not even looked at). */
    public boolean isEmpty() {
        return this == NONE;
    }

    /**
     * What the destination gets of {@code event}: {@code event} itself when no rule changes a field, else a
     * copy sharing every subtree that did not change.
     */
    public ObjectNode apply(ObjectNode event) {
        if (isEmpty()) {
            return event;
        }
        ObjectNode out = null;
        for (String root : ROOTS) {
            JsonNode node = event.get(root);
            if (node == null || !node.isObject()) {
                continue;
            }
            JsonNode rewritten = rewrite(node, root, null, null, null);
            if (rewritten != node) {
                if (out == null) {
                    out = JsonNodeFactory.instance.objectNode();
                    out.setAll(event);
                }
                if (rewritten == null) {
                    out.remove(root);
                } else {
                    out.set(root, rewritten);
                }
            }
        }
        return out == null ? event : out;
    }

    /**
     * {@code node} as the destination gets it: itself when unchanged, a new node, or null when blocked.
     *
     * @param path the node's dot path, or null when no rule names a field (not built then)
     * @param keyKind the kind the node's own key names, or null
     * @param inherited the kind of its closest classified parent, or null
     * @param forced the action of a field rule on a parent, or null
     */
    private JsonNode rewrite(JsonNode node, String path, PiiKind keyKind, PiiKind inherited, PrivacyAction forced) {
        PrivacyAction fieldAction = byField.isEmpty() ? null : byField.get(path);
        if (fieldAction == PrivacyAction.ALLOW) {
            return node;
        }
        PrivacyAction force = fieldAction != null ? fieldAction : forced;
        PiiKind kind = keyKind != null ? keyKind : inherited;
        if (node.isObject()) {
            if (force == PrivacyAction.BLOCK || force == null && actionOf(kind) == PrivacyAction.BLOCK) {
                return null;
            }
            return object((ObjectNode) node, path, kind, force);
        }
        if (node.isArray()) {
            if (force == PrivacyAction.BLOCK || force == null && actionOf(kind) == PrivacyAction.BLOCK) {
                return null;
            }
            return array((ArrayNode) node, path, kind, force);
        }
        if (node.isNull() || !node.isValueNode()) {
            return node;
        }
        if (keyKind == null && detects && node.isTextual()) {
            PiiKind byValue = catalog.ofValue(node.textValue());
            if (byValue != null) {
                kind = byValue;
            }
        }
        PrivacyAction action = force != null ? force : actionOf(kind);
        if (action == null || action == PrivacyAction.ALLOW) {
            return node;
        }
        String text = node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
        return switch (action) {
            case BLOCK -> null;
            case MASK -> TextNode.valueOf(mask(text));
            case HASH -> {
                String hashed =
                        Hashing.hash(text, kind == null ? Hashing.Normalization.NONE : kind.normalization(), salt);
                yield hashed == null ? node : TextNode.valueOf(hashed);
            }
            case ALLOW -> node;
        };
    }

    private JsonNode object(ObjectNode node, String path, PiiKind inherited, PrivacyAction forced) {
        ObjectNode out = null;
        int index = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); index++) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode child = field.getValue();
            PiiKind keyKind = detects ? catalog.ofKey(field.getKey()) : null;
            String childPath = byField.isEmpty() ? null : path + "." + field.getKey();
            JsonNode rewritten = rewrite(child, childPath, keyKind, inherited, forced);
            if (rewritten != child && out == null) {
                out = JsonNodeFactory.instance.objectNode();
                Iterator<Map.Entry<String, JsonNode>> before = node.fields();
                for (int i = 0; i < index; i++) {
                    Map.Entry<String, JsonNode> kept = before.next();
                    out.set(kept.getKey(), kept.getValue());
                }
            }
            if (out != null && rewritten != null) {
                out.set(field.getKey(), rewritten);
            }
        }
        return out == null ? node : out;
    }

    private JsonNode array(ArrayNode node, String path, PiiKind inherited, PrivacyAction forced) {
        ArrayNode out = null;
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            JsonNode rewritten = rewrite(element, path, null, inherited, forced);
            if (rewritten != element && out == null) {
                out = JsonNodeFactory.instance.arrayNode();
                for (int j = 0; j < i; j++) {
                    out.add(node.get(j));
                }
            }
            if (out != null && rewritten != null) {
                out.add(rewritten);
            }
        }
        return out == null ? node : out;
    }

    private PrivacyAction actionOf(PiiKind kind) {
        if (kind == null) {
            return null;
        }
        PrivacyAction a = byKind.get(kind.name());
        return a != null ? a : byClass.get(kind.classification());
    }

    /** Letters and digits as {@code *}; in values of 12 characters or more the last four stay (a card's). */
    static String mask(String text) {
        int keep = text.length() >= MASK_KEEPS_LAST_FROM ? 4 : 0;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(i < text.length() - keep && Character.isLetterOrDigit(c) ? '*' : c);
        }
        return out.toString();
    }
}
