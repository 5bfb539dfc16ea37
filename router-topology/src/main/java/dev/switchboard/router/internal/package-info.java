/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Helpers the router's stages share; never imported outside this module. */
package dev.switchboard.router.internal;
