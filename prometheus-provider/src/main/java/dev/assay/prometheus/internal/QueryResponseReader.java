/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Prometheus API response with Jackson's streaming parser, straight into primitive values: labels are
 * skipped, never materialised, so large vectors cost little more than tokenising them. The result shape is
 * recognised structurally, so the order of {@code resultType} and {@code result} in the body does not matter.
 * Thread-safe.
 */
public final class QueryResponseReader {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /**
   * Reads one response body.
   *
   * @param body the body (not closed here)
   * @return the decoded response
   * @throws IOException on malformed JSON or a body of the wrong shape ({@link ResponseFormatException})
   */
  public QueryResponse read(InputStream body) throws IOException {
    try (JsonParser p = JSON.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ResponseFormatException("unexpected end of JSON input");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ResponseFormatException("cannot unmarshal " + describe(first) + " into a response object");
      }
      Accumulator acc = new Accumulator();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "status":
            acc.status = text(p, t);
            break;
          case "errorType":
            acc.errorType = text(p, t);
            break;
          case "error":
            acc.error = text(p, t);
            break;
          case "warnings":
            readStrings(p, t, acc.warnings);
            break;
          case "data":
            readData(p, t, acc);
            break;
          default:
            p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new ResponseFormatException("invalid character after top-level value");
      }
      return acc.build();
    }
  }

  private static void readData(JsonParser p, JsonToken t, Accumulator acc) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    expect(t, JsonToken.START_OBJECT, "data");
    acc.hasData = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if ("resultType".equals(name)) {
        acc.resultType = text(p, v);
      } else if ("result".equals(name)) {
        readResult(p, v, acc);
      } else {
        p.skipChildren();
      }
    }
  }

  /** {@code [ts, "v"]} (scalar or string), or an array of series objects (vector or matrix). */
  private static void readResult(JsonParser p, JsonToken t, Accumulator acc) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    expect(t, JsonToken.START_ARRAY, "data.result");
    JsonToken first = p.nextToken();
    if (first == JsonToken.END_ARRAY) {
      return;
    }
    if (first != JsonToken.START_OBJECT) {
      // A [time, "value"] pair: a scalar, or a string whose value is not a number.
      JsonToken valueToken = p.nextToken();
      acc.pairText = valueToken == JsonToken.VALUE_STRING ? p.getText() : null;
      while (valueToken != JsonToken.END_ARRAY && valueToken != null) {
        valueToken = p.nextToken();
        if (valueToken == JsonToken.START_ARRAY || valueToken == JsonToken.START_OBJECT) {
          p.skipChildren();
        }
      }
      return;
    }
    JsonToken next = first;
    while (next == JsonToken.START_OBJECT) {
      readSeries(p, acc);
      next = p.nextToken();
    }
    expect(next, JsonToken.END_ARRAY, "data.result[]");
  }

  private static void readSeries(JsonParser p, Accumulator acc) throws IOException {
    boolean sawValue = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if ("value".equals(name)) {
        expect(v, JsonToken.START_ARRAY, "data.result[].value");
        readPair(p, acc);
        sawValue = true;
      } else if ("values".equals(name)) {
        expect(v, JsonToken.START_ARRAY, "data.result[].values");
        while (p.nextToken() == JsonToken.START_ARRAY) {
          readPair(p, acc);
        }
        sawValue = true;
      } else {
        p.skipChildren();
      }
    }
    if (!sawValue) {
      acc.add("0", 0); // a sample without a float value (a native histogram) reads as 0, as client_golang does
    }
  }

  /** Reads {@code ts, "v"]} after the opening bracket. */
  private static void readPair(JsonParser p, Accumulator acc) throws IOException {
    p.nextToken(); // the timestamp
    JsonToken v = p.nextToken();
    expect(v, JsonToken.VALUE_STRING, "sample value");
    String text = p.getText();
    double value;
    try {
      value = SampleFormat.parse(text);
    } catch (NumberFormatException e) {
      throw new ResponseFormatException("invalid sample value \"" + text + "\"");
    }
    acc.add(text, value);
    expect(p.nextToken(), JsonToken.END_ARRAY, "sample");
  }

  private static void readStrings(JsonParser p, JsonToken t, List<String> out) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    expect(t, JsonToken.START_ARRAY, "warnings");
    JsonToken v;
    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
      out.add(text(p, v));
    }
  }

  private static String text(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return "";
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new ResponseFormatException("cannot unmarshal " + describe(t) + " into a string field");
    }
    return p.getText();
  }

  private static void expect(JsonToken actual, JsonToken wanted, String where) throws IOException {
    if (actual != wanted) {
      if (actual == null) {
        throw new ResponseFormatException("unexpected end of JSON input");
      }
      throw new ResponseFormatException("cannot unmarshal " + describe(actual) + " into " + where);
    }
  }

  private static String describe(JsonToken t) {
    switch (t) {
      case START_ARRAY:
        return "array";
      case START_OBJECT:
        return "object";
      case VALUE_STRING:
        return "string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "bool";
      default:
        return t.asString() == null ? t.name() : t.asString();
    }
  }

  /** Mutable state of one read. */
  private static final class Accumulator {
    String status = "";
    String errorType = "";
    String error = "";
    String resultType = "";
    boolean hasData;
    @Nullable String pairText;
    final List<String> warnings = new ArrayList<>();
    final SampleValues.Builder values = new SampleValues.Builder();
    final StringBuilder display = new StringBuilder().append('[');

    void add(String text, double value) {
      if (values.size() > 0) {
        display.append(',');
      }
      SampleFormat.appendCanonical(display, text, value);
      values.add(value);
    }

    QueryResponse build() throws ResponseFormatException {
      if ("scalar".equals(resultType)) {
        if (pairText == null) {
          throw new ResponseFormatException("cannot unmarshal scalar result");
        }
        double v;
        try {
          v = SampleFormat.parse(pairText);
        } catch (NumberFormatException e) {
          throw new ResponseFormatException("invalid sample value \"" + pairText + "\"");
        }
        SampleValues.Builder one = new SampleValues.Builder();
        one.add(v);
        StringBuilder text = new StringBuilder();
        SampleFormat.appendCanonical(text, pairText, v);
        return new QueryResponse(status, errorType, error, hasData, resultType, one.build(), text.toString(),
            warnings);
      }
      return new QueryResponse(status, errorType, error, hasData, resultType, values.build(),
          display.append(']').toString(), warnings);
    }
  }
}
