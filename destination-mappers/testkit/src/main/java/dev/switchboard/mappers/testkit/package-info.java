/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The tests every destination folder runs without writing Java: {@link
 * dev.switchboard.mappers.testkit.GoldenFixturesTest} (fixtures in, exact requests out) and {@link
 * dev.switchboard.mappers.testkit.MapperConformanceTest} (the rules every folder follows). The
 * destinations module runs them through surefire's {@code dependenciesToScan}; {@link
 * dev.switchboard.mappers.testkit.IndexWriter} writes the class-path index at build time.
 */
package dev.switchboard.mappers.testkit;
