/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.prometheus.PrometheusServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live view in a real terminal: tmux runs {@code assay run} in a 120x40 pane against a real Prometheus, and
 * the pane is read while the run is in progress and after it ended. The pane is polled until a deadline (the
 * process runs in real time; the test waits for states, never for a fixed time).
 */
class LiveViewIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(100);

  @TempDir Path dir;

  @Test
  void liveViewRedrawsInPlaceAndEndsWithTheVerdict() throws Exception {
    Path tmux = External.require("tmux", "tmux");
    PrometheusServer server = PrometheusServer.start(Files.createDirectory(dir.resolve("prom")),
        new IncidentData(Instant.now()).openMetrics());
    try {
      Path template = AssayJar.resource("error-rate-quick.yaml", dir);
      String session = "assay-it-" + ProcessHandle.current().pid();
      String assay = AssayJar.command("run", template.toString(), "--prometheus", server.baseUrl(), "--arg",
          "interval=3s").stream().map(LiveViewIT::quote).collect(Collectors.joining(" "));
      // keep the pane open after assay exits, so its last screen can be read
      String shell = assay + "; echo \"assay exited with $?\"; exec cat";
      exec(tmux.toString(), "new-session", "-d", "-s", session, "-x", "120", "-y", "40", shell);
      try {
        String during = awaitPane(tmux, session, p -> p.contains("AnalysisRun error-rate-quick   Running")
            && p.matches("(?s).*error-rate\\s+Running\\s+[12]/3\\s+(in \\ds|due).*"));
        assertThat(during).contains("METRIC").contains("PHASE").contains("TAKEN").contains("NEXT")
            .contains("LAST VALUE").contains("CONDITION")
            .contains("ok: len(result) > 0 && result[0] < 0.05")
            .containsPattern("error-rate\\s+Running\\s+[12]/3\\s+(in \\ds|due)\\s+\\[0\\.0099")
            .doesNotContain("Verdict:");

        String after = awaitPane(tmux, session, p -> p.contains("assay exited with"));
        assertThat(after).contains("assay exited with 0").contains("Verdict: Successful")
            .containsPattern("AnalysisRun error-rate-quick   Successful   0:0\\d elapsed")
            .containsPattern("error-rate\\s+Successful\\s+3/3\\s+-\\s+\\[0\\.0099")
            .containsPattern("p99-vs-stable\\s+Successful\\s+2/2");
        // redrawn in place: the table appears once, not once per update as plain lines would
        assertThat(after.split("AnalysisRun error-rate-quick", -1)).hasSize(2);
        assertThat(after.split("\nMETRIC ", -1)).hasSize(2);
      } finally {
        exec(tmux.toString(), "kill-session", "-t", session);
      }
    } finally {
      server.close();
    }
  }

  private static String awaitPane(Path tmux, String session, Predicate<String> ready) throws Exception {
    Instant deadline = Instant.now().plus(DEADLINE);
    String pane = "";
    while (Instant.now().isBefore(deadline)) {
      pane = exec(tmux.toString(), "capture-pane", "-p", "-t", session);
      if (ready.test(pane)) {
        return pane;
      }
      TimeUnit.MILLISECONDS.sleep(POLL.toMillis()); // pacing of the poll, not a timing assumption
    }
    throw new AssertionError("the pane did not reach the expected state within " + DEADLINE + "; last pane:\n"
        + pane);
  }

  private static String exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", List.of(cmd), new String(out, StandardCharsets.UTF_8)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
