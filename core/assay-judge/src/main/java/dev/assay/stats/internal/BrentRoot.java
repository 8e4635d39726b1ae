/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats.internal;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's root finder (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4) in the variant R's
 * {@code uniroot} runs, taking the function values at both ends as given.
 *
 * <p>Why not commons-math3's {@code BrentSolver}: the rank statistic is a step function, so the point a root finder
 * returns depends on its exact sequence of steps. Following R's step rules (tolerance {@code 2 eps |b| + tol/2},
 * inverse quadratic interpolation accepted under the same bounds) makes our interval ends agree with R's to the
 * last bits instead of only to {@code tol}.
 */
public final class BrentRoot {
  private static final double EPSILON = Math.ulp(1.0);

  private BrentRoot() {}

  /**
   * Finds a root of {@code f} in {@code [lower, upper]}.
   *
   * @param f the function
   * @param lower left end
   * @param upper right end
   * @param fLower {@code f(lower)}
   * @param fUpper {@code f(upper)}, of sign opposite to {@code fLower} or zero
   * @param tol absolute tolerance on the root
   * @param maxIterations iteration limit (R's {@code maxiter}, 1000)
   * @return the approximate root; after {@code maxIterations} the last approximation
   */
  public static double find(
      DoubleUnaryOperator f,
      double lower,
      double upper,
      double fLower,
      double fUpper,
      double tol,
      int maxIterations) {
    double a = lower;
    double b = upper;
    double fa = fLower;
    double fb = fUpper;
    double c = a;
    double fc = fa;
    if (fa == 0.0) {
      return a;
    }
    if (fb == 0.0) {
      return b;
    }
    for (int left = maxIterations + 1; left > 0; left--) {
      double previousStep = b - a;
      if (Math.abs(fc) < Math.abs(fb)) {
        // keep b the best approximation so far
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tolerance = 2 * EPSILON * Math.abs(b) + tol / 2;
      double step = (c - b) / 2;
      if (Math.abs(step) <= tolerance || fb == 0.0) {
        return b;
      }
      if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
        step = interpolatedStep(a, b, c, fa, fb, fc, previousStep, tolerance, step);
      }
      if (Math.abs(step) < tolerance) {
        step = step > 0 ? tolerance : -tolerance;
      }
      a = b;
      fa = fb;
      b += step;
      fb = f.applyAsDouble(b);
      if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
        c = a;
        fc = fa;
      }
    }
    return b;
  }

  /** Secant or inverse quadratic step when it stays inside the bracket and shrinks fast enough; else bisection. */
  private static double interpolatedStep(
      double a,
      double b,
      double c,
      double fa,
      double fb,
      double fc,
      double previousStep,
      double tolerance,
      double bisection) {
    double cb = c - b;
    double p;
    double q;
    if (a == c) {
      double t1 = fb / fa;
      p = cb * t1;
      q = 1.0 - t1;
    } else {
      double r = fa / fc;
      double t1 = fb / fc;
      double t2 = fb / fa;
      p = t2 * (cb * r * (r - t1) - (b - a) * (t1 - 1.0));
      q = (r - 1.0) * (t1 - 1.0) * (t2 - 1.0);
    }
    if (p > 0) {
      q = -q;
    } else {
      p = -p;
    }
    if (p < (0.75 * cb * q - Math.abs(tolerance * q) / 2) && p < Math.abs(previousStep * q / 2)) {
      return p / q;
    }
    return bisection;
  }
}
