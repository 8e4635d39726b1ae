/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.plan.split.SplitCheck;
import dev.assay.plan.split.SplitClassifier;
import dev.assay.plan.split.SplitOutcome;
import dev.assay.plan.split.SplitVerdict;
import dev.assay.plan.split.SplitVerifier;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay verify-split}: sends requests through a router's entry point, classifies each response as canary or
 * stable, and tests the canary share against the weight set (docs/split-verification.md).
 */
@Command(name = "verify-split", mixinStandardHelpOptions = true, description = {"Check that a traffic split is real: "
    + "send requests through the router, classify each response as canary or stable (a JSON path of the body or a "
    + "header), and test the canary share against the weight with an exact binomial test.",
    "Exit codes: 0 consistent, 1 split broken, 2 inconclusive (too many requests failed), 4 bad input."})
public final class VerifySplitCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  /** Where the canary's value is read: exactly one of the two. */
  static final class Where {
    @Option(names = "--json-path", paramLabel = "PATH", required = true,
        description = "A value in the JSON body, such as .version or .build.version.")
    String jsonPath;

    @Option(names = "--header", paramLabel = "NAME", required = true,
        description = "A response header, such as x-served-by.")
    String header;
  }

  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Option(names = "--url", paramLabel = "URL", required = true,
      description = "The router's entry point, such as http://checkout.shop/api/v1/version.")
  String url;

  @Option(names = "--weight", paramLabel = "PERCENT", required = true,
      description = "The canary weight that is set, 0 to 100.")
  int weight;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  @Option(names = "--canary-value", paramLabel = "VALUE", required = true,
      description = "The value the canary answers with, such as v2; any other value is stable's.")
  String canaryValue;

  @Option(names = "--requests", paramLabel = "N", defaultValue = "100",
      description = "How many requests, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
      description = "The most time the whole check takes; requests not sent by then count as failed "
          + "(default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "2s",
      description = "The most time one request takes (default: ${DEFAULT-VALUE}).")
  String requestTimeout;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
      description = "Requests in flight at once, 1 to 16 (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--alpha", paramLabel = "LEVEL", defaultValue = "0.001",
      description = "Significance level: below it the split is broken (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = {"-H", "--request-header"}, paramLabel = "'NAME: VALUE'",
      description = "A header sent with every request (repeatable); values are never printed.")
  List<String> headers = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (the verdict and the counts) or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    SplitCheck check = check();
    SplitVerdict verdict = SplitVerifier.create().verifyNow(check, weight);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json(verdict));
    } else {
      out.println(verdict.message());
      out.println(verdict.total() + " requests: canary " + verdict.canary() + ", stable " + verdict.stable()
          + ", failed " + verdict.failed() + " (alpha " + alpha + ")");
    }
    out.flush();
    return verdict.outcome() == SplitOutcome.CONSISTENT ? ExitCodes.SUCCESSFUL
        : verdict.outcome() == SplitOutcome.BROKEN ? ExitCodes.FAILED : ExitCodes.INCONCLUSIVE;
  }

  private SplitCheck check() {
    if (weight < 0 || weight > 100) {
      throw new CliException("--weight " + weight + ": must be between 0 and 100");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new CliException("--url " + url + ": not a URL: " + e.getReason(), e);
    }
    try {
      SplitClassifier classifier = where.jsonPath != null ? SplitClassifier.jsonPath(where.jsonPath, canaryValue)
          : SplitClassifier.header(where.header, canaryValue);
      SplitCheck.Builder b = SplitCheck.builder(uri, classifier).requests(requests)
          .budget(Times.duration("--timeout", timeout))
          .requestTimeout(Times.duration("--request-timeout", requestTimeout)).concurrency(concurrency).alpha(alpha);
      for (String h : headers) {
        int colon = h.indexOf(':');
        if (colon <= 0) {
          throw new CliException("--request-header: write it as 'NAME: VALUE', such as 'Authorization: Bearer ...'");
        }
        b.header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  private String json(SplitVerdict v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", v.outcome().name());
    m.put("message", v.message());
    m.put("weight", v.weight());
    m.put("total", v.total());
    m.put("canary", v.canary());
    m.put("stable", v.stable());
    m.put("failed", v.failed());
    m.put("pValue", v.pValue());
    m.put("alpha", alpha);
    m.put("failures", v.failures());
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
