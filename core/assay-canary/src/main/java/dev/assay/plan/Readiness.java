/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import java.util.List;

/**
 * The answer of a {@link ReadinessCheck}: whether the canary is Ready, and each pod's state to explain why not.
 *
 * @param ready whether the plan may go on (usually {@code readyPods >= expectedPods}, see {@link #of})
 * @param readyPods how many canary pods are Ready
 * @param expectedPods how many canary pods there should be
 * @param pods the canary pods found, Ready or not, in the order the check lists them
 */
public record Readiness(boolean ready, int readyPods, int expectedPods, List<PodReadiness> pods) {
  /** Ready, with no pods: what {@link ReadinessCheck#ALWAYS_READY} answers. */
  static final Readiness ALWAYS = new Readiness(true, 0, 0, List.of());

  /** {@link #describe()} names at most this many pods that are not Ready. */
  static final int NAMED_PODS = 5;

  /** {@link #describe()} cuts a pod's reason to this many characters. */
  static final int REASON_CHARS = 240;

  /**
   * Validates and copies.
   *
   * @param ready whether the plan may go on (usually {@code readyPods >= expectedPods}, see {@link #of})
   * @param readyPods how many canary pods are Ready; not negative
   * @param expectedPods how many canary pods there should be; not negative
   * @param pods the canary pods found, Ready or not, in the order the check lists them
   */
  public Readiness {
    if (readyPods < 0 || expectedPods < 0) {
      throw new IllegalArgumentException("pod counts must not be negative, but were readyPods " + readyPods
          + " and expectedPods " + expectedPods);
    }
    pods = List.copyOf(pods);
  }

  /**
   * The readiness of a set of pods: Ready when at least {@code expectedPods} of them are Ready.
   *
   * @param expectedPods how many canary pods there should be; not negative
   * @param pods the pods found
   * @return the readiness
   */
  public static Readiness of(int expectedPods, List<PodReadiness> pods) {
    int ready = (int) pods.stream().filter(PodReadiness::ready).count();
    return new Readiness(ready >= expectedPods, ready, expectedPods, pods);
  }

  /**
   * A one-line summary for people, bounded in length: {@code 1 of 3 canary pods Ready; web-7f9c-abcde:
   * CrashLoopBackOff (...); web-7f9c-fghij: ImagePullBackOff (...)}. It names at most five pods that are not Ready
   * (then {@code and N more}), cuts each reason to 240 characters, and says how many expected pods do not exist.
   *
   * @return the summary
   */
  public String describe() {
    StringBuilder sb = new StringBuilder().append(readyPods).append(" of ").append(expectedPods)
        .append(expectedPods == 1 ? " canary pod Ready" : " canary pods Ready");
    int named = 0;
    int unnamed = 0;
    for (PodReadiness p : pods) {
      if (p.ready()) {
        continue;
      }
      if (named == NAMED_PODS) {
        unnamed++;
        continue;
      }
      named++;
      sb.append("; ").append(p.name()).append(": ").append(p.reason().isEmpty() ? "not Ready" : cut(p.reason()));
    }
    if (unnamed > 0) {
      sb.append("; and ").append(unnamed).append(" more");
    }
    int missing = expectedPods - pods.size();
    if (missing > 0) {
      sb.append("; ").append(missing)
          .append(missing == 1 ? " expected pod does not exist" : " expected pods do not exist");
    }
    return sb.toString();
  }

  private static String cut(String reason) {
    String oneLine = reason.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= REASON_CHARS ? oneLine : oneLine.substring(0, REASON_CHARS - 3) + "...";
  }
}
