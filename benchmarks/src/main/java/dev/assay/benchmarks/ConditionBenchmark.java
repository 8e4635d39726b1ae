/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks;

import com.googlecode.aviator.AviatorEvaluator;
import com.googlecode.aviator.AviatorEvaluatorInstance;
import dev.assay.expr.CompiledCondition;
import dev.assay.expr.ConditionCompiler;
import dev.assay.expr.ExpressionLimits;
import dev.assay.expr.ResultType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.mvel2.MVEL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/** Evaluation only, every expression compiled in {@link #setUp()}; names are {@code <workload>_<engine>}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConditionBenchmark {
  private Object scalar;
  private Object vector;
  private Object range;
  private Object map;
  private CompiledCondition assayA;
  private CompiledCondition assayB;
  private CompiledCondition assayC;
  private CompiledCondition assayD;
  private Predicate<Object> javaA;
  private Predicate<Object> javaB;
  private Predicate<Object> javaC;
  private Predicate<Object> javaD;
  private Expression[] spel;
  private com.googlecode.aviator.Expression[] aviator;
  private Serializable[] mvel;
  private JexlExpression[] jexl;
  private JexlScript jexlC;
  private CelRuntime.Program[] cel;
  private List<Map<String, Object>> env;

  /** Compiles every expression with every engine and checks that each gives the expected answer. */
  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    scalar = Workloads.SCALAR;
    vector = Workloads.VECTOR;
    range = Workloads.RANGE;
    map = Workloads.MAP;
    ConditionCompiler assay = ConditionCompiler.standard();
    assayA = assay.compile(Workloads.A, ResultType.of(scalar));
    assayB = assay.compile(Workloads.B, ResultType.of(vector));
    assayC = assay.compile(Workloads.C, ResultType.of(range));
    assayD = assay.compile(Workloads.D, ResultType.of(map));
    javaA = r -> (Double) r < 0.05;
    javaB = r -> (Double) ((List<?>) r).get(0) >= 0.95;
    javaC = r -> {
      for (Object o : (List<?>) r) {
        if (!((Double) o < 500)) {
          return false;
        }
      }
      return true;
    };
    javaD = r -> {
      Map<?, ?> m = (Map<?, ?>) r;
      return (Double) m.get("a") < 0.02 && (Double) m.get("b") < 0.5 && (Double) m.get("c") == 0.0;
    };
    SpelExpressionParser sp = new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.IMMEDIATE,
        getClass().getClassLoader()));
    spel = new Expression[] {sp.parseExpression("#root < 0.05"), sp.parseExpression("#root[0] >= 0.95"),
      sp.parseExpression("#root.?[#this >= 500].isEmpty()"),
      sp.parseExpression("#root['a'] < 0.02 and #root['b'] < 0.5 and #root['c'] == 0.0")};
    AviatorEvaluatorInstance av = AviatorEvaluator.newInstance();
    aviator = new com.googlecode.aviator.Expression[] {av.compile("result < 0.05"),
      av.compile("result[0] >= 0.95"), av.compile("seq.every(result, lambda(x) -> x < 500 end)"),
      av.compile("a < 0.02 && b < 0.5 && c == 0.0")};
    mvel = new Serializable[] {MVEL.compileExpression("result < 0.05"), MVEL.compileExpression("result[0] >= 0.95"),
      MVEL.compileExpression("($ in result if $ >= 500).size() == 0"),
      MVEL.compileExpression("a < 0.02 && b < 0.5 && c == 0.0")};
    JexlEngine jx = new JexlBuilder().cache(64).strict(true).silent(false).create();
    jexl = new JexlExpression[] {jx.createExpression("result < 0.05"), jx.createExpression("result[0] >= 0.95"),
      null, jx.createExpression("a < 0.02 && b < 0.5 && c == 0.0")};
    jexlC = jx.createScript("for (var x : result) { if (x >= 500) { return false; } } true", "result");
    CelCompiler cc = CelCompilerFactory.standardCelCompilerBuilder()
        .addVar("result", SimpleType.DOUBLE).build();
    CelCompiler cl = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("result", ListType.create(SimpleType.DOUBLE)).build();
    CelCompiler cm = CelCompilerFactory.standardCelCompilerBuilder().addVar("a", SimpleType.DOUBLE)
        .addVar("b", SimpleType.DOUBLE).addVar("c", SimpleType.DOUBLE).build();
    CelRuntime rt = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    cel = new CelRuntime.Program[] {rt.createProgram(cc.compile("result < 0.05").getAst()),
      rt.createProgram(cl.compile("result[0] >= 0.95").getAst()),
      rt.createProgram(cl.compile("result.all(x, x < 500.0)").getAst()),
      rt.createProgram(cm.compile("a < 0.02 && b < 0.5 && c == 0.0").getAst())};
    env = List.of(Map.of("result", scalar), Map.of("result", vector), Map.of("result", range), Workloads.MAP);
    verify();
  }

  private void verify() throws Exception {
    Object[] roots = {scalar, vector, range, map};
    CompiledCondition[] ours = {assayA, assayB, assayC, assayD};
    for (int i = 0; i < 4; i++) {
      check(ours[i].evaluate(roots[i]));
      check(spel[i].getValue(roots[i]));
      check(aviator[i].execute(env.get(i)));
      check(MVEL.executeExpression(mvel[i], env.get(i)));
      check(i == 2 ? jexlC.execute(null, range) : jexl[i].evaluate(new MapContext(env.get(i))));
      check(cel[i].eval(env.get(i)));
    }
  }

  private static void check(Object v) {
    if (!Boolean.TRUE.equals(v)) {
      throw new IllegalStateException("an engine disagrees: " + v);
    }
  }

  @Benchmark public boolean a_java() {
    return javaA.test(scalar);
  }

  @Benchmark public boolean a_assay() {
    return assayA.evaluate(scalar);
  }

  @Benchmark public Object a_spel() {
    return spel[0].getValue(scalar);
  }

  @Benchmark public Object a_aviator() {
    return aviator[0].execute(env.get(0));
  }

  @Benchmark public Object a_mvel() {
    return MVEL.executeExpression(mvel[0], env.get(0));
  }

  @Benchmark public Object a_jexl() {
    return jexl[0].evaluate(new MapContext(env.get(0)));
  }

  @Benchmark public Object a_cel() throws Exception {
    return cel[0].eval(env.get(0));
  }

  @Benchmark public boolean b_java() {
    return javaB.test(vector);
  }

  @Benchmark public boolean b_assay() {
    return assayB.evaluate(vector);
  }

  @Benchmark public Object b_spel() {
    return spel[1].getValue(vector);
  }

  @Benchmark public Object b_aviator() {
    return aviator[1].execute(env.get(1));
  }

  @Benchmark public Object b_mvel() {
    return MVEL.executeExpression(mvel[1], env.get(1));
  }

  @Benchmark public Object b_jexl() {
    return jexl[1].evaluate(new MapContext(env.get(1)));
  }

  @Benchmark public Object b_cel() throws Exception {
    return cel[1].eval(env.get(1));
  }

  @Benchmark public boolean c_java() {
    return javaC.test(range);
  }

  @Benchmark public boolean c_assay() {
    return assayC.evaluate(range);
  }

  @Benchmark public Object c_spel() {
    return spel[2].getValue(range);
  }

  @Benchmark public Object c_aviator() {
    return aviator[2].execute(env.get(2));
  }

  @Benchmark public Object c_mvel() {
    return MVEL.executeExpression(mvel[2], env.get(2));
  }

  @Benchmark public Object c_jexl() {
    return jexlC.execute(null, range);
  }

  @Benchmark public Object c_cel() throws Exception {
    return cel[2].eval(env.get(2));
  }

  @Benchmark public boolean d_java() {
    return javaD.test(map);
  }

  @Benchmark public boolean d_assay() {
    return assayD.evaluate(map);
  }

  @Benchmark public Object d_spel() {
    return spel[3].getValue(map);
  }

  @Benchmark public Object d_aviator() {
    return aviator[3].execute(env.get(3));
  }

  @Benchmark public Object d_mvel() {
    return MVEL.executeExpression(mvel[3], env.get(3));
  }

  @Benchmark public Object d_jexl() {
    return jexl[3].evaluate(new MapContext(env.get(3)));
  }

  @Benchmark public Object d_cel() throws Exception {
    return cel[3].eval(env.get(3));
  }

  /** Compile cost of workload (c) and (d) text with a fresh cache, so nothing is reused. */
  @Benchmark public CompiledCondition compile_assay_c() {
    return ConditionCompiler.withLimits(ExpressionLimits.DEFAULTS, 1).compile(Workloads.C, ResultType.of(range));
  }

  @Benchmark public CompiledCondition compile_assay_d() {
    return ConditionCompiler.withLimits(ExpressionLimits.DEFAULTS, 1).compile(Workloads.D, ResultType.of(map));
  }

  @Benchmark public CelRuntime.Program compile_cel_c() throws Exception {
    CelCompiler cl = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("result", ListType.create(SimpleType.DOUBLE)).build();
    return CelRuntimeFactory.standardCelRuntimeBuilder().build()
        .createProgram(cl.compile("result.all(x, x < 500.0)").getAst());
  }
}
