# Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
#
# Generates core/assay-judge/src/test/resources/stats/proportion-reference.json: reference values for ProportionReferenceTest
# (the proportion judge's intervals and p-values). The Java tests only read the generated file; they never run R.
# Regenerate from the repository root with
#   Rscript core/assay-judge/src/test/r/proportions.R > core/assay-judge/src/test/resources/stats/proportion-reference.json
# (written with R 4.2.2; base R only, no packages).
#
# Per case (x1 events of n1 trials, x2 of n2, two-sided confidence level):
#   wilson1/2    prop.test(x, n, correct = FALSE, conf.level)$conf.int        (Wilson score interval)
#   exact1/2     binom.test(x, n, conf.level)$conf.int                        (Clopper-Pearson)
#   newcombe     Newcombe (1998) method 10 from the Wilson intervals:
#                  [d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2)], d = p1 - p2
#   newcombeExact the same from the Clopper-Pearson intervals
#   moverR       MOVER-R ratio interval (Donner and Zou 2012) from the Wilson intervals, textbook form:
#                  low  = (p1 p2 - sqrt((p1 p2)^2 - l1 (2 p1 - l1) u2 (2 p2 - u2))) / (u2 (2 p2 - u2)), 0 if l1 = 0
#                  high = (p1 p2 + sqrt((p1 p2)^2 - u1 (2 p1 - u1) l2 (2 p2 - l2))) / (l2 (2 p2 - l2)), Inf if l2 = 0
#   moverRExact  the same from the Clopper-Pearson intervals
#   scoreP       prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value     (NaN when no or all trials are events)
#   fisherP      fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value
set.seed(20261203)

num <- function(v) {
  if (is.na(v)) return("\"NaN\"")
  if (is.infinite(v)) return(if (v > 0) "\"Infinity\"" else "\"-Infinity\"")
  sprintf("%.17g", v)
}
arr <- function(v) paste0("[", paste(vapply(v, num, ""), collapse = ","), "]")

mover_r <- function(p1, ci1, p2, ci2) {
  l1 <- ci1[1]; u1 <- ci1[2]; l2 <- ci2[1]; u2 <- ci2[2]
  low <- if (l1 == 0) 0 else
    (p1 * p2 - sqrt(max((p1 * p2)^2 - l1 * (2 * p1 - l1) * u2 * (2 * p2 - u2), 0))) / (u2 * (2 * p2 - u2))
  high <- if (l2 == 0) Inf else
    (p1 * p2 + sqrt(max((p1 * p2)^2 - u1 * (2 * p1 - u1) * l2 * (2 * p2 - l2), 0))) / (l2 * (2 * p2 - l2))
  c(low, high)
}
newcombe <- function(p1, ci1, p2, ci2) {
  d <- p1 - p2
  c(d - sqrt((p1 - ci1[1])^2 + (ci2[2] - p2)^2), d + sqrt((ci1[2] - p1)^2 + (p2 - ci2[1])^2))
}

cases <- list(
  c(30, 1000, 10, 1000, 0.98), c(0, 1000, 0, 1000, 0.98), c(5, 10, 0, 10, 0.98), c(0, 50, 3, 50, 0.95),
  c(1, 1, 0, 1, 0.98), c(100, 100, 100, 100, 0.9), c(12, 400, 3, 3600, 0.98), c(250, 10000, 100, 10000, 0.99),
  c(2, 20, 2, 20, 0.95), c(0, 10, 10, 10, 0.98))
for (i in 1:50) {
  n1 <- sample(c(5, 20, 100, 1000, 5000), 1); n2 <- sample(c(5, 20, 100, 1000, 20000), 1)
  r1 <- sample(c(0.001, 0.01, 0.03, 0.2, 0.5), 1); r2 <- sample(c(0.001, 0.01, 0.03, 0.2, 0.5), 1)
  cases[[length(cases) + 1]] <- c(rbinom(1, n1, r1), n1, rbinom(1, n2, r2), n2,
                                  sample(c(0.9, 0.95, 0.98, 0.99), 1))
}

out <- character(0)
for (c in cases) {
  x1 <- c[1]; n1 <- c[2]; x2 <- c[3]; n2 <- c[4]; conf <- c[5]
  p1 <- x1 / n1; p2 <- x2 / n2
  w1 <- as.numeric(prop.test(x1, n1, correct = FALSE, conf.level = conf)$conf.int)
  w2 <- as.numeric(prop.test(x2, n2, correct = FALSE, conf.level = conf)$conf.int)
  e1 <- as.numeric(binom.test(x1, n1, conf.level = conf)$conf.int)
  e2 <- as.numeric(binom.test(x2, n2, conf.level = conf)$conf.int)
  score <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value)
  fisher <- fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value
  fields <- c(sprintf("\"x1\":%d,\"n1\":%d,\"x2\":%d,\"n2\":%d", x1, n1, x2, n2), sprintf("\"confLevel\":%s", num(conf)),
              sprintf("\"wilson1\":%s", arr(w1)), sprintf("\"wilson2\":%s", arr(w2)),
              sprintf("\"exact1\":%s", arr(e1)), sprintf("\"exact2\":%s", arr(e2)),
              sprintf("\"newcombe\":%s", arr(newcombe(p1, w1, p2, w2))),
              sprintf("\"newcombeExact\":%s", arr(newcombe(p1, e1, p2, e2))),
              sprintf("\"moverR\":%s", arr(mover_r(p1, w1, p2, w2))),
              sprintf("\"moverRExact\":%s", arr(mover_r(p1, e1, p2, e2))),
              sprintf("\"scoreP\":%s", num(score)), sprintf("\"fisherP\":%s", num(fisher)))
  out <- c(out, paste0("  {", paste(fields, collapse = ","), "}"))
}
cat("{\"generator\":\"core/assay-judge/src/test/r/proportions.R\",\"r\":\"", R.version.string, "\",\"cases\":[\n", sep = "")
cat(paste(out, collapse = ",\n"))
cat("\n]}\n")
