/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The records the router's stages hand each other ({@code Parsed}, {@code Enriched}, {@code Configured},
 * {@code Planned}, {@code Routed}); never imported outside this module.
 */
package dev.switchboard.router.internal;
