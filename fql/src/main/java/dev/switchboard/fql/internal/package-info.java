/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Lexer, recursive-descent parser, evaluation tree, functions and glob matcher behind {@link
 * dev.switchboard.fql.Fql}. Not part of the API: other modules must not import this package.
 */
package dev.switchboard.fql.internal;
