/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The revisions a plan knows, as an Argo Rollout's ReplicaSets: which one is stable, which one is the canary being
 * rolled out (if any), and up to {@code limit} older ones to go back to. Immutable and thread-safe: every change
 * returns a new history. The rules are in {@code docs/revisions.md}.
 *
 * <p>The list is in the order the pod templates were first seen, which is the order Argo compares ReplicaSet
 * creation times in: a revision that becomes current again gets a new number but keeps its place, as a reused
 * ReplicaSet keeps its creation time. Numbers only grow; the old number of a renumbered revision disappears.
 *
 * @param revisions the revisions in the order their pod templates were first seen; numbers unique
 * @param stableRevision the number of the stable revision, or 0 when the history is empty
 * @param canaryRevision the number of the canary being rolled out, or 0 when there is none
 * @param limit how many revisions besides the stable and the canary are kept (Argo's {@code revisionHistoryLimit});
 *     older ones beyond it are dropped, lowest number first
 */
public record RevisionHistory(List<Revision> revisions, int stableRevision, int canaryRevision, int limit) {
  /** Argo's default {@code revisionHistoryLimit}. */
  public static final int DEFAULT_LIMIT = 10;

  /** The empty history: a plan without revisions (and a plan state saved before revisions existed). */
  public static final RevisionHistory NONE = new RevisionHistory(List.of(), 0, 0, DEFAULT_LIMIT);

  /**
   * Validates, copies and drops the revisions beyond the limit.
   *
   * @param revisions the revisions in the order their pod templates were first seen; numbers unique
   * @param stableRevision the number of the stable revision, or 0 when the history is empty
   * @param canaryRevision the number of the canary being rolled out, or 0 when there is none
   * @param limit how many revisions besides the stable and the canary are kept (Argo's
   *     {@code revisionHistoryLimit}); older ones beyond it are dropped, lowest number first
   * @throws IllegalArgumentException when numbers repeat, the stable or canary is not in the list, the canary is the
   *     stable, or the limit is negative
   */
  public RevisionHistory {
    revisions = List.copyOf(revisions);
    if (limit < 0) {
      throw new IllegalArgumentException("revisionHistoryLimit must not be negative, but was " + limit);
    }
    Set<Integer> numbers = new HashSet<>();
    for (Revision r : revisions) {
      if (!numbers.add(r.number())) {
        throw new IllegalArgumentException("revision " + r.number() + " appears twice in the history");
      }
    }
    if (revisions.isEmpty() ? stableRevision != 0 || canaryRevision != 0 : !numbers.contains(stableRevision)) {
      throw new IllegalArgumentException("stable revision " + stableRevision + " is not in the history " + numbers);
    }
    if (canaryRevision != 0 && (!numbers.contains(canaryRevision) || canaryRevision == stableRevision)) {
      throw new IllegalArgumentException("canary revision " + canaryRevision + " must be in the history "
          + numbers + " and differ from stable revision " + stableRevision);
    }
    revisions = trimmed(revisions, stableRevision, canaryRevision, limit);
  }

  /**
   * This history with another {@code revisionHistoryLimit}.
   *
   * @param revisionHistoryLimit how many older revisions to keep, 0 or more
   * @return the new history
   */
  public RevisionHistory withLimit(int revisionHistoryLimit) {
    return new RevisionHistory(revisions, stableRevision, canaryRevision, revisionHistoryLimit);
  }

  /**
   * Whether there are no revisions.
   *
   * @return true for {@link #NONE}
   */
  public boolean isEmpty() {
    return revisions.isEmpty();
  }

  /**
   * The stable revision.
   *
   * @return the revision
   * @throws IllegalStateException when the history is empty
   */
  public Revision stable() {
    return find(stableRevision).orElseThrow(() -> new IllegalStateException("the revision history is empty"));
  }

  /**
   * The canary being rolled out.
   *
   * @return the revision, or empty when none is
   */
  public Optional<Revision> canary() {
    return canaryRevision == 0 ? Optional.empty() : find(canaryRevision);
  }

  /**
   * A revision by number.
   *
   * @param number the number
   * @return the revision, or empty when the history has no such number
   */
  public Optional<Revision> find(int number) {
    return revisions.stream().filter(r -> r.number() == number).findFirst();
  }

  /**
   * The highest number: the revision the plan's spec is at now (the canary while one is rolled out, else the
   * stable), as Argo's current revision.
   *
   * @return the number, 0 when empty
   */
  public int currentRevision() {
    return revisions.stream().mapToInt(Revision::number).max().orElse(0);
  }

  /**
   * The pod template changes to {@code spec}, as when a Rollout's template is edited. A spec whose hash a revision
   * already has reuses that revision under the next number (keeping its place); any other spec is a new revision.
   * The first revision of an empty history is stable at once (Argo's first rollout skips the steps); a change back
   * to the stable's spec drops the canary; any other change makes that revision the canary (a canary in progress
   * becomes an old revision).
   *
   * @param version the version shown to people
   * @param spec the pod template as names and values
   * @return the new history
   */
  public RevisionHistory deploy(String version, Map<String, String> spec) {
    Revision r = Revision.of(currentRevision() + 1, version, spec);
    return place(r);
  }

  /**
   * The canary becomes stable, as at the end of the steps.
   *
   * @return the new history
   * @throws IllegalStateException when there is no canary
   */
  public RevisionHistory promote() {
    if (canaryRevision == 0) {
      throw new IllegalStateException("there is no canary revision to promote; stable is " + describe(stableRevision));
    }
    return new RevisionHistory(revisions, canaryRevision, 0, limit);
  }

  /**
   * Makes an older revision's spec current again, under the next number ({@link #deploy} with its version and
   * spec): back to the stable drops the canary, any other revision becomes the canary.
   *
   * @param number the revision to go back to
   * @return the new history
   * @throws IllegalArgumentException when the history has no such revision or it is already current
   */
  public RevisionHistory rollbackTo(int number) {
    Revision target = target(number);
    return place(target.renumbered(currentRevision() + 1, target.version()));
  }

  /**
   * The revision {@code undo} goes to: the given one, or for 0 the previous one (the highest number below the
   * current), as {@code kubectl argo rollouts undo --to-revision}.
   *
   * @param toRevision the revision number, or 0 for the previous
   * @return the revision
   * @throws IllegalArgumentException naming the revisions there are when there is no such (or no previous)
   *     revision, or it is the current one
   */
  public Revision target(int toRevision) {
    int current = currentRevision();
    if (toRevision < 0) {
      throw new IllegalArgumentException("a revision number is 0 (the previous) or more, but was " + toRevision);
    }
    int wanted = toRevision != 0 ? toRevision : revisions.stream().mapToInt(Revision::number).filter(n -> n < current)
        .max().orElseThrow(() -> new IllegalArgumentException("there is no previous revision to undo to; the history "
            + "has " + listed()));
    if (wanted == current) {
      throw new IllegalArgumentException(describe(wanted) + " is already the current revision; the history has "
          + listed());
    }
    return find(wanted).orElseThrow(() -> new IllegalArgumentException("revision " + wanted + " is not in the history"
        + " (revisionHistoryLimit " + limit + "); it has " + listed()));
  }

  /**
   * Whether going to the revision skips the steps under Argo's {@code rollbackWindow}: it is a rollback (its pod
   * template is older than the stable's) and fewer than {@code window} revisions lie between it and the stable.
   * Going back to the stable itself always skips them, whatever the window (see {@code docs/revisions.md}).
   *
   * @param number the revision to go to
   * @param window {@code rollbackWindow.revisions}; 0 means no window
   * @return whether the steps are skipped
   */
  public boolean isFastRollback(int number, int window) {
    if (number == stableRevision) {
      return true;
    }
    int at = position(number);
    int stableAt = position(stableRevision);
    return at >= 0 && at < stableAt && stableAt - at - 1 < window;
  }

  /**
   * The revisions as people read them: {@code 1 (v1), 2 (v2, stable), 3 (v3, canary)}.
   *
   * @return the list, in number order
   */
  public String listed() {
    if (revisions.isEmpty()) {
      return "no revisions";
    }
    return "revisions " + revisions.stream().sorted((a, b) -> Integer.compare(a.number(), b.number()))
        .map(r -> r.number() + " (" + r.version() + (r.number() == stableRevision ? ", stable"
            : r.number() == canaryRevision ? ", canary" : "") + ")")
        .collect(Collectors.joining(", "));
  }

  private String describe(int number) {
    return find(number).map(Revision::describe).orElse("revision " + number);
  }

  private int position(int number) {
    for (int i = 0; i < revisions.size(); i++) {
      if (revisions.get(i).number() == number) {
        return i;
      }
    }
    return -1;
  }

  /** Puts a revision numbered {@code current + 1} in place of the one with its hash, or last. */
  private RevisionHistory place(Revision r) {
    List<Revision> next = new ArrayList<>(revisions);
    int reused = -1;
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).podTemplateHash().equals(r.podTemplateHash())) {
        reused = i;
      }
    }
    if (reused < 0) {
      next.add(r);
    } else {
      next.set(reused, r);
    }
    if (revisions.isEmpty() || reused >= 0 && revisions.get(reused).number() == stableRevision) {
      return new RevisionHistory(next, r.number(), 0, limit);
    }
    // a canary in progress that is not the reused revision stays as an old revision
    return new RevisionHistory(next, stableRevision, r.number(), limit);
  }

  private static List<Revision> trimmed(List<Revision> revisions, int stable, int canary, int limit) {
    List<Integer> old = revisions.stream().map(Revision::number).filter(n -> n != stable && n != canary).sorted()
        .collect(Collectors.toList());
    if (old.size() <= limit) {
      return revisions;
    }
    Set<Integer> dropped = new HashSet<>(old.subList(0, old.size() - limit));
    return revisions.stream().filter(r -> !dropped.contains(r.number())).collect(Collectors.toUnmodifiableList());
  }
}
