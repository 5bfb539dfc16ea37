/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.enrich;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import ua_parser.CachingParser;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * {@code context.userAgentData}-style fields ({@code brands}, {@code mobile}, {@code platform}, as
 * browsers report client hints) parsed from {@code context.userAgent} with uap-java, the
 * maintained ua-parser rules, for events whose client did not send them.
 */
final class UserAgents {

    private static final Set<String> MOBILE_OS = Set.of("Android", "iOS", "Windows Phone", "BlackBerry OS", "KaiOS");
    private static final int MAX_LENGTH = 512;

    /** Built on first use: loading the rules takes a moment, and most server events have no user agent. */
    private static final class Holder {
        static final Parser PARSER = new CachingParser(10_000);
    }

    private UserAgents() {}

    /** The fields for {@code userAgent}, or null when nothing useful is recognised. */
    static ObjectNode parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank() || userAgent.length() > MAX_LENGTH) {
            return null;
        }
        Client c = Holder.PARSER.parse(userAgent);
        if ("Other".equals(c.userAgent.family) && "Other".equals(c.os.family)) {
            return null;
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (!"Other".equals(c.userAgent.family)) {
            data.putArray("brands")
                    .addObject()
                    .put("brand", c.userAgent.family)
                    .put("version", c.userAgent.major == null ? "" : c.userAgent.major);
        }
        data.put("mobile", MOBILE_OS.contains(c.os.family) || c.device.family.contains("iPhone"));
        if (!"Other".equals(c.os.family)) {
            data.put("platform", "Mac OS X".equals(c.os.family) ? "macOS" : c.os.family);
        }
        return data;
    }
}
