/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * FQL, Segment's filter query language, shared by destination filters (router) and mapping
 * triggers (destination-mappers engine). Entry point: {@link dev.switchboard.fql.Fql#parse(String)}.
 * {@link dev.switchboard.fql.FieldPath} is the dotted, backslash-escaped field path used both
 * inside expressions and by the Drop/Allow Properties filter actions. The lexer, parser, evaluation tree,
 * functions and glob matcher behind them are package-private: the public types above are the whole API.
 */
package dev.switchboard.fql;
