/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns FQL source into tokens; every error carries the position of the offending character. */
final class Lexer {

    private static final Map<String, TokenType> KEYWORDS = Map.of(
            "true", TokenType.TRUE,
            "false", TokenType.FALSE,
            "null", TokenType.NULL,
            "all", TokenType.ALL,
            "and", TokenType.AND,
            "or", TokenType.OR,
            "in", TokenType.IN);

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) throws FqlException {
        Lexer lexer = new Lexer(src);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.type() != TokenType.EOF);
        return tokens;
    }

    private Token next() throws FqlException {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
        if (pos >= src.length()) {
            return new Token(TokenType.EOF, pos, "", null);
        }
        int start = pos;
        char c = src.charAt(pos);
        char n = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
        return switch (c) {
            case '(' -> single(TokenType.LPAREN);
            case ')' -> single(TokenType.RPAREN);
            case '[' -> single(TokenType.LBRACKET);
            case ']' -> single(TokenType.RBRACKET);
            case ',' -> single(TokenType.COMMA);
            case '=' -> single(TokenType.EQ);
            case '!' -> n == '=' ? pair(TokenType.NEQ) : single(TokenType.NOT);
            case '<' -> n == '=' ? pair(TokenType.LTE) : single(TokenType.LT);
            case '>' -> n == '=' ? pair(TokenType.GTE) : single(TokenType.GT);
            case '"', '\'' -> string(c);
            default -> {
                if (isDigit(c) || ((c == '-' || c == '+') && isDigit(n))) {
                    yield number();
                }
                if (PathScanner.isPathChar(c) || c == '\\') {
                    yield path();
                }
                throw new FqlException("unexpected character '" + c + "'", start);
            }
        };
    }

    private Token single(TokenType type) {
        pos++;
        return new Token(type, pos - 1, src.substring(pos - 1, pos), null);
    }

    private Token pair(TokenType type) {
        pos += 2;
        return new Token(type, pos - 2, src.substring(pos - 2, pos), null);
    }

    private Token string(char quote) throws FqlException {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == quote) {
                return new Token(TokenType.STRING, start, src.substring(start, pos), out.toString());
            }
            if (c == '\\' && pos < src.length()) {
                unescape(src.charAt(pos++), out);
            } else {
                out.append(c);
            }
        }
        throw new FqlException("unterminated string: missing closing " + quote, start);
    }

    /** Known escapes are decoded; any other keeps its backslash, so globs keep {@code \*}. */
    private static void unescape(char c, StringBuilder out) {
        switch (c) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '\\', '\'', '"' -> out.append(c);
            default -> out.append('\\').append(c);
        }
    }

    private Token number() throws FqlException {
        int start = pos;
        if (src.charAt(pos) == '-' || src.charAt(pos) == '+') {
            pos++;
        }
        digits();
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                throw new FqlException(
                        "invalid number '" + src.substring(start, pos) + "': expected a digit after '.'", start);
            }
        }
        if (pos < src.length() && (PathScanner.isPathChar(src.charAt(pos)) || src.charAt(pos) == '.')) {
            throw new FqlException("invalid number '" + src.substring(start, pos + 1) + "'", start);
        }
        String text = src.substring(start, pos);
        return new Token(TokenType.NUMBER, start, text, numberNode(new BigDecimal(text)));
    }

    static JsonNode numberNode(BigDecimal value) {
        if (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0) {
            try {
                return JsonNodeFactory.instance.numberNode(value.longValueExact());
            } catch (ArithmeticException tooBig) {
                return JsonNodeFactory.instance.numberNode(value.toBigInteger());
            }
        }
        return JsonNodeFactory.instance.numberNode(value);
    }

    private int digits() {
        int start = pos;
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token path() throws FqlException {
        int start = pos;
        PathScanner.Scanned scanned;
        try {
            scanned = PathScanner.scan(src, pos);
        } catch (PathScanner.BadPath e) {
            throw new FqlException(e.getMessage(), e.position());
        }
        pos = scanned.end();
        String text = src.substring(start, pos);
        if (!scanned.escaped() && scanned.segments().size() == 1) {
            TokenType keyword = KEYWORDS.get(text);
            if (keyword != null) {
                return new Token(keyword, start, text, null);
            }
        }
        return new Token(TokenType.PATH, start, text, scanned);
    }
}
