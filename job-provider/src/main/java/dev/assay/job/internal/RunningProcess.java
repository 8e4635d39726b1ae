/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One child process of the local runner with its output tails and the descendants seen so far. The process tree is
 * killed by signalling every known member: the root, its current descendants, and descendants remembered from earlier
 * polls (a child whose parent already exited is re-parented and no longer shows up as a descendant). Thread-safe.
 */
final class RunningProcess {
  private final Process process;
  private final OutputTail stdout;
  private final OutputTail stderr;
  private final Instant startedAt;
  private final LocalCommand command;
  private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
  private final String marker;
  private @Nullable Instant terminationRequestedAt;

  /** The environment variable that marks every process of one local measurement. */
  static final String MARKER_ENV = "ASSAY_LOCAL_RUN";

  private RunningProcess(Process process, int outputLimit, Instant startedAt, LocalCommand command, String marker) {
    this.process = process;
    this.marker = marker;
    this.stdout = OutputTail.start(process.getInputStream(), outputLimit);
    this.stderr = OutputTail.start(process.getErrorStream(), outputLimit);
    this.startedAt = startedAt;
    this.command = command;
  }

  /**
   * Starts a process.
   *
   * @param command what to run
   * @param outputLimit bytes kept per stream
   * @param now the engine clock's time, the start of the timeout
   * @return the running process
   * @throws IOException when the program cannot be started
   */
  static RunningProcess start(LocalCommand command, int outputLimit, Instant now) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command.argv());
    builder.environment().putAll(command.environment());
    if (command.workingDirectory() != null) {
      builder.directory(command.workingDirectory().toFile());
    }
    builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    // Every process the command starts inherits this variable, so orphans re-parented away from the tree (a
    // background job of a shell script that still holds the output pipe) can be found and killed.
    String marker = UUID.randomUUID().toString();
    builder.environment().put(MARKER_ENV, marker);
    return new RunningProcess(builder.start(), outputLimit, now, command, marker);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  long pid() {
    return process.pid();
  }

  Instant startedAt() {
    return startedAt;
  }

  LocalCommand command() {
    return command;
  }

  OutputTail stdout() {
    return stdout;
  }

  OutputTail stderr() {
    return stderr;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  synchronized @Nullable Instant terminationRequestedAt() {
    return terminationRequestedAt;
  }

  /** Records the current descendants, so they can still be killed after their parent exits. */
  synchronized void rememberDescendants() {
    process.descendants().forEach(h -> seen.putIfAbsent(h.pid(), h));
  }

  /**
   * Asks the whole tree to stop (SIGTERM on POSIX), once.
   *
   * @param now the engine clock's time, the start of the grace period
   */
  synchronized void requestTermination(Instant now) {
    if (terminationRequestedAt == null) {
      terminationRequestedAt = now;
    }
    for (ProcessHandle h : tree()) {
      h.destroy();
    }
  }

  /**
   * Kills every member of the tree still alive (SIGKILL on POSIX) and waits for them to exit, at most
   * {@code maxWait} of real time.
   *
   * @param maxWait the longest wait
   * @return whether no member of the tree is still alive
   */
  boolean killTree(Duration maxWait) {
    List<ProcessHandle> members;
    synchronized (this) {
      members = tree();
    }
    for (ProcessHandle h : members) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
    return awaitExit(members, maxWait);
  }

  /**
   * Waits for every known member of the tree to exit, at most {@code maxWait} of real time.
   *
   * @param maxWait the longest wait
   * @return whether they all exited
   */
  boolean awaitTreeExit(Duration maxWait) {
    List<ProcessHandle> members;
    synchronized (this) {
      members = tree();
    }
    return awaitExit(members, maxWait);
  }

  /**
   * Kills descendants that outlived the root (for example background jobs of a shell script).
   *
   * @param maxWait the longest real-time wait for them to exit
   */
  void killOrphans(Duration maxWait) {
    List<ProcessHandle> orphans = new ArrayList<>();
    synchronized (this) {
      for (ProcessHandle h : seen.values()) {
        if (h.isAlive()) {
          orphans.add(h);
        }
      }
    }
    orphans.addAll(marked());
    orphans.forEach(ProcessHandle::destroyForcibly);
    awaitExit(orphans, maxWait);
  }

  /**
   * Waits for the root to exit, at most {@code maxWait} of real time.
   *
   * @param maxWait the longest wait
   * @return whether the root exited
   */
  boolean awaitRootExit(Duration maxWait) {
    return awaitExit(List.of(process.toHandle()), maxWait);
  }

  private List<ProcessHandle> tree() {
    rememberDescendants();
    List<ProcessHandle> members = new ArrayList<>();
    members.add(process.toHandle());
    members.addAll(seen.values());
    members.addAll(marked());
    return members;
  }

  /**
   * Live processes other than the root that carry this measurement's marker in their environment. Linux only (it
   * reads {@code /proc/<pid>/environ} of this user's processes); elsewhere only remembered descendants are found.
   */
  private List<ProcessHandle> marked() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return List.of();
    }
    byte[] needle = (MARKER_ENV + "=" + marker).getBytes(StandardCharsets.UTF_8);
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.allProcesses().filter(h -> h.pid() != process.pid() && h.isAlive()).forEach(h -> {
      try {
        byte[] environ = Files.readAllBytes(proc.resolve(Long.toString(h.pid())).resolve("environ"));
        if (contains(environ, needle)) {
          found.add(h);
        }
      } catch (IOException | SecurityException e) {
        // Another user's process, or one that just exited: not ours to find.
      }
    });
    return found;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (i > 0 && haystack[i - 1] != 0) {
        continue;
      }
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      if (i + needle.length == haystack.length || haystack[i + needle.length] == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean awaitExit(List<ProcessHandle> handles, Duration maxWait) {
    CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return handles.stream().noneMatch(ProcessHandle::isAlive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return handles.stream().noneMatch(ProcessHandle::isAlive);
    }
  }
}
