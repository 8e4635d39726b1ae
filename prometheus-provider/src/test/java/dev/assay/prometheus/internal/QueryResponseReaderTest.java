/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryResponseReaderTest {
  private final QueryResponseReader reader = new QueryResponseReader();

  private QueryResponse read(String json) throws IOException {
    return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void read_scalar_oneValueAndGoText() throws IOException {
    QueryResponse r = read("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700001800,\"10\"]}}");
    assertThat(r.resultType()).isEqualTo("scalar");
    assertThat(r.values()).containsExactly(10.0);
    assertThat(r.display()).isEqualTo("10");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void read_vector_valuesInResponseOrderLabelsDropped() throws IOException {
    QueryResponse r = read("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + "{\"metric\":{\"a\":\"1\",\"nested\":\"x\"},\"value\":[1,\"10\"]},"
        + "{\"metric\":{},\"value\":[1,\"NaN\"]},{\"metric\":{},\"value\":[1,\"+Inf\"]},"
        + "{\"metric\":{},\"value\":[1,\"-Inf\"]},{\"metric\":{},\"value\":[1,\"1.50\"]}]}}");
    assertThat(r.values()).hasSize(5);
    assertThat(r.values().getDouble(0)).isEqualTo(10.0);
    assertThat(r.values().getDouble(1)).isNaN();
    assertThat(r.values().getDouble(2)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(r.values().getDouble(3)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(r.display()).isEqualTo("[10,NaN,+Inf,-Inf,1.5]");
  }

  @Test
  void read_matrix_flattensSeriesInOrder() throws IOException {
    QueryResponse r = read("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
        + "{\"metric\":{\"s\":\"1\"},\"values\":[[1,\"11\"],[2,\"12\"]]},"
        + "{\"metric\":{\"s\":\"2\"},\"values\":[[1,\"13\"],[2,\"14\"]]}]}}");
    assertThat(r.values()).containsExactly(11.0, 12.0, 13.0, 14.0);
    assertThat(r.display()).isEqualTo("[11,12,13,14]");
  }

  @Test
  void read_emptyVector_emptyListAndBrackets() throws IOException {
    QueryResponse r = read("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    assertThat(r.values()).isEmpty();
    assertThat(r.display()).isEqualTo("[]");
  }

  @Test
  void read_resultBeforeResultTypeAndUnknownFields_stillDecoded() throws IOException {
    QueryResponse r = read("{\"data\":{\"result\":[{\"value\":[1,\"2\"],\"metric\":{}}],\"stats\":{\"x\":[1,2]},"
        + "\"resultType\":\"vector\"},\"infos\":[\"i\"],\"warnings\":[\"w1\",\"w2\"],\"status\":\"success\"}");
    assertThat(r.values()).containsExactly(2.0);
    assertThat(r.warnings()).containsExactly("w1", "w2");
    assertThat(r.status()).isEqualTo("success");
  }

  @Test
  void read_errorBody_keepsTypeAndText() throws IOException {
    QueryResponse r = read("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter\"}");
    assertThat(r.errorType()).isEqualTo("bad_data");
    assertThat(r.error()).isEqualTo("invalid parameter");
    assertThat(r.hasData()).isFalse();
  }

  @Test
  void read_stringResult_keepsTypeWithoutValues() throws IOException {
    QueryResponse r = read("{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"hello\"]}}");
    assertThat(r.resultType()).isEqualTo("string");
    assertThat(r.values()).isEmpty();
  }

  @Test
  void read_malformedOrWrongShape_throws() {
    assertThatThrownBy(() -> read("{\"status\":")).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> read("")).isInstanceOf(ResponseFormatException.class)
        .hasMessage("unexpected end of JSON input");
    assertThatThrownBy(() -> read("[1]")).isInstanceOf(ResponseFormatException.class);
    assertThatThrownBy(() -> read("{\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1,2]}]}}"))
        .isInstanceOf(ResponseFormatException.class).hasMessageContaining("sample value");
    assertThatThrownBy(() -> read("{\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1,\"x\"]}]}}"))
        .hasMessage("invalid sample value \"x\"");
    assertThatThrownBy(() -> read("{\"status\":1}")).isInstanceOf(ResponseFormatException.class);
  }
}
