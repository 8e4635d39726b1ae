/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The report's inline SVG charts: values over time with threshold lines, two samples as box plots and as ECDFs,
 * and a confidence interval against a margin. Plain SVG with CSS classes (no script, no external reference); the
 * {@code viewBox} scales it to any width.
 */
final class SvgCharts {
  private static final int W = 640;
  private static final int H = 230;
  private static final int LEFT = 64;
  private static final int RIGHT = 150;
  private static final int TOP = 14;
  private static final int BOTTOM = 34;
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private SvgCharts() {}

  /**
   * A point of a values-over-time chart.
   *
   * @param at when the measurement finished
   * @param value the value
   * @param phase the measurement's phase (a CSS class)
   * @param low the lower end of an interval around the value, or NaN
   * @param high the upper end, or NaN
   */
  record Point(Instant at, double value, String phase, double low, double high) {}

  /**
   * A horizontal reference line.
   *
   * @param value where
   * @param label what it means
   * @param cssClass {@code threshold-pass}, {@code threshold-fail} or {@code margin}
   */
  record Line(double value, String label, String cssClass) {}

  /**
   * Values over time.
   *
   * @param title accessible name
   * @param points the measurements with a number, oldest first (at least one)
   * @param lines threshold lines
   * @return the SVG element
   */
  static String timeSeries(String title, List<Point> points, List<Line> lines) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      lo = min(lo, p.value(), p.low());
      hi = max(hi, p.value(), p.high());
    }
    for (Line l : lines) {
      lo = Math.min(lo, l.value());
      hi = Math.max(hi, l.value());
    }
    double[] range = padded(lo, hi);
    long t0 = points.get(0).at().toEpochMilli();
    long t1 = points.get(points.size() - 1).at().toEpochMilli();
    Scale x = t1 == t0 ? new Scale(t0 - 1, t0 + 1, LEFT, W - RIGHT) : new Scale(t0, t1, LEFT + 8, W - RIGHT - 8);
    Scale y = new Scale(range, H - BOTTOM, TOP);
    StringBuilder b = open("chart timeseries", title);
    axes(b, y);
    b.append(text(LEFT, H - BOTTOM + 18, "start", "axis-label", CLOCK.format(points.get(0).at()) + " UTC"));
    if (t1 != t0) {
      b.append(text(W - RIGHT, H - BOTTOM + 18, "end", "axis-label",
          CLOCK.format(points.get(points.size() - 1).at()) + " UTC"));
    }
    for (Line l : lines) {
      double ly = y.at(l.value());
      b.append(String.format(Locale.ROOT, "<line class=\"threshold %s\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\">"
          + "<title>%s</title></line>", l.cssClass(), LEFT, W - RIGHT, ly, ly, Html.escape(l.label())));
      b.append(text(W - RIGHT + 6, ly + 4, "start", "threshold-label " + l.cssClass(), l.label()));
    }
    StringBuilder path = new StringBuilder();
    for (Point p : points) {
      path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
          x.at(p.at().toEpochMilli()), y.at(p.value())));
    }
    b.append("<path class=\"series\" d=\"").append(path).append("\"/>");
    for (Point p : points) {
      double px = x.at(p.at().toEpochMilli());
      if (!Double.isNaN(p.low()) && !Double.isNaN(p.high())) {
        b.append(String.format(Locale.ROOT, "<line class=\"interval\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
            + "y2=\"%.1f\"/>", px, px, y.at(p.low()), y.at(p.high())));
      }
      b.append(String.format(Locale.ROOT, "<circle class=\"point phase-%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\">"
          + "<title>%s: %s (%s)</title></circle>", Html.escape(p.phase()), px, y.at(p.value()),
          Html.escape(p.at().toString()), Numbers.format(p.value()), Html.escape(p.phase())));
    }
    return b.append("</svg>").toString();
  }

  /**
   * Two samples as box plots side by side (median, quartiles, whiskers at the 1.5 IQR rule).
   *
   * @param canary the canary sample
   * @param baseline the baseline sample
   * @param unit the unit for the axis, may be empty
   * @return the SVG element
   */
  static String boxes(double[] canary, double[] baseline, String unit) {
    double lo = Math.min(Arrays.stream(canary).min().orElse(0), Arrays.stream(baseline).min().orElse(0));
    double hi = Math.max(Arrays.stream(canary).max().orElse(1), Arrays.stream(baseline).max().orElse(1));
    double[] range = padded(lo, hi);
    Scale y = new Scale(range, H - BOTTOM, TOP);
    StringBuilder b = open("chart boxes", "canary and baseline samples as box plots");
    axes(b, y);
    if (!unit.isEmpty()) {
      b.append(text(8, TOP + 4, "start", "axis-label", unit));
    }
    box(b, y, baseline, LEFT + 60, "baseline", "baseline (n " + baseline.length + ")");
    box(b, y, canary, LEFT + 220, "canary", "canary (n " + canary.length + ")");
    return b.append("</svg>").toString();
  }

  private static void box(StringBuilder b, Scale y, double[] sample, int x, String cssClass, String label) {
    double[] s = sample.clone();
    Arrays.sort(s);
    if (s.length == 0) {
      b.append(text(x + 40, H / 2.0, "middle", "axis-label", label + ": no values"));
      return;
    }
    double q1 = quantile(s, 0.25);
    double med = quantile(s, 0.5);
    double q3 = quantile(s, 0.75);
    double iqr = q3 - q1;
    double lowW = s[0];
    double highW = s[s.length - 1];
    for (double v : s) {
      if (v >= q1 - 1.5 * iqr) {
        lowW = v;
        break;
      }
    }
    for (int i = s.length - 1; i >= 0; i--) {
      if (s[i] <= q3 + 1.5 * iqr) {
        highW = s[i];
        break;
      }
    }
    int w = 80;
    double cx = x + w / 2.0;
    b.append(String.format(Locale.ROOT, "<g class=\"box %s\"><title>%s: median %s, quartiles %s to %s</title>",
        cssClass, Html.escape(label), Numbers.format(med), Numbers.format(q1), Numbers.format(q3)));
    b.append(String.format(Locale.ROOT, "<line class=\"whisker\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
        cx, cx, y.at(lowW), y.at(highW)));
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>", x, y.at(q3), w,
        Math.max(1, y.at(q1) - y.at(q3))));
    b.append(String.format(Locale.ROOT, "<line class=\"median\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", x,
        x + w, y.at(med), y.at(med)));
    for (double v : s) {
      if (v < lowW || v > highW) {
        b.append(String.format(Locale.ROOT, "<circle class=\"outlier\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>", cx,
            y.at(v)));
      }
    }
    b.append("</g>");
    b.append(text(cx, H - BOTTOM + 18, "middle", "axis-label", label));
  }

  /**
   * Two samples as empirical cumulative distribution functions on one axis.
   *
   * @param canary the canary sample
   * @param baseline the baseline sample
   * @param unit the unit for the axis, may be empty
   * @return the SVG element
   */
  static String ecdf(double[] canary, double[] baseline, String unit) {
    double lo = Math.min(Arrays.stream(canary).min().orElse(0), Arrays.stream(baseline).min().orElse(0));
    double hi = Math.max(Arrays.stream(canary).max().orElse(1), Arrays.stream(baseline).max().orElse(1));
    double[] range = padded(lo, hi);
    Scale x = new Scale(range, LEFT, W - RIGHT);
    Scale y = new Scale(0, 1, H - BOTTOM, TOP);
    StringBuilder b = open("chart ecdf", "canary and baseline samples as cumulative distributions");
    axes(b, y);
    b.append(text(LEFT, H - BOTTOM + 18, "start", "axis-label", Numbers.format(range[0]) + " " + unit));
    b.append(text(W - RIGHT, H - BOTTOM + 18, "end", "axis-label", Numbers.format(range[1]) + " " + unit));
    step(b, x, y, baseline, "baseline");
    step(b, x, y, canary, "canary");
    b.append(text(W - RIGHT + 8, TOP + 14, "start", "legend baseline", "baseline"));
    b.append(text(W - RIGHT + 8, TOP + 32, "start", "legend canary", "canary"));
    return b.append("</svg>").toString();
  }

  private static void step(StringBuilder b, Scale x, Scale y, double[] sample, String cssClass) {
    if (sample.length == 0) {
      return;
    }
    double[] s = sample.clone();
    Arrays.sort(s);
    StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "M%.1f %.1f", x.at(s[0]), y.at(0)));
    for (int i = 0; i < s.length; i++) {
      d.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", x.at(s[i]), y.at((double) i / s.length),
          x.at(s[i]), y.at((double) (i + 1) / s.length)));
    }
    b.append("<path class=\"ecdf ").append(cssClass).append("\" d=\"").append(d).append("\"/>");
  }

  /**
   * A confidence interval of the relative shift against the margin: where it lies decides pass or fail.
   *
   * @param low the interval's low end (fraction)
   * @param high its high end
   * @param shift the point estimate
   * @param margins the margin lines (fractions), such as +0.2
   * @param label what the interval is, for example {@code 98% CI of the shift}
   * @return the SVG element
   */
  static String interval(double low, double high, double shift, List<Double> margins, String label) {
    double lo = min(Math.min(0, low), shift, Double.NaN);
    double hi = max(Math.max(0, high), shift, Double.NaN);
    for (double m : margins) {
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
    double[] range = padded(lo, hi);
    Scale x = new Scale(range, LEFT, W - RIGHT);
    int h = 110;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart interval-chart\" "
        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", W, h,
        Html.escape(label)));
    b.append(String.format(Locale.ROOT, "<line class=\"zero\" x1=\"%.1f\" x2=\"%.1f\" y1=\"10\" y2=\"80\"/>",
        x.at(0), x.at(0)));
    b.append(text(x.at(0), 96, "middle", "axis-label", "0%"));
    for (double m : margins) {
      b.append(String.format(Locale.ROOT, "<line class=\"threshold margin\" x1=\"%.1f\" x2=\"%.1f\" y1=\"10\" "
          + "y2=\"80\"><title>margin %s</title></line>", x.at(m), x.at(m), Numbers.percent(m)));
      b.append(text(x.at(m), 96, "middle", "threshold-label margin", "margin " + Numbers.percent(m)));
    }
    b.append(String.format(Locale.ROOT, "<line class=\"ci\" x1=\"%.1f\" x2=\"%.1f\" y1=\"45\" y2=\"45\"/>",
        x.at(low), x.at(high)));
    b.append(String.format(Locale.ROOT, "<line class=\"ci-end\" x1=\"%.1f\" x2=\"%.1f\" y1=\"37\" y2=\"53\"/>"
        + "<line class=\"ci-end\" x1=\"%.1f\" x2=\"%.1f\" y1=\"37\" y2=\"53\"/>", x.at(low), x.at(low), x.at(high),
        x.at(high)));
    b.append(String.format(Locale.ROOT, "<circle class=\"estimate\" cx=\"%.1f\" cy=\"45\" r=\"5\"><title>shift %s"
        + "</title></circle>", x.at(shift), Numbers.percent(shift)));
    b.append(text(W - RIGHT + 8, 30, "start", "axis-label", label));
    b.append(text(W - RIGHT + 8, 50, "start", "axis-label", "[" + Numbers.percent(low) + ", "
        + Numbers.percent(high) + "]"));
    return b.append("</svg>").toString();
  }

  private static StringBuilder open(String cssClass, String title) {
    return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\" "
        + "aria-label=\"%s\">", cssClass, W, H, Html.escape(title)));
  }

  private static void axes(StringBuilder b, Scale y) {
    b.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>", LEFT,
        LEFT, TOP, H - BOTTOM));
    b.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>", LEFT,
        W - RIGHT, H - BOTTOM, H - BOTTOM));
    int ticks = (int) Math.round((y.to - y.from) / y.step);
    for (int i = 0; i <= ticks; i++) {
      double v = y.from + y.step * i;
      double py = y.at(v);
      b.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>",
          LEFT, W - RIGHT, py, py));
      b.append(text(LEFT - 6, py + 4, "end", "axis-label", Numbers.format(v)));
    }
  }

  private static String text(double x, double y, String anchor, String cssClass, String text) {
    return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
        cssClass, x, y, anchor, Html.escape(text));
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (sorted[j] - sorted[i]) * (pos - i);
  }

  /**
   * A value range on round numbers that holds {@code lo..hi} with a little room, starting at 0 when the values are
   * positive and not far from it, so the axis reads 0, 0.025, 0.05, ... rather than 0.002693, 0.02882, ...
   */
  private static double[] padded(double lo, double hi) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      return new double[] {0, 1, 0.25};
    }
    if (hi - lo < 1e-12) {
      double d = Math.abs(hi) > 0 ? Math.abs(hi) * 0.5 : 1;
      lo -= d;
      hi += d;
    }
    if (lo >= 0 && lo < (hi - lo)) {
      lo = 0;
    }
    double step = niceStep((hi - lo) * 1.08 / 4);
    double from = Math.floor(lo / step) * step;
    double to = Math.ceil(hi * 1.0000001 / step) * step;
    if (to - hi < step * 0.04) {
      to += step;
    }
    return new double[] {from, from + Math.max(4, Math.round((to - from) / step)) * step, step};
  }

  /** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least {@code raw}. */
  private static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= raw) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private static double min(double a, double b, double c) {
    double m = Math.min(a, b);
    return Double.isNaN(c) ? m : Math.min(m, c);
  }

  private static double max(double a, double b, double c) {
    double m = Math.max(a, b);
    return Double.isNaN(c) ? m : Math.max(m, c);
  }

  /** A linear map from data values to pixels. */
  private static final class Scale {
    final double from;
    final double to;
    final double pixelFrom;
    final double pixelTo;
    final double step;

    Scale(double from, double to, double pixelFrom, double pixelTo) {
      this(new double[] {from, to, (to - from) / 4}, pixelFrom, pixelTo);
    }

    Scale(double[] range, double pixelFrom, double pixelTo) {
      this.from = range[0];
      this.to = range[1];
      this.step = range[2];
      this.pixelFrom = pixelFrom;
      this.pixelTo = pixelTo;
    }

    double at(double v) {
      return pixelFrom + (v - from) / (to - from) * (pixelTo - pixelFrom);
    }
  }
}
