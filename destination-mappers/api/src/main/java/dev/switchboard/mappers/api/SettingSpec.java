/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One setting of a destination type.
 *
 * @param type the JSON type the value must have
 * @param required whether a destination must set it (a default satisfies it)
 * @param secret whether it is a credential (masked in logs and consoles)
 * @param defaultValue the value when unset, or null
 * @param description one line for the docs and for error messages
 */
public record SettingSpec(
        SettingType type, boolean required, boolean secret, JsonNode defaultValue, String description) {}
