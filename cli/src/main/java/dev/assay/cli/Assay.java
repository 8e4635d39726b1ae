/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli;

import dev.assay.cli.internal.BacktestCommand;
import dev.assay.cli.internal.DescribeCommand;
import dev.assay.cli.internal.EvalCommand;
import dev.assay.cli.internal.ExitCodes;
import dev.assay.cli.internal.Failures;
import dev.assay.cli.internal.LintCommand;
import dev.assay.cli.internal.ReportCommand;
import dev.assay.cli.internal.RunCommand;
import dev.assay.cli.internal.VerifySplitCommand;
import dev.assay.cli.internal.VersionText;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code assay} command: {@code lint}, {@code run}, {@code describe}, {@code eval}, {@code backtest},
 * {@code report} and {@code verify-split} (see {@code docs/cli.md}). Exit codes: 0 Successful (or clean), 1 Failed
 * (or lint errors, or a broken split), 2 Inconclusive, 3 Error, 4 bad input. Bad input is one line on standard
 * error; a stack trace only with {@code --debug}.
 */
@Command(name = "assay", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
    description = "Canary analysis with Argo Rollouts AnalysisTemplates, outside a cluster.",
    subcommands = {LintCommand.class, RunCommand.class, DescribeCommand.class, EvalCommand.class, BacktestCommand.class,
        ReportCommand.class, VerifySplitCommand.class, CommandLine.HelpCommand.class},
    exitCodeOnInvalidInput = ExitCodes.BAD_INPUT, exitCodeOnExecutionException = ExitCodes.BAD_INPUT)
public final class Assay {
  private Assay() {}

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments, as typed after {@code assay}
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /**
   * Runs the command line without exiting the JVM.
   *
   * @param args the arguments, as typed after {@code assay}
   * @param out where results go (standard output)
   * @param err where errors go (standard error)
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (java.util.Arrays.asList(args).contains("--debug")) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    }
    CommandLine cli = new CommandLine(new Assay());
    cli.setOut(out).setErr(err);
    Failures failures = new Failures(args);
    cli.setParameterExceptionHandler(failures);
    cli.setExecutionExceptionHandler(failures);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
