/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.IntOrString;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The two configured Jackson mappers for the model (JSON and YAML). Immutable after construction and thread-safe.
 * Not API; may change.
 */
public final class ModelMappers {
  /** The JSON mapper. */
  public static final ObjectMapper JSON = configure(JsonMapper.builder().build());

  /** The YAML mapper: block style, minimal quotes, literal blocks for multi-line text. */
  public static final ObjectMapper YAML = configure(new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .stringQuotingChecker(new YamlQuoting())
      .build()));

  /** Indented JSON as kubectl writes it: two spaces, {@code "key": value}, one array element per line. */
  public static final ObjectWriter JSON_PRETTY = JSON.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("").withArrayEmptySeparator(""))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

  private ModelMappers() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    SimpleModule module = new SimpleModule("assay-model");
    module.addSerializer(Instant.class, new InstantSerializer());
    module.addDeserializer(Instant.class, new InstantDeserializer());
    module.addSerializer(AnalysisPhase.class, new PhaseSerializer());
    module.addSerializer(IntOrString.class, new IntOrStringSerializer());
    mapper.registerModule(module);
    mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
        JsonInclude.Include.ALWAYS));
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    return mapper;
  }

  /**
   * Jackson's quoting rules, plus quotes around text that YAML 1.1 readers (such as Go's) would take for a timestamp,
   * so that {@code creationTimestamp: "2026-03-01T12:00:00Z"} stays a string as kubectl writes it.
   */
  static final class YamlQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern TIMESTAMP_LIKE = Pattern.compile("^\\d{4}-\\d{1,2}-\\d{1,2}.*");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || TIMESTAMP_LIKE.matcher(value).matches();
    }
  }

  /** Writes an instant as RFC 3339 in UTC, with fractional seconds only when there are some. */
  static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
    }
  }

  /** Reads an RFC 3339 timestamp with any offset. */
  static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText().trim();
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
            "not an RFC 3339 timestamp such as 2026-01-02T15:04:05Z");
      }
    }
  }

  /** Writes an IntOrString as written; an empty string is a value (Kubernetes writes {@code count: ""}). */
  static final class IntOrStringSerializer extends JsonSerializer<IntOrString> {
    @Override
    public void serialize(IntOrString value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      if (value.isString()) {
        gen.writeString(value.text());
      } else {
        gen.writeNumber(value.intValue());
      }
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, IntOrString value) {
      return value == null;
    }
  }

  /** Writes a phase by its wire name; {@link AnalysisPhase#NONE} counts as empty, so it is left out. */
  static final class PhaseSerializer extends JsonSerializer<AnalysisPhase> {
    @Override
    public void serialize(AnalysisPhase value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(value.wireName());
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, AnalysisPhase value) {
      return value == null || value == AnalysisPhase.NONE;
    }
  }
}
