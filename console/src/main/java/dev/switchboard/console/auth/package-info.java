/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Who may use the console: the bearer token, browser sessions made from it, CSRF tokens and security headers. */
package dev.switchboard.console.auth;
