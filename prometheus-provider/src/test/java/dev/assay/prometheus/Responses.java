/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

/** Prometheus API response bodies for WireMock stubs. */
final class Responses {
  private Responses() {}

  static String scalar(String value) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700001800,\"" + value + "\"]}}";
  }

  static String vector(String... values) {
    StringBuilder b = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"metric\":{\"pod\":\"p").append(i).append("\"},\"value\":[1700001800,\"").append(values[i])
          .append("\"]}");
    }
    return b.append("]}}").toString();
  }

  static String error(String type, String message) {
    return "{\"status\":\"error\",\"errorType\":\"" + type + "\",\"error\":\"" + message + "\"}";
  }
}
