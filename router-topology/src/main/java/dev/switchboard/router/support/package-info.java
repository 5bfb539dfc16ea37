/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What every stage uses: {@code Json} (the router's one ObjectMapper, numbers written as JavaScript writes
 * them) and {@code StageSensors} (a stage's rate and total sensors).
 */
package dev.switchboard.router.support;
