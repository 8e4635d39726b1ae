/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Kubernetes JSONPath template into top-level nodes: {@link PathNode.Text} for text outside braces and
 * {@link PathNode.Sequence} for each {@code {...}} action. Grammar, quirks and error texts follow client-go's
 * {@code util/jsonpath} parser (for example {@code ['a.b']} is two fields, {@code ["a"]} is an invalid index).
 */
final class JsonPathParser {
  private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'$");
  private static final Pattern SLICE = Pattern.compile("^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$");
  private static final Pattern COMPARISON = Pattern.compile("^([^!<>=]+)([!<>=]+)(.+?)$", Pattern.DOTALL);
  private static final int EOF = -1;

  private final String input;
  private int pos;

  private JsonPathParser(String input) {
    this.input = input;
  }

  /**
   * Parses a whole template.
   *
   * @param template the template text
   * @return the top-level nodes
   * @throws JsonPathException with client-go's message when the template is malformed
   */
  static List<PathNode> parse(String template) {
    JsonPathParser parser = new JsonPathParser(template);
    List<PathNode> root = new ArrayList<>();
    while (parser.pos < template.length()) {
      int brace = template.indexOf('{', parser.pos);
      if (brace < 0) {
        root.add(new PathNode.Text(template.substring(parser.pos)));
        break;
      }
      if (brace > parser.pos) {
        root.add(new PathNode.Text(template.substring(parser.pos, brace)));
      }
      parser.pos = brace + 1;
      root.add(parser.parseAction());
    }
    return root;
  }

  /** Parses {@code text} as the inside of one action, as client-go's {@code parseAction} does for sub-expressions. */
  private static PathNode.Sequence parseInner(String text) {
    JsonPathParser parser = new JsonPathParser("{" + text + "}");
    parser.pos = 1;
    return parser.parseAction();
  }

  private PathNode.Sequence parseAction() {
    List<PathNode> nodes = new ArrayList<>();
    while (true) {
      if (input.startsWith("}", pos)) {
        pos++;
        return new PathNode.Sequence(nodes);
      } else if (input.startsWith("[?(", pos)) {
        nodes.add(parseFilter());
        continue;
      } else if (input.startsWith("..", pos)) {
        parseRecursive(nodes);
        continue;
      }
      int c = next();
      if (c == EOF || c == '\r' || c == '\n') {
        throw new JsonPathException("unclosed action");
      } else if (c == ' ' || c == '@' || c == '$') {
        continue;
      } else if (c == '[') {
        parseArray(nodes);
      } else if (c == '"' || c == '\'') {
        nodes.add(parseQuote(c));
      } else if (c == '.') {
        nodes.add(parseField());
      } else if (c == '+' || c == '-' || Character.isDigit(c)) {
        pos -= Character.charCount(c);
        nodes.add(parseNumber());
      } else if (isAlphaNumeric(c)) {
        pos -= Character.charCount(c);
        nodes.add(parseIdentifier());
      } else {
        throw new JsonPathException("unrecognized character in action: " + goRune(c));
      }
    }
  }

  private int next() {
    if (pos >= input.length()) {
      return EOF;
    }
    int c = input.codePointAt(pos);
    pos += Character.charCount(c);
    return c;
  }

  private int peek() {
    return pos >= input.length() ? EOF : input.codePointAt(pos);
  }

  private void parseRecursive(List<PathNode> nodes) {
    if (!nodes.isEmpty() && nodes.get(nodes.size() - 1) instanceof PathNode.Recursive) {
      throw new JsonPathException("invalid multiple recursive descent");
    }
    pos += 2;
    nodes.add(new PathNode.Recursive());
    if (isAlphaNumeric(peek())) {
      nodes.add(parseField());
    }
  }

  private PathNode parseField() {
    int begin = pos;
    while (true) {
      int c = next();
      if (c == '\\') {
        next();
      } else if (isTerminator(c)) {
        if (c != EOF) {
          pos -= Character.charCount(c);
        }
        break;
      }
    }
    String name = input.substring(begin, pos);
    return "*".equals(name) ? new PathNode.Wildcard() : new PathNode.Field(name.replace("\\", ""));
  }

  private PathNode parseIdentifier() {
    int begin = pos;
    int c;
    while (!isTerminator(c = next())) {
      // scan to the end of the word
    }
    if (c != EOF) {
      pos -= Character.charCount(c);
    }
    String word = input.substring(begin, pos);
    if ("true".equals(word) || "false".equals(word)) {
      return new PathNode.BoolLiteral(Boolean.parseBoolean(word));
    }
    return new PathNode.Identifier(word);
  }

  private PathNode parseNumber() {
    int begin = pos;
    int c = peek();
    if (c == '+' || c == '-') {
      next();
    }
    while ((c = peek()) == '.' || (c != EOF && Character.isDigit(c))) {
      next();
    }
    String text = input.substring(begin, pos);
    try {
      return new PathNode.IntLiteral(Long.parseLong(text));
    } catch (NumberFormatException notAnInt) {
      try {
        return new PathNode.FloatLiteral(Double.parseDouble(text));
      } catch (NumberFormatException notAFloat) {
        throw new JsonPathException("cannot parse number " + text);
      }
    }
  }

  private void parseArray(List<PathNode> nodes) {
    int begin = pos;
    while (true) {
      int c = next();
      if (c == EOF || c == '\n') {
        throw new JsonPathException("unterminated array");
      } else if (c == ']') {
        break;
      }
    }
    String text = input.substring(begin, pos - 1);
    if ("*".equals(text)) {
      text = ":";
    }
    String[] members = text.split(",", -1);
    if (members.length > 1) {
      List<PathNode.Sequence> union = new ArrayList<>();
      for (String member : members) {
        union.add(parseInner("[" + trimSpaces(member) + "]"));
      }
      nodes.add(new PathNode.Union(union));
      return;
    }
    Matcher key = DICT_KEY.matcher(text);
    if (key.matches()) {
      nodes.addAll(parseInner("." + key.group(1)).nodes());
      return;
    }
    Matcher slice = SLICE.matcher(text);
    if (!slice.matches()) {
      throw new JsonPathException("invalid array index " + text);
    }
    SliceNode.Bound start = bound(slice.group(1), false, null);
    SliceNode.Bound end = bound(slice.group(2), true, start);
    SliceNode.Bound step = bound(slice.group(3), true, null);
    nodes.add(new SliceNode(start, end, step));
  }

  private static SliceNode.Bound bound(String group, boolean afterColon, SliceNode.Bound startForDerivedEnd) {
    if (group == null || group.isEmpty()) {
      if (startForDerivedEnd != null) {
        // A single index [i] selects [i:i+1]; the end is marked derived so that [-1] reaches the last element.
        return new SliceNode.Bound(startForDerivedEnd.value() + 1, true, true);
      }
      return SliceNode.Bound.UNKNOWN;
    }
    String digits = afterColon ? group.substring(1) : group;
    if (afterColon && digits.isEmpty()) {
      return SliceNode.Bound.UNKNOWN;
    }
    try {
      return new SliceNode.Bound(Long.parseLong(digits), true, false);
    } catch (NumberFormatException e) {
      throw new JsonPathException("array index " + digits + " is not a number");
    }
  }

  private FilterNode parseFilter() {
    pos += 3;
    int begin = pos;
    boolean opened = false;
    boolean closed = false;
    int pair = 0;
    while (true) {
      int c = next();
      if (c == EOF || c == '\n') {
        throw new JsonPathException("unterminated filter");
      } else if (c == '"' || c == '\'') {
        if (!opened) {
          opened = true;
          pair = c;
        } else if (input.charAt(pos - 2) != '\\' && c == pair) {
          closed = true;
        }
      } else if (c == ')' && opened == closed) {
        break;
      }
    }
    if (next() != ']') {
      throw new JsonPathException("unclosed array expect ]");
    }
    String text = input.substring(begin, pos - 2);
    Matcher comparison = COMPARISON.matcher(text);
    if (!comparison.matches()) {
      return new FilterNode(parseInner(text), new PathNode.Sequence(List.of()), FilterNode.EXISTS);
    }
    return new FilterNode(parseInner(comparison.group(1)), parseInner(comparison.group(3)), comparison.group(2));
  }

  private PathNode parseQuote(int quote) {
    int begin = pos - 1;
    while (true) {
      int c = next();
      if (c == EOF || c == '\n') {
        throw new JsonPathException("unterminated quoted string");
      } else if (c == quote && input.charAt(pos - 2) != '\\') {
        break;
      }
    }
    String quoted = input.substring(begin, pos);
    return new PathNode.Text(GoUnquote.unquote(quoted));
  }

  private static String trimSpaces(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isTerminator(int c) {
    switch (c) {
      case EOF:
      case ' ':
      case '\t':
      case '\r':
      case '\n':
      case '.':
      case ',':
      case '[':
      case ']':
      case '$':
      case '@':
      case '{':
      case '}':
        return true;
      default:
        return false;
    }
  }

  private static boolean isAlphaNumeric(int c) {
    return c == '_' || (c != EOF && (Character.isLetter(c) || Character.isDigit(c)));
  }

  /** A rune as Go's {@code %#U} prints it: {@code U+007B '{'}, or just {@code U+0009} when not printable. */
  static String goRune(int c) {
    String code = String.format("U+%04X", c);
    boolean printable = !Character.isISOControl(c) && Character.isDefined(c) && !Character.isWhitespace(c)
        || c == ' ';
    return printable ? code + " '" + new String(Character.toChars(c)) + "'" : code;
  }
}
