/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Integration tests of the router on the embedded broker ({@code *IT}, run by failsafe), with
 * routers in their own JVMs ({@link dev.switchboard.router.it.RouterChild}) so a test can kill one
 * with SIGKILL, and read_committed views of the output topics ({@link
 * dev.switchboard.router.it.CommittedTopics}).
 */
package dev.switchboard.router.it;
