/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import dev.switchboard.mappers.api.Hashing;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One kind of personal data: how rules name it, its class, the key names that hold it (normalised by
 * {@link PiiCatalog#normalizeKey}) and the text values that are it.
 *
 * @param name such as {@code email}, or a workspace matcher's name
 * @param classification red or yellow
 * @param keys normalised key names
 * @param value whether a text value is of this kind, whatever its key ({@code v -> false} for none)
 * @param normalization how a value is normalised before {@code hash}
 */
public record PiiKind(
        String name,
        PiiClass classification,
        Set<String> keys,
        Predicate<String> value,
        Hashing.Normalization normalization) {}
