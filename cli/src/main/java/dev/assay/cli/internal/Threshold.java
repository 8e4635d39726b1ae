/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A threshold a chart can draw, read from a condition when it is a simple comparison of the result with a number:
 * {@code result < 0.05}, {@code result[0] >= 0.95}, {@code 0.95 <= result[0]}, also as one side of {@code &&}
 * (so {@code len(result) > 0 && result[0] < 0.05} gives 0.05). Anything else (functions, maps, {@code ||}) draws no
 * line rather than a wrong one.
 *
 * @param value the number
 * @param operator the comparison with the result on the left: {@code <}, {@code <=}, {@code >}, {@code >=} or
 *     {@code ==}
 * @param failure whether it comes from the failure condition
 */
record Threshold(double value, String operator, boolean failure) {
  private static final String NUMBER = "(-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
  private static final String RESULT = "result(?:\\s*\\[\\s*0\\s*\\])?";
  private static final String OP = "(<=|>=|==|<|>)";
  private static final Pattern LEFT = Pattern.compile("^\\(?\\s*" + RESULT + "\\s*" + OP + "\\s*" + NUMBER
      + "\\s*\\)?$");
  private static final Pattern RIGHT = Pattern.compile("^\\(?\\s*" + NUMBER + "\\s*" + OP + "\\s*" + RESULT
      + "\\s*\\)?$");

  /**
   * The thresholds in a condition.
   *
   * @param condition the condition text
   * @param failure whether it is the failure condition
   * @return the simple comparisons found, possibly none
   */
  static List<Threshold> parse(String condition, boolean failure) {
    List<Threshold> out = new ArrayList<>();
    if (condition.isBlank() || condition.contains("||") || condition.matches("(?s).*\\bor\\b.*")) {
      return out;
    }
    for (String part : condition.split("&&|\\band\\b")) {
      String p = part.strip();
      Matcher l = LEFT.matcher(p);
      if (l.matches()) {
        out.add(new Threshold(Double.parseDouble(l.group(2)), l.group(1), failure));
        continue;
      }
      Matcher r = RIGHT.matcher(p);
      if (r.matches()) {
        out.add(new Threshold(Double.parseDouble(r.group(1)), flip(r.group(2)), failure));
      }
    }
    return out;
  }

  private static String flip(String op) {
    switch (op) {
      case "<":
        return ">";
      case "<=":
        return ">=";
      case ">":
        return "<";
      case ">=":
        return "<=";
      default:
        return op;
    }
  }

  /** A label such as {@code fail if >= 0.1}. */
  String label() {
    return (failure ? "fail if " : "pass if ") + operator + " " + Numbers.format(value);
  }
}
