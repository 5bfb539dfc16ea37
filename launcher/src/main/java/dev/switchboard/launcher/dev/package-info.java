/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * {@code switchboard dev}: an embedded KRaft broker, every role in one JVM, the example workspace,
 * and a local inbox ({@code /dev/inbox}) that its webhook destination posts to, so a newcomer sees
 * the whole path with no outside service.
 */
package dev.switchboard.launcher.dev;
