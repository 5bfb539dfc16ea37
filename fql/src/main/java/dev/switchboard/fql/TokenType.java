/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

/** Kinds of FQL tokens, with how they are shown in error messages. */
enum TokenType {
    STRING("a string"),
    NUMBER("a number"),
    PATH("a field path"),
    TRUE("'true'"),
    FALSE("'false'"),
    NULL("'null'"),
    ALL("'all'"),
    AND("'and'"),
    OR("'or'"),
    IN("'in'"),
    NOT("'!'"),
    EQ("'='"),
    NEQ("'!='"),
    LT("'<'"),
    LTE("'<='"),
    GT("'>'"),
    GTE("'>='"),
    LPAREN("'('"),
    RPAREN("')'"),
    LBRACKET("'['"),
    RBRACKET("']'"),
    COMMA("','"),
    EOF("the end of the expression");

    private final String display;

    TokenType(String display) {
        this.display = display;
    }

    String display() {
        return display;
    }
}
