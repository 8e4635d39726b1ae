/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

/** The demo canary analysis (README's first command). */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args {@code --good} (default) or {@code --bad}
   */
  public static void main(String[] args) {
    System.out.println("Assay demo: coming with the samples issue.");
  }
}
