/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.condition;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.expr.ConditionOutcome;
import dev.assay.expr.Conditions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Try conditions interactively: type {@code success | failure | result-as-JSON} lines, for example
 * {@code result[0] < 0.05 | result[0] >= 0.1 | [0.07]}, and see the measurement phase Argo would record (here:
 * Inconclusive). Arguments, when given, are evaluated instead of reading standard input.
 */
public final class ConditionSample {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConditionSample() {}

  /**
   * Reads lines from the arguments or standard input and prints each outcome.
   *
   * @param args lines to evaluate; none means read standard input
   * @throws IOException when standard input cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      for (String line : args) {
        System.out.println(evaluate(line, Clock.systemUTC()));
      }
      return;
    }
    PrintStream out = System.out;
    out.println("success | failure | result JSON   (empty line quits)");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
      out.println(evaluate(line, Clock.systemUTC()));
    }
  }

  /**
   * Evaluates one {@code success | failure | result} line.
   *
   * @param line the line; success or failure may be empty
   * @param clock what {@code now()} returns
   * @return the phase and message, e.g. {@code Inconclusive}
   */
  public static String evaluate(String line, Clock clock) {
    String[] parts = line.split("\\|", 3);
    if (parts.length < 3) {
      return "expected: success | failure | result JSON";
    }
    Object result;
    try {
      result = JSON.readValue(parts[2].trim(), Object.class);
    } catch (IOException e) {
      result = parts[2].trim(); // not JSON: a plain string, as the web provider passes a non-JSON body
    }
    ConditionOutcome o = Conditions.evaluate(parts[0].trim(), parts[1].trim(), result, clock.instant());
    return o.phase().wireName() + (o.message().isEmpty() ? "" : ": " + o.message());
  }
}
