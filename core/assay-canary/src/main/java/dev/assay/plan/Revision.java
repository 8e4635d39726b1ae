/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.plan.internal.RevisionsJson;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One revision of what a plan rolls out, as an Argo Rollout's ReplicaSet annotated
 * {@code rollout.argoproj.io/revision}: a number, the version people see, and the pod template it runs. Immutable and
 * thread-safe. See {@code docs/revisions.md}.
 *
 * @param number the revision number, 1 or more; numbers only grow within a {@link RevisionHistory}
 * @param version the version shown to people, such as {@code v2} or an image reference; not empty
 * @param spec the pod template as names and values (image, environment, ...); copied, sorted by name, no nulls
 * @param podTemplateHash a short stable hash of the spec; when given empty, derived from the spec (see
 *     {@link #hashOf(Map)})
 */
public record Revision(int number, String version, Map<String, String> spec, String podTemplateHash) {
  /**
   * Validates, copies the spec and derives an empty hash.
   *
   * @param number the revision number, 1 or more; numbers only grow within a {@link RevisionHistory}
   * @param version the version shown to people, such as {@code v2} or an image reference; not empty
   * @param spec the pod template as names and values (image, environment, ...); copied, sorted by name, no nulls
   * @param podTemplateHash a short stable hash of the spec; when given empty, derived from the spec (see
   *     {@link #hashOf(Map)})
   * @throws IllegalArgumentException when the number is below 1 or the version is empty
   * @throws NullPointerException naming a null version, spec, hash, or spec key or value
   */
  public Revision {
    if (number < 1) {
      throw new IllegalArgumentException("a revision number is 1 or more, but was " + number);
    }
    Objects.requireNonNull(version, "version");
    if (version.isEmpty()) {
      throw new IllegalArgumentException("revision " + number + " needs a version");
    }
    spec = copy(spec);
    Objects.requireNonNull(podTemplateHash, "podTemplateHash");
    if (podTemplateHash.isEmpty()) {
      podTemplateHash = RevisionsJson.hash(spec);
    }
  }

  /**
   * A revision whose pod-template hash is derived from its spec.
   *
   * @param number the revision number, 1 or more
   * @param version the version shown to people
   * @param spec the pod template as names and values
   * @return the revision
   */
  public static Revision of(int number, String version, Map<String, String> spec) {
    return new Revision(number, version, spec, "");
  }

  /**
   * The pod-template hash Assay derives from a spec: the first 10 hex digits of the SHA-256 of the spec's canonical
   * JSON (an object with the names sorted). Like Argo's {@code rollouts-pod-template-hash} it is short and stable,
   * and equal specs get equal hashes; it is not Argo's algorithm (Argo hashes the whole Kubernetes pod template with
   * FNV), so it does not match the label on a real ReplicaSet: give the real one when there is one.
   *
   * @param spec the pod template as names and values
   * @return 10 lowercase hex digits
   */
  public static String hashOf(Map<String, String> spec) {
    return RevisionsJson.hash(copy(spec));
  }

  /**
   * The revision with another number, as when {@code undo} makes an old revision current again.
   *
   * @param newNumber the new number
   * @param newVersion the version shown to people
   * @return the renumbered revision, same spec and hash
   */
  Revision renumbered(int newNumber, String newVersion) {
    return new Revision(newNumber, newVersion, spec, podTemplateHash);
  }

  /**
   * How people read it: {@code revision 3 (v1)}.
   *
   * @return the description
   */
  public String describe() {
    return "revision " + number + " (" + version + ")";
  }

  private static Map<String, String> copy(Map<String, String> spec) {
    Objects.requireNonNull(spec, "spec");
    TreeMap<String, String> sorted = new TreeMap<>();
    spec.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "spec name"),
        Objects.requireNonNull(v, () -> "spec value of " + k)));
    return Collections.unmodifiableSortedMap(sorted);
  }
}
