/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.manifest.internal.ModelReader;
import dev.assay.manifest.internal.ParseLimits;
import dev.assay.manifest.internal.RolloutSchema;
import dev.assay.manifest.internal.SourceTrees;
import dev.assay.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Argo Rollouts analysis manifests ({@code AnalysisTemplate}, {@code ClusterAnalysisTemplate},
 * {@code AnalysisRun}) from YAML or JSON, strictly by default, under size limits. Get one from
 * {@link Manifests#reader()} (strict) or {@link Manifests#lenient()}; every setting returns a new reader.
 *
 * <pre>{@code
 * AnalysisTemplate t = Manifests.reader().read(Path.of("error-rate.yaml"), AnalysisTemplate.class);
 * List<Manifest> all = Manifests.lenient().parse(text);   // unknown fields ignored, logged at WARN
 * }</pre>
 *
 * <p><b>Strict</b> (the default): a field the Argo CRD schema does not define is an error naming its path,
 * line:column and the nearest known field ({@code did you mean 'successCondition'?}), as {@code kubectl apply}'s
 * strict field validation does. The places the schema leaves open are not checked: labels and annotations, the
 * values of other Kubernetes metadata fields, provider blocks Assay does not type ({@code datadog}, {@code plugin},
 * ...), a job's {@code spec} and a web metric's {@code jsonBody}. A provider key that Argo does not define is taken
 * as a custom provider's type, unless it is a likely typo of an Argo key ({@code prometeus}). Unknown fields inside an {@code AnalysisRun}'s {@code status}
 * are never an error: a controller (perhaps a newer Argo) wrote them; they are listed in
 * {@link Manifest#unknownFields()}.
 *
 * <p><b>Always errors</b>, strict or not: values of the wrong type (a number where the schema says string, a
 * fraction or an out-of-range number where it says integer, {@code !!binary}), an unknown phase, duplicate keys,
 * syntax errors and exceeded limits. All problems of a document are reported at once
 * ({@link ManifestException#problems()}).
 *
 * <p><b>Limits</b>, enforced while the parser reads, with their defaults: 8 MiB characters per document, 1 MiB per
 * string, 1,024 per field name, nesting depth 100, 100,000 values from YAML alias expansion. See
 * {@code docs/manifests.md}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ManifestReader {
  private static final Logger logger = LoggerFactory.getLogger(ManifestReader.class);

  static final ManifestReader STRICT = new ManifestReader(true, ParseLimits.DEFAULT);

  private final boolean strict;
  private final ParseLimits limits;

  private ManifestReader(boolean strict, ParseLimits limits) {
    this.strict = strict;
    this.limits = limits;
  }

  /**
   * A reader that is strict or lenient about fields the Argo schema does not define.
   *
   * @param strict true (the default) to fail on them; false to ignore them, log them at WARN and list them in
   *     {@link Manifest#unknownFields()}
   * @return the new reader
   */
  public ManifestReader strict(boolean strict) {
    return new ManifestReader(strict, limits);
  }

  /**
   * Whether this reader fails on fields the Argo schema does not define.
   *
   * @return true when strict
   */
  public boolean isStrict() {
    return strict;
  }

  /**
   * A reader with another document size limit.
   *
   * @param chars characters per YAML document (per input for JSON), at least 1; default 8 MiB (8,388,608)
   * @return the new reader
   */
  public ManifestReader maxDocumentChars(int chars) {
    return with(new ParseLimits(chars, limits.maxStringChars(), limits.maxNameChars(), limits.maxDepth(),
        limits.maxAliasExpansion()));
  }

  /**
   * A reader with another string length limit.
   *
   * @param chars characters per string value, at least 1; default 1 MiB (1,048,576)
   * @return the new reader
   */
  public ManifestReader maxStringChars(int chars) {
    return with(new ParseLimits(limits.maxDocumentChars(), chars, limits.maxNameChars(), limits.maxDepth(),
        limits.maxAliasExpansion()));
  }

  /**
   * A reader with another field name length limit.
   *
   * @param chars characters per field name, at least 1; default 1,024
   * @return the new reader
   */
  public ManifestReader maxNameChars(int chars) {
    return with(new ParseLimits(limits.maxDocumentChars(), limits.maxStringChars(), chars, limits.maxDepth(),
        limits.maxAliasExpansion()));
  }

  /**
   * A reader with another nesting depth limit.
   *
   * @param depth nesting of objects and lists, at least 1; default 100
   * @return the new reader
   */
  public ManifestReader maxDepth(int depth) {
    return with(new ParseLimits(limits.maxDocumentChars(), limits.maxStringChars(), limits.maxNameChars(), depth,
        limits.maxAliasExpansion()));
  }

  /**
   * A reader with another limit on YAML alias expansion.
   *
   * @param values values that aliases may expand to per document, at least 1; default 100,000
   * @return the new reader
   */
  public ManifestReader maxAliasExpansion(int values) {
    return with(new ParseLimits(limits.maxDocumentChars(), limits.maxStringChars(), limits.maxNameChars(),
        limits.maxDepth(), values));
  }

  private ManifestReader with(ParseLimits newLimits) {
    return new ManifestReader(strict, newLimits);
  }

  /**
   * Reads every analysis resource in a text. Documents of other kinds (a {@code Rollout}, a {@code Service}, ...)
   * are skipped; a {@code kind: List} contributes its items.
   *
   * @param text YAML or JSON
   * @return the resources, in document order
   * @throws ManifestException when the text cannot be read, listing every problem of the first bad document
   */
  public List<Resource> read(String text) {
    List<Resource> out = new ArrayList<>();
    for (Manifest m : parse(text)) {
      out.add(m.resource());
    }
    return out;
  }

  /**
   * Reads every analysis resource in a UTF-8 file.
   *
   * @param path the file
   * @return the resources, in document order
   * @throws ManifestException when the file cannot be read or parsed
   */
  public List<Resource> read(Path path) {
    return read(text(path));
  }

  /**
   * Reads every analysis resource in a UTF-8 stream. The stream is read to its end and not closed.
   *
   * @param in the stream
   * @return the resources, in document order
   * @throws ManifestException when the stream cannot be read or parsed
   */
  public List<Resource> read(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ManifestException("cannot read input: " + e.getMessage(), "", null, -1);
    }
  }

  /**
   * Reads the one resource of a type in a text (other documents are ignored).
   *
   * @param text YAML or JSON
   * @param type the resource type, for example {@code AnalysisTemplate.class}
   * @param <T> the resource type
   * @return the resource
   * @throws ManifestException when there is not exactly one resource of that type
   */
  public <T extends Resource> T read(String text, Class<T> type) {
    Objects.requireNonNull(type, "type");
    List<T> found = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (Resource r : read(text)) {
      kinds.add(r.kind());
      if (type.isInstance(r)) {
        found.add(type.cast(r));
      }
    }
    if (found.size() != 1) {
      throw new ManifestException("expected one " + type.getSimpleName() + ", found " + found.size()
          + " (documents: " + kinds + ")", "", null, -1);
    }
    return found.get(0);
  }

  /**
   * Reads the one resource of a type in a UTF-8 file.
   *
   * @param path the file
   * @param type the resource type
   * @param <T> the resource type
   * @return the resource
   * @throws ManifestException when the file cannot be read or does not hold exactly one resource of that type
   */
  public <T extends Resource> T read(Path path, Class<T> type) {
    return read(text(path), type);
  }

  /**
   * Reads every analysis resource in a text with details: ignored fields and the position of every field.
   *
   * @param text YAML or JSON
   * @return one manifest per analysis document, in document order
   * @throws ManifestException when the text cannot be read, listing every problem of the first bad document
   */
  public List<Manifest> parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Manifest> out = new ArrayList<>();
    for (SourceTrees.Document doc : expandLists(SourceTrees.read(text, limits))) {
      if (!doc.tree().isObject()) {
        throw new ManifestException("expected an object with apiVersion, kind and metadata", "", null, doc.index());
      }
      JsonNode kind = doc.tree().get("kind");
      if (kind == null || !kind.isTextual() || kind.asText().isEmpty()) {
        throw new ManifestException("missing kind", "kind", doc.positions().get("kind"), doc.index());
      }
      Optional<Class<? extends Resource>> type = ModelReader.typeOf(kind.asText());
      if (type.isEmpty()) {
        logger.debug("skipping document {} of kind {}", doc.index() + 1, kind.asText());
        continue;
      }
      Manifest manifest = ModelReader.read(doc, type.get(), strict);
      report(manifest);
      out.add(manifest);
    }
    return out;
  }

  /**
   * Reads the first {@code Rollout} of a text, checking the parts a canary plan reads against Argo's schema: the
   * canary strategy and its steps, each step's {@code analysis} (templates, args with {@code value} or
   * {@code valueFrom.podTemplateHashValue}/{@code fieldRef}, dryRun, measurementRetention), {@code pause} and
   * {@code setCanaryScale}. The pod template, selector, traffic routing, background analysis, experiments and
   * status are left open. Unknown fields are errors in strict mode; types, duplicate keys and limits always.
   *
   * @param text YAML or JSON with a document of {@code kind: Rollout}
   * @return the Rollout
   * @throws ManifestException when there is no Rollout, listing every problem of the Rollout otherwise
   */
  public RolloutManifest readRollout(String text) {
    Objects.requireNonNull(text, "text");
    List<SourceTrees.Document> docs = SourceTrees.read(text, limits);
    for (SourceTrees.Document doc : docs) {
      if ("Rollout".equals(doc.tree().path("kind").asText())) {
        RolloutSchema.Result checked = RolloutSchema.check(doc);
        List<ManifestProblem> problems = new ArrayList<>(checked.errors());
        if (strict) {
          problems.addAll(checked.unknown());
        } else if (!checked.unknown().isEmpty()) {
          logger.warn("Rollout {}: lenient reading ignored fields the Argo schema does not define:\n{}",
              doc.tree().path("metadata").path("name").asText(), checked.unknown().stream()
                  .map(ManifestProblem::toString).collect(Collectors.joining("\n")));
        }
        if (!problems.isEmpty()) {
          throw new ManifestException(ModelReader.inSourceOrder(problems), doc.index());
        }
        return new RolloutManifest(doc.tree(), doc.index(), doc.positions());
      }
    }
    String kind = docs.isEmpty() ? "" : docs.get(0).tree().path("kind").asText();
    throw new ManifestException("expected a Rollout, but the first document's kind was \"" + kind + "\"", "kind",
        docs.isEmpty() ? null : docs.get(0).positions().get("kind"), docs.isEmpty() ? -1 : 0);
  }

  /**
   * Reads a UTF-8 file with details; see {@link #parse(String)}.
   *
   * @param path the file
   * @return one manifest per analysis document
   * @throws ManifestException when the file cannot be read or parsed
   */
  public List<Manifest> parse(Path path) {
    return parse(text(path));
  }

  private void report(Manifest manifest) {
    List<UnknownField> inStatus = manifest.unknownFields().stream()
        .filter(f -> f.path().startsWith("status.")).collect(Collectors.toList());
    List<UnknownField> others = manifest.unknownFields().stream()
        .filter(f -> !f.path().startsWith("status.")).collect(Collectors.toList());
    if (!others.isEmpty()) {
      logger.warn("document {} ({} {}): lenient reading ignored fields the Argo schema does not define:\n{}",
          manifest.documentIndex() + 1, manifest.resource().kind(), manifest.resource().metadata().name(),
          others.stream().map(UnknownField::toString).collect(Collectors.joining("\n")));
    }
    if (!inStatus.isEmpty()) {
      logger.debug("document {}: ignored status fields {}", manifest.documentIndex() + 1, inStatus);
    }
  }

  /**
   * Replaces each {@code kind: List} document by its items, with their positions re-keyed. One pass over the
   * positions, so a list of n items reads in time linear in its size.
   */
  private static List<SourceTrees.Document> expandLists(List<SourceTrees.Document> docs) {
    List<SourceTrees.Document> out = new ArrayList<>();
    for (SourceTrees.Document doc : docs) {
      JsonNode items = doc.tree().get("items");
      if (!"List".equals(doc.tree().path("kind").asText()) || items == null || !items.isArray()) {
        out.add(doc);
        continue;
      }
      List<Map<String, SourcePosition>> byItem = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        byItem.add(new HashMap<>());
      }
      List<List<ManifestProblem>> problems = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        problems.add(new ArrayList<>());
      }
      doc.positions().forEach((path, position) -> {
        ItemPath item = ItemPath.of(path);
        if (item != null && item.index < byItem.size()) {
          byItem.get(item.index).put(item.rest, position);
        }
      });
      for (ManifestProblem p : doc.problems()) {
        ItemPath item = ItemPath.of(p.path());
        if (item == null || item.index >= items.size()) {
          throw new ManifestException(List.of(p), doc.index());
        }
        problems.get(item.index).add(new ManifestProblem(item.rest, p.position(), p.message(), p.hint()));
      }
      for (int i = 0; i < items.size(); i++) {
        out.add(new SourceTrees.Document(items.get(i), byItem.get(i), doc.index(), problems.get(i)));
      }
    }
    return out;
  }

  /** A path inside {@code items[i]}: the index and the path relative to the item. */
  private static final class ItemPath {
    final int index;
    final String rest;

    private ItemPath(int index, String rest) {
      this.index = index;
      this.rest = rest;
    }

    static @Nullable ItemPath of(String path) {
      if (!path.startsWith("items[")) {
        return null;
      }
      int close = path.indexOf(']');
      if (close < 0 || close + 1 >= path.length() || path.charAt(close + 1) != '.') {
        return null;
      }
      try {
        return new ItemPath(Integer.parseInt(path.substring(6, close)), path.substring(close + 2));
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  static String text(Path path) {
    Objects.requireNonNull(path, "path");
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new ManifestException("cannot read " + path + ": " + e.getMessage(), "", null, -1);
    }
  }
}
