/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Segment-style mapping directives ({@code @path}, {@code @template}, {@code @if}, {@code @case},
 * {@code @literal}, {@code @merge}, {@code @json}, {@code @arrayPath}, {@code @flatten}, {@code @lookup}, {@code @omit}, {@code @replace}
 * and the typed coercions). {@link dev.switchboard.mappers.engine.directives.Mappings#compile} checks a
 * mapping once, at load time, and returns a {@link dev.switchboard.mappers.engine.directives.Resolver}
 * that is applied to each event. A resolver returns Java {@code null} for "undefined" (the key is
 * dropped) and a JSON null node for null (the key is kept).
 */
package dev.switchboard.mappers.engine.directives;
