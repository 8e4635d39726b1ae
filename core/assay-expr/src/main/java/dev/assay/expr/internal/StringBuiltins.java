/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import static dev.assay.expr.internal.Builtins.freeze;
import static dev.assay.expr.internal.Builtins.str;

import dev.assay.expr.ExpressionLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The string built-ins: trimming, case, splitting, joining, replacing, searching and base64. */
final class StringBuiltins {
  private StringBuiltins() {}

  static void register(Map<String, Builtins.Fn> functions) {
    functions.put("trim", (a, f, l) -> a.length > 1 ? trim(str(a[0], "trim"), str(a[1], "trim"), true, true)
        : str(a[0], "trim").strip());
    functions.put("trimPrefix", (a, f, l) -> {
      String s = str(a[0], "trimPrefix");
      String p = a.length > 1 ? str(a[1], "trimPrefix") : " ";
      return s.startsWith(p) ? s.substring(p.length()) : s;
    });
    functions.put("trimSuffix", (a, f, l) -> {
      String s = str(a[0], "trimSuffix");
      String p = a.length > 1 ? str(a[1], "trimSuffix") : " ";
      return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
    });
    functions.put("upper", (a, f, l) -> str(a[0], "upper").toUpperCase(java.util.Locale.ROOT));
    functions.put("lower", (a, f, l) -> str(a[0], "lower").toLowerCase(java.util.Locale.ROOT));
    functions.put("split", (a, f, l) -> split(str(a[0], "split"), str(a[1], "split"),
        a.length > 2 ? Values.asLong(a[2]) : -1, false, l));
    functions.put("splitAfter", (a, f, l) -> split(str(a[0], "splitAfter"), str(a[1], "splitAfter"),
        a.length > 2 ? Values.asLong(a[2]) : -1, true, l));
    functions.put("replace", (a, f, l) -> {
      String s = str(a[0], "replace");
      String from = str(a[1], "replace");
      String to = str(a[2], "replace");
      if (!from.isEmpty()) {
        long count = (s.length() - s.replace(from, "").length()) / from.length();
        l.checkString(s.length() + count * (to.length() - from.length()));
      } else {
        l.checkString((long) s.length() + (s.length() + 1L) * to.length());
      }
      return s.replace(from, to);
    });
    functions.put("repeat", (a, f, l) -> {
      String s = str(a[0], "repeat");
      long n = Values.asLong(a[1]);
      if (n < 0) {
        throw Values.error("invalid argument for repeat (expected positive integer, got " + n + ")");
      }
      if (!s.isEmpty() && n > l.maxStringLength() / s.length()) { // checked before multiplying: no overflow
        l.checkString(n > Long.MAX_VALUE / s.length() ? Long.MAX_VALUE : s.length() * n);
      }
      return s.repeat((int) n);
    });
    functions.put("join", (a, f, l) -> {
      if (!(a[0] instanceof List) || a[0] instanceof RangeList) {
        throw Values.error("invalid argument for join (type " + Values.formatTypeS(a[0]) + ")");
      }
      List<?> in = (List<?>) a[0];
      String sep = a.length > 1 ? str(a[1], "join") : "";
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < in.size(); i++) {
        Object item = in.get(i);
        if (!(item instanceof String)) {
          throw Values.error("interface conversion: interface {} is " + Values.typeNameOrNil(item) + ", not string");
        }
        sb.append(i > 0 ? sep : "").append((String) item);
        l.checkString(sb.length());
      }
      return sb.toString();
    });
    functions.put("indexOf", (a, f, l) -> (long) TextSearch.indexOf(str(a[0], "indexOf"), str(a[1], "indexOf")));
    functions.put("lastIndexOf", (a, f, l) -> (long) str(a[0], "lastIndexOf").lastIndexOf(str(a[1], "lastIndexOf")));
    functions.put("hasPrefix", (a, f, l) -> str(a[0], "hasPrefix").startsWith(str(a[1], "hasPrefix")));
    functions.put("hasSuffix", (a, f, l) -> str(a[0], "hasSuffix").endsWith(str(a[1], "hasSuffix")));
    functions.put("toBase64", (a, f, l) ->
        Base64.getEncoder().encodeToString(str(a[0], "toBase64").getBytes(StandardCharsets.UTF_8)));
    functions.put("fromBase64", (a, f, l) -> {
      String s = str(a[0], "fromBase64");
      try {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException ex) {
        throw Values.error("illegal base64 data at input byte " + badBase64At(s));
      }
    });
  }

  private static String trim(String s, String cutset, boolean left, boolean right) {
    int a = 0;
    int b = s.length();
    while (left && a < b && cutset.indexOf(s.charAt(a)) >= 0) {
      a++;
    }
    while (right && b > a && cutset.indexOf(s.charAt(b - 1)) >= 0) {
      b--;
    }
    return s.substring(a, b);
  }

  private static List<Object> split(String s, String sep, long n, boolean after, ExpressionLimits l) {
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return freeze(out);
    }
    if (sep.isEmpty()) {
      int i = 0;
      while (i < s.length()) {
        if (n > 0 && out.size() == n - 1) {
          out.add(s.substring(i));
          return freeze(out);
        }
        int next = s.offsetByCodePoints(i, 1);
        out.add(s.substring(i, next));
        l.checkCollection(out.size());
        i = next;
      }
      return freeze(out);
    }
    int start = 0;
    while (n < 0 || out.size() < n - 1) {
      int at = s.indexOf(sep, start);
      if (at < 0) {
        break;
      }
      out.add(s.substring(start, after ? at + sep.length() : at));
      l.checkCollection(out.size());
      start = at + sep.length();
    }
    out.add(s.substring(start));
    return freeze(out);
  }

  /** Go's position for a corrupt standard base64 input: the first byte outside the alphabet, else the end. */
  private static int badBase64At(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int pad = -1;
    for (int i = 0; i < b.length; i++) {
      char c = (char) (b[i] & 0xff);
      boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
          || c == '/';
      if (c == '=' && pad < 0) {
        pad = i;
      } else if (!alphabet || pad >= 0) {
        return c == '=' ? pad : i;
      }
    }
    return pad >= 0 ? pad : b.length - b.length % 4;
  }
}
