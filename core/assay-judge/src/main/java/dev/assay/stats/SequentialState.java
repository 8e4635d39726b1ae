/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import java.util.Objects;

/**
 * What a {@link SequentialJudge} carries from one look of a run to the next: the running moments of both samples
 * and the number of looks. Its text form ({@link #encode()}) goes into each measurement's metadata, so a run that
 * is resumed from its stored status continues where it stopped. Immutable.
 *
 * @param scale {@code "log"} (log values), {@code "proportion"} (0/1 trials); fixed by the first look
 * @param canary the canary's moments on that scale
 * @param baseline the baseline's moments on that scale
 * @param looks looks so far
 */
public record SequentialState(String scale, RunningMoments canary, RunningMoments baseline, long looks) {
  /** The prefix of the text form; a later format gets a new one. */
  static final String VERSION = "v1";

  /**
   * Validates the components.
   *
   * @param scale {@code "log"} (log values), {@code "proportion"} (0/1 trials); fixed by the first look
   * @param canary the canary's moments on that scale
   * @param baseline the baseline's moments on that scale
   * @param looks looks so far
   */
  public SequentialState {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(canary, "canary");
    Objects.requireNonNull(baseline, "baseline");
    if (!scale.equals("log") && !scale.equals("proportion")) {
      throw new IllegalArgumentException("scale must be log or proportion, but was " + scale);
    }
    if (looks < 0) {
      throw new IllegalArgumentException("looks must be >= 0, but was " + looks);
    }
  }

  /**
   * No looks yet.
   *
   * @param scale {@code "log"} or {@code "proportion"}
   * @return the empty state
   */
  public static SequentialState start(String scale) {
    return new SequentialState(scale, RunningMoments.EMPTY, RunningMoments.EMPTY, 0);
  }

  /**
   * The text form: {@code v1;<scale>;<looks>;<n>,<mean>,<m2>;<n>,<mean>,<m2>}, doubles in Java's shortest exact
   * form, so {@link #decode(String)} gives back the same state bit for bit.
   *
   * @return the text
   */
  public String encode() {
    return VERSION + ";" + scale + ";" + looks + ";" + moments(canary) + ";" + moments(baseline);
  }

  private static String moments(RunningMoments m) {
    return m.count() + "," + m.mean() + "," + m.m2();
  }

  /**
   * Reads the text form.
   *
   * @param text from {@link #encode()}
   * @return the state
   * @throws IllegalArgumentException when the text is not a state of this version
   */
  public static SequentialState decode(String text) {
    String[] parts = Objects.requireNonNull(text, "text").split(";", -1);
    if (parts.length != 5 || !parts[0].equals(VERSION)) {
      throw new IllegalArgumentException("not a " + VERSION + " sequential state: \"" + text + "\"");
    }
    try {
      return new SequentialState(parts[1], readMoments(parts[3]), readMoments(parts[4]), Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a " + VERSION + " sequential state: \"" + text + "\"", e);
    }
  }

  private static RunningMoments readMoments(String text) {
    String[] p = text.split(",", -1);
    if (p.length != 3) {
      throw new IllegalArgumentException("moments must be n,mean,m2, but were \"" + text + "\"");
    }
    return new RunningMoments(Long.parseLong(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
  }
}
