# Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
#
# Generates core/src/test/resources/stats/wilcox-reference.json: reference values of R's
# wilcox.test(x, y, conf.int = TRUE, ...) for MannWhitneyReferenceTest. The Java tests only read the
# generated file; they never run R. Regenerate from the repository root with
#   Rscript core/src/test/r/reference.R > core/src/test/resources/stats/wilcox-reference.json
# (written with R 4.2.2; base R only, no packages). Sample data come from a seeded generator and are
# written with 17 significant digits, so Java sees exactly the doubles R used.
set.seed(20261126)

num <- function(v) {
  if (is.na(v)) return("\"NaN\"")          # NA and NaN: Java has only NaN
  if (is.infinite(v)) return(if (v > 0) "\"Infinity\"" else "\"-Infinity\"")
  sprintf("%.17g", v)
}
arr <- function(v) paste0("[", paste(vapply(v, num, ""), collapse = ","), "]")
str <- function(s) paste0("\"", gsub("\"", "'", s), "\"")

cases <- list()
add <- function(name, x, y, alternative = "two.sided", mu = 0, exact = NULL, correct = TRUE,
                conf.level = 0.95) {
  cases[[length(cases) + 1]] <<- list(name = name, x = x, y = y, alternative = alternative, mu = mu,
                                      exact = exact, correct = correct, conf.level = conf.level)
}

r3 <- function(v) round(v, 3)
# Small samples without ties: exact p-values and exact intervals.
add("exact-5-5", r3(rnorm(5, 10)), r3(rnorm(5, 11)))
add("exact-8-12", r3(rnorm(8, 5)), r3(rnorm(12, 4)))
add("exact-8-12-conf98", r3(rnorm(8, 5)), r3(rnorm(12, 4)), conf.level = 0.98)
add("exact-10-7-less", r3(rnorm(10, 0)), r3(rnorm(7, 1)), alternative = "less")
add("exact-10-7-greater", r3(rnorm(10, 0)), r3(rnorm(7, 1)), alternative = "greater", conf.level = 0.9)
add("exact-20-30-mu", r3(rnorm(20, 3)), r3(rnorm(30, 1)), mu = 1.5)
add("exact-49-49", r3(rnorm(49, 0.3)), r3(rnorm(49, 0)), conf.level = 0.98)
add("exact-separated", c(10.5, 11.25, 12.125, 13.0625), c(1.5, 2.25, 3.125))
add("exact-3-3-unachievable", c(1.1, 2.3, 3.7), c(0.4, 5.6, 6.2))
add("exact-2-2", c(1.5, 2.5), c(3.5, 4.5))
add("exact-1-1", 3.25, 1.75)
add("exact-1-6", 2.5, c(0.5, 1.5, 3.5, 4.5, 5.5, 6.5))
add("exact-forced-off", r3(rnorm(9, 2)), r3(rnorm(11, 1.5)), exact = FALSE)
add("exact-forced-off-nocorrect", r3(rnorm(9, 2)), r3(rnorm(11, 1.5)), exact = FALSE, correct = FALSE)
add("exact-forced-on-60-55", r3(rnorm(60, 1)), r3(rnorm(55, 1.4)), exact = TRUE)
# Ties: the normal approximation with tie-corrected variance and continuity correction.
add("r-doc-example", c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46),
    c(1.15, 0.88, 0.90, 0.74, 1.21))
add("ties-int-20-25", round(rnorm(20, 10, 3)), round(rnorm(25, 11, 3)))
add("ties-int-20-25-less", round(rnorm(20, 10, 3)), round(rnorm(25, 11, 3)), alternative = "less")
add("ties-int-20-25-greater", round(rnorm(20, 12, 3)), round(rnorm(25, 11, 3)), alternative = "greater",
    conf.level = 0.98)
add("ties-exact-requested", c(1, 2, 2, 3, 4), c(2, 3, 5, 6, 6, 7), exact = TRUE)
add("ties-nocorrect", round(rnorm(15, 5, 2)), round(rnorm(18, 6, 2)), correct = FALSE, conf.level = 0.9)
add("ties-small-2-3", c(1, 1), c(1, 2, 2))
add("ties-zero-inflated", c(rep(0, 12), 1, 3, 0.5), c(rep(0, 14), 0.25))
add("kayenta-miss", c(rep(100, 7), rep(1, 3)), rep(1, 10), conf.level = 0.98)
add("kayenta-miss-log", log(c(rep(100, 7), rep(1, 3))), log(rep(1, 10)), conf.level = 0.98)
add("constant-different", rep(2, 6), rep(1, 6))
add("constant-same", rep(5, 6), rep(5, 6))
add("constant-vs-varied", rep(3, 8), c(1, 2, 3, 4, 5, 2.5, 3.5, 4.5))
# NaN and NA are dropped before the test.
add("nan-removed", c(1.2, NaN, 3.4, 2.2, NA, 5.1), c(0.3, 1.1, NaN, 2.05))
add("nan-removed-ties", c(1, NaN, 3, 2, 2, 5), c(0, 1, NaN, 2, 2, 7, 8))
# Larger samples: the normal approximation is the default (n >= 50).
add("large-60-80", r3(rnorm(60, 100, 10)), r3(rnorm(80, 103, 12)))
add("large-200-150-conf98", r3(rexp(200, 1 / 150)), r3(rexp(150, 1 / 130)), conf.level = 0.98)
add("large-1000-1000", r3(rlnorm(1000, log(150), 0.3)), r3(rlnorm(1000, log(155), 0.3)), conf.level = 0.98)
add("large-1000-1000-log", log(r3(rlnorm(1000, log(150), 0.3))), log(r3(rlnorm(1000, log(170), 0.3))),
    conf.level = 0.98)
add("large-unrounded-100-120", rnorm(100, 0, 1), rnorm(120, 0.2, 1), conf.level = 0.99)
add("large-less-300-300", r3(rnorm(300, 50, 5)), r3(rnorm(300, 50.5, 5)), alternative = "less")
add("large-greater-300-300", r3(rnorm(300, 50, 5)), r3(rnorm(300, 50.5, 5)), alternative = "greater")
add("large-nocorrect-80-90", r3(rgamma(80, 2, 0.1)), r3(rgamma(90, 2, 0.09)), correct = FALSE)
add("lognormal-30-30-log", log(r3(rlnorm(30, log(200), 0.2))), log(r3(rlnorm(30, log(240), 0.2))),
    conf.level = 0.98)
add("one-vs-many-normal", 7.5, r3(rnorm(60, 5, 1)))
add("extreme-endpoints", 1, 2:60)

out <- character(0)
for (c in cases) {
  warn <- character(0)
  res <- tryCatch(withCallingHandlers(
    wilcox.test(c$x, c$y, alternative = c$alternative, mu = c$mu, exact = c$exact, correct = c$correct,
                conf.int = TRUE, conf.level = c$conf.level),
    warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") }),
    error = function(e) e)
  exact <- if (is.null(c$exact)) "\"auto\"" else if (c$exact) "\"exact\"" else "\"normal\""
  fields <- c(sprintf("\"name\":%s", str(c$name)), sprintf("\"x\":%s", arr(c$x)), sprintf("\"y\":%s", arr(c$y)),
              sprintf("\"alternative\":%s", str(c$alternative)), sprintf("\"mu\":%s", num(c$mu)),
              sprintf("\"method\":%s", exact), sprintf("\"correct\":%s", tolower(c$correct)),
              sprintf("\"confLevel\":%s", num(c$conf.level)),
              sprintf("\"warnings\":[%s]", paste(vapply(warn, str, ""), collapse = ",")))
  if (inherits(res, "error")) {
    # R stops while building the interval (all observations tied at an end point); keep its test result.
    fields <- c(fields, sprintf("\"confIntError\":%s", str(conditionMessage(res))))
    res <- suppressWarnings(wilcox.test(c$x, c$y, alternative = c$alternative, mu = c$mu, exact = c$exact,
                                        correct = c$correct))
    fields <- c(fields,
                sprintf("\"statistic\":%s", num(unname(res$statistic))),
                sprintf("\"pValue\":%s", num(res$p.value)),
                sprintf("\"exactUsed\":%s", tolower(grepl("exact", res$method))))
  } else {
    fields <- c(fields,
                sprintf("\"statistic\":%s", num(unname(res$statistic))),
                sprintf("\"pValue\":%s", num(res$p.value)),
                sprintf("\"exactUsed\":%s", tolower(grepl("exact", res$method))),
                sprintf("\"estimate\":%s", num(unname(res$estimate))),
                sprintf("\"confInt\":%s", arr(as.numeric(res$conf.int))),
                sprintf("\"achievedConfLevel\":%s", num(attr(res$conf.int, "conf.level"))))
  }
  out <- c(out, paste0("  {", paste(fields, collapse = ","), "}"))
}
cat("{\"generator\":\"core/src/test/r/reference.R\",\"r\":", str(R.version.string), ",\"cases\":[\n", sep = "")
cat(paste(out, collapse = ",\n"))
cat("\n]}\n")
