/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Decodes a response body the way Go's {@code json.Unmarshal} into {@code interface{}} does: one JSON value with
 * nothing but whitespace around it, every number a {@code float64} (so integers above 2^53 lose precision, and a
 * number beyond the double range makes the body invalid). Thread-safe.
 */
public final class GoJsonDecoder {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .nodeFactory(new Float64NodeFactory())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private GoJsonDecoder() {}

  /**
   * Decodes a body.
   *
   * @param body the raw bytes
   * @return the document, or empty when the body is not valid JSON (including an empty body)
   */
  public static Optional<JsonNode> decode(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JacksonException | NotAFloat64 e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A number Go cannot hold in a float64. */
  private static final class NotAFloat64 extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAFloat64() {
      super("number out of float64 range", null, false, false);
    }
  }

  /** Builds every number as a double, as Go's decoder does. */
  private static final class Float64NodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    private static DoubleNode float64(double value) {
      if (Double.isInfinite(value) || Double.isNaN(value)) {
        throw new NotAFloat64();
      }
      return DoubleNode.valueOf(value);
    }

    @Override
    public NumericNode numberNode(byte v) {
      return float64(v);
    }

    @Override
    public NumericNode numberNode(short v) {
      return float64(v);
    }

    @Override
    public NumericNode numberNode(int v) {
      return float64(v);
    }

    @Override
    public NumericNode numberNode(long v) {
      return float64(v);
    }

    @Override
    public ValueNode numberNode(BigInteger v) {
      return v == null ? nullNode() : float64(v.doubleValue());
    }

    @Override
    public NumericNode numberNode(float v) {
      return float64(v);
    }

    @Override
    public NumericNode numberNode(double v) {
      return float64(v);
    }

    @Override
    public ValueNode numberNode(BigDecimal v) {
      return v == null ? nullNode() : float64(v.doubleValue());
    }

    @Override
    public ValueNode numberNode(Byte v) {
      return v == null ? nullNode() : float64(v);
    }

    @Override
    public ValueNode numberNode(Short v) {
      return v == null ? nullNode() : float64(v);
    }

    @Override
    public ValueNode numberNode(Integer v) {
      return v == null ? nullNode() : float64(v);
    }

    @Override
    public ValueNode numberNode(Long v) {
      return v == null ? nullNode() : float64(v);
    }

    @Override
    public ValueNode numberNode(Float v) {
      return v == null ? nullNode() : float64(v);
    }

    @Override
    public ValueNode numberNode(Double v) {
      return v == null ? nullNode() : float64(v);
    }
  }
}
