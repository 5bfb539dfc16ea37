/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Request limits: bounded body reading, gzip/deflate decoding with a cap on the inflated size, and the per-source token-bucket rate limit.
 */
package dev.switchboard.tracking.limits;
