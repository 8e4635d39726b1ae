/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint.internal;

import java.util.List;
import java.util.Optional;

/** The field names of Argo's analysis CRDs, to suggest the one a misspelled key meant. Stateless. */
final class FieldNames {
  private static final List<String> KNOWN = List.of(
      "apiVersion", "kind", "metadata", "spec", "status",
      "metrics", "args", "dryRun", "measurementRetention", "templates", "terminate",
      "name", "interval", "initialDelay", "count", "successCondition", "failureCondition", "failureLimit",
      "inconclusiveLimit", "consecutiveErrorLimit", "consecutiveSuccessLimit", "provider",
      "value", "valueFrom", "secretKeyRef", "fieldRef", "fieldPath", "podTemplateHashValue", "key",
      "prometheus", "web", "job", "datadog", "newRelic", "wavefront", "kayenta", "cloudWatch", "graphite", "influxdb",
      "skywalking", "plugin",
      "address", "query", "timeout", "insecure", "headers", "authentication", "rangeQuery", "start", "end", "step",
      "url", "method", "body", "jsonBody", "timeoutSeconds", "jsonPath",
      "sigv4", "oauth2", "basicAuth", "tokenUrl", "clientId", "clientSecret", "scopes", "region", "profile",
      "roleArn", "username", "password",
      "metricName", "limit", "templateName", "clusterScope");

  private FieldNames() {}

  /**
   * The known field closest to a misspelled one, if it is close enough to be the likely intent.
   *
   * @param unknown the field name as written
   * @return the suggestion
   */
  static Optional<String> nearest(String unknown) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : KNOWN) {
      int d = distance(unknown.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    // Two edits, or a third of the name for long names: "sucessCondition", "intervall", "failurelimit".
    int allowed = Math.max(2, unknown.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance with adjacent transpositions counting as one edit. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
