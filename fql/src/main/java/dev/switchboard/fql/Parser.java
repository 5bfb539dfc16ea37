/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser. Precedence, loosest first: {@code or}, {@code and}, comparison
 * ({@code = != < <= > >= in}, not chainable), {@code !}, then primaries (literals, lists, field
 * paths, function calls, parentheses).
 */
final class Parser {

    static final int MAX_DEPTH = 100;

    private static final Map<TokenType, Node.Op> COMPARISONS = Map.of(
            TokenType.EQ, Node.Op.EQ,
            TokenType.NEQ, Node.Op.NEQ,
            TokenType.LT, Node.Op.LT,
            TokenType.LTE, Node.Op.LTE,
            TokenType.GT, Node.Op.GT,
            TokenType.GTE, Node.Op.GTE);

    private final List<Token> tokens;
    private int index;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code source}, rejecting sources longer than {@code maxBytes} UTF-8 bytes. */
    public static Expression parse(String source, int maxBytes) throws FqlException {
        checkSize(source, maxBytes);
        Parser parser = new Parser(Lexer.tokenize(source));
        if (parser.peek().type() == TokenType.EOF) {
            throw new FqlException("empty expression: write a condition such as type = \"track\", or all", 0);
        }
        Node root = parser.or();
        Token rest = parser.peek();
        if (rest.type() != TokenType.EOF) {
            String problem = COMPARISONS.containsKey(rest.type()) || rest.type() == TokenType.IN
                    ? "comparisons cannot be chained, combine them with 'and'"
                    : "expected 'and', 'or' or the end of the expression";
            throw new FqlException(problem, rest.position(), found(rest));
        }
        return new CompiledExpression(source, root);
    }

    private static void checkSize(String source, int maxBytes) throws FqlException {
        int bytes = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (bytes > maxBytes) {
                throw new FqlException("expression is longer than " + maxBytes + " bytes (the 5 KB limit)", i);
            }
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.EOF) {
            index++;
        }
        return token;
    }

    private Token expect(TokenType type) throws FqlException {
        Token token = peek();
        if (token.type() != type) {
            throw new FqlException("expected " + type.display(), token.position(), found(token));
        }
        return advance();
    }

    private static String found(Token token) {
        return "(found " + token.describe() + ")";
    }

    private Node or() throws FqlException {
        Node left = and();
        while (peek().type() == TokenType.OR) {
            advance();
            left = new Node.Or(left, and());
        }
        return left;
    }

    private Node and() throws FqlException {
        Node left = comparison();
        while (peek().type() == TokenType.AND) {
            advance();
            left = new Node.And(left, comparison());
        }
        return left;
    }

    private Node comparison() throws FqlException {
        Node left = unary();
        Token operator = peek();
        Node.Op op = COMPARISONS.get(operator.type());
        if (op != null) {
            advance();
            return new Node.Compare(op, left, unary());
        }
        if (operator.type() == TokenType.IN) {
            advance();
            Token listStart = peek();
            Node right = unary();
            if (right instanceof Node.Literal literal && !literal.value().isArray()) {
                throw new FqlException(
                        "'in' needs a list such as ['a', 'b'] or a list-valued field on its right",
                        listStart.position(),
                        found(listStart));
            }
            return new Node.In(left, right);
        }
        return left;
    }

    private Node unary() throws FqlException {
        if (peek().type() == TokenType.NOT) {
            enter(advance());
            Node operand = unary();
            depth--;
            return new Node.Not(operand);
        }
        return primary();
    }

    private void enter(Token token) throws FqlException {
        if (++depth > MAX_DEPTH) {
            throw new FqlException(
                    "expression is nested too deeply (more than " + MAX_DEPTH + " levels)", token.position());
        }
    }

    private Node primary() throws FqlException {
        Token token = peek();
        switch (token.type()) {
            case LPAREN -> {
                enter(advance());
                Node inner = or();
                expect(TokenType.RPAREN);
                depth--;
                return inner;
            }
            case LBRACKET -> {
                return new Node.Literal(list());
            }
            case PATH -> {
                advance();
                PathScanner.Scanned path = (PathScanner.Scanned) token.value();
                if (peek().type() == TokenType.LPAREN
                        && !path.escaped()
                        && path.segments().size() == 1) {
                    return call(token);
                }
                return new Node.Field(FieldPath.of(path.segments()));
            }
            default -> {
                JsonNode literal = scalar(token);
                if (literal == null) {
                    throw new FqlException("expected a value", token.position(), found(token));
                }
                advance();
                return new Node.Literal(literal);
            }
        }
    }

    /** The literal value of a scalar token, or null if the token is not a scalar literal. */
    private static JsonNode scalar(Token token) {
        return switch (token.type()) {
            case STRING -> TextNode.valueOf((String) token.value());
            case NUMBER -> (JsonNode) token.value();
            case TRUE, ALL -> BooleanNode.TRUE;
            case FALSE -> BooleanNode.FALSE;
            case NULL -> NullNode.getInstance();
            default -> null;
        };
    }

    private ArrayNode list() throws FqlException {
        advance();
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (peek().type() == TokenType.RBRACKET) {
            advance();
            return list;
        }
        while (true) {
            Token element = peek();
            JsonNode value = element.type() == TokenType.ALL ? null : scalar(element);
            if (value == null) {
                throw new FqlException(
                        "list elements must be literals (string, number, true, false or null)",
                        element.position(),
                        found(element));
            }
            advance();
            list.add(value);
            Token next = peek();
            if (next.type() == TokenType.RBRACKET) {
                advance();
                return list;
            }
            if (next.type() != TokenType.COMMA) {
                throw new FqlException("expected ',' or ']' in list", next.position(), found(next));
            }
            advance();
        }
    }

    private Node call(Token name) throws FqlException {
        FqlFunction function = FqlFunction.byName(name.text()).orElseThrow(() -> unknownFunction(name));
        enter(advance());
        List<Node> args = new ArrayList<>();
        if (peek().type() != TokenType.RPAREN) {
            args.add(or());
            while (peek().type() == TokenType.COMMA) {
                advance();
                args.add(or());
            }
        }
        Token close = peek();
        if (close.type() != TokenType.RPAREN) {
            String expected = args.size() < function.arity() ? "expected ',' or ')'" : "expected ')'";
            throw new FqlException(expected, close.position(), found(close));
        }
        advance();
        depth--;
        if (args.size() != function.arity()) {
            throw new FqlException(
                    "function '" + function.fqlName() + "' takes " + function.arity()
                            + (function.arity() == 1 ? " argument" : " arguments") + " but got " + args.size(),
                    name.position());
        }
        return compileMatch(function, args, name);
    }

    private static Node compileMatch(FqlFunction function, List<Node> args, Token name) throws FqlException {
        if (function == FqlFunction.MATCH
                && args.get(1) instanceof Node.Literal pattern
                && pattern.value().isTextual()) {
            try {
                return new Node.Match(args.get(0), Glob.compile(pattern.value().textValue()));
            } catch (Glob.BadPattern e) {
                throw new FqlException("invalid glob in match(): " + e.getMessage(), name.position());
            }
        }
        return new Node.Call(function, List.copyOf(args));
    }

    private static FqlException unknownFunction(Token name) {
        String hint = FqlFunction.closest(name.text())
                .map(best -> "(did you mean '" + best + "'?)")
                .orElse("(known functions: contains, match, length, lowercase, uppercase, snakecase,"
                        + " kebabcase, titlecase, typeof, bool, string, number)");
        return new FqlException("unknown function '" + name.text() + "'", name.position(), hint);
    }
}
