/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error ({@code assay: ...}) and an exit code; the stack trace only
 * with {@code --debug}. An unexpected exception (a bug) is exit 3 and says to re-run with {@code --debug}.
 */
public final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private final boolean debug;

  /**
   * A handler for one command line.
   *
   * @param args the raw arguments, searched for {@code --debug} (so it works even when parsing fails)
   */
  public Failures(String[] args) {
    this.debug = Arrays.asList(args).contains("--debug");
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    if (debug) {
      ex.printStackTrace(err);
    }
    err.println("assay: " + oneLine(ex.getMessage()) + " (see 'assay " + commandPath(ex.getCommandLine())
        + " --help')");
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    cmd.getOut().flush();
    if (debug) {
      ex.printStackTrace(err);
    }
    if (ex instanceof CliException) {
      err.println("assay: " + oneLine(ex.getMessage()));
      return ((CliException) ex).exitCode();
    }
    String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : oneLine(ex.getMessage());
    err.println("assay: " + what + (debug ? "" : " (re-run with --debug for details)"));
    return ExitCodes.ERROR;
  }

  private static String commandPath(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^assay ?", "").trim().isEmpty() ? "help"
        : cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^assay ", "");
  }

  /** Messages with several lines (a YAML snippet, a caret) become one: the first line carries the fix. */
  static String oneLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
