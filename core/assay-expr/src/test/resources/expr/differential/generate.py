#!/usr/bin/env python3
# Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
"""Random conditions for the differential test of dev.assay.expr against expr-lang v1.17.8 (Argo's version).

Writes one JSON request per line for the reference evaluator (see README.md in this folder):
  {"expr": "...", "env": {"result": ...}, "floats": true|false}
Each result shape (scalar, vector, web map, web array, nil, string, bool, NaN/Inf) gets conditions built by a
small typed grammar over every construct of the language; some operands are deliberately of the wrong type so
that compile and run errors are covered too.

Usage: generate.py SEED COUNT > requests.jsonl
"""
import json
import random
import sys

SHAPES = [
    ("scalar", 0.01, True), ("scalar", 0.5, True), ("scalar", 3.0, True), ("scalar", -2.5, True),
    ("scalar", 0.0, True), ("scalar", 100.0, True), ("scalar", "NaN", True), ("scalar", "+Inf", True),
    ("scalar", "-Inf", True), ("scalar", 0.049999, True), ("scalar", 1e21, True),
    ("vector", [0.97, 0.96, 0.99], True), ("vector", [], True), ("vector", [0.5], True),
    ("vector", [1.0, 2.0, 3.0, 2.0], True), ("vector", ["NaN", 1.0], True), ("vector", ["+Inf", -1.0], True),
    ("map", {"status": "up", "p99": 0.3, "count": 3, "ok": True, "nil": None, "tags": ["a", "b", "a"],
             "items": [{"healthy": True, "v": 1}, {"healthy": False, "v": 2.5}], "nested": {"x": 1, "y": "z"}},
     False),
    ("map", {"status": "down", "p99": "NaN", "count": 0, "ok": False, "nil": None, "tags": [],
             "items": [], "nested": {}}, False),
    ("map", {}, False),
    ("array", [1, 2, 3], False), ("array", [], False), ("array", [0.5, 1.5, "NaN"], False),
    ("array", [{"healthy": True, "v": 1}, {"healthy": True, "v": 3}], False),
    ("array", ["a", "b", "c"], False), ("array", [1, "a", True, None], False),
    ("nil", None, False), ("nil", None, True),
    ("string", "0.5", False), ("string", "up", False), ("string", "", False),
    ("bool", True, False), ("bool", False, False),
]

INTS = ["0", "1", "2", "3", "-1", "10", "100", "7", "1_000", "0x10", "0o7", "0b101"]
FLOATS = ["0.5", "1.5", "0.05", "1e3", ".5", "2.0", "0.1", "1e-9", "3.75", "0.49999999999999994", "1e300"]
STRINGS = ['"up"', '"a"', '"abc"', '""', '"0.5"', "'x'", '"Up"', '"a,b,c"', '"  pad "', '"héllo"', '"1"',
           '`raw\\n`', '"\\u00e9"', '"{"']
REGEXES = ['"^u"', '"p$"', '"[a-z]+"', '"a{2}"', '"^\\\\d+$"', '"(?i)UP"', '"."', '"{"', '"x|y|a"', '"a*"',
           '"[0-9]+\\\\.[0-9]"', '"(a"', '"\\\\pL"', '"a{,2}"', '"(?P<n>a)"', '"\\\\Z"']
TYPE_NAMES = ['"int"', '"float"', '"string"', '"array"', '"map"', '"nil"', '"bool"']
PAIRS = ['[["a", 1], ["b", 2]]', '[]', '[[1, 2]]', 'toPairs(result)']
GROUP_KEYS = ['#', '# > 1', 'string(#)', 'type(#)']
ORDERS = ['"asc"', '"desc"']
SEPS = ['","', '""']
SEPS_A = SEPS + ['"a"']
SEPS_B = SEPS + ['"b"']
ORDERS_UP = ['"asc"', '"desc"', '"up"']
B64 = ['"dXA="', '"!!"', '"YQ=="']
STRING_PIPES = ['upper()', 'lower()', 'trim()', 'repeat(2)', 'split(",") | join(";")']
DURATIONS = ['"1h"', '"90m"', '"1.5s"', '"-2m"', '"1h30m"', '"100ms"', '"x"', '"1d"', '"0"', '"2h45m"',
             '"1us"', '"3m"', '"1.5h"', '""']
DATES = ['"2024-01-02"', '"2024-01-02T03:04:05Z"', '"2024-01-02 03:04:05"', '"bad"']
DUR_METHODS = ["Hours()", "Minutes()", "Seconds()", "Milliseconds()", "Microseconds()", "Nanoseconds()",
               "String()", "Round(duration(\"1h\"))", "Truncate(duration(\"1m\"))", "Abs()"]
TIME_METHODS = ["Year()", "Month()", "Day()", "Hour()", "Minute()", "Second()", "Unix()", "YearDay()",
                "Weekday()", "String()", "Format(\"2006-01-02\")", "IsZero()", "UnixMilli()",
                "Add(duration(\"1h\")).Hour()", "Sub(date(\"2024-01-01\")).Hours()",
                "After(date(\"2020-01-01\"))", "Before(date(\"2020-01-01\"))", "Equal(date(\"2024-01-02\"))"]


class Gen:
    def __init__(self, rnd, shape, value):
        self.r = rnd
        self.shape = shape
        self.value = value
        self.closure = 0
        self.closure_elem = []
        self.lets = []

    def pick(self, xs):
        return self.r.choice(xs)

    def chance(self, p):
        return self.r.random() < p

    # ---- leaves that read result, per shape ----
    def result_leaf(self, t):
        s, v = self.shape, self.value
        opts = {"b": [], "n": [], "s": [], "a": [], "m": [], "x": ["result", "$env.result", "$env[\"result\"]"]}
        if s == "scalar":
            opts["n"] += ["result", "result", "$env.result"]
        elif s == "vector":
            opts["a"] += ["result", "result"]
            opts["n"] += ["result[0]", "result[-1]", "result[1]", "first(result)", "last(result)", "result?.[0]"]
        elif s == "map":
            opts["m"] += ["result", "result.nested"]
            opts["n"] += ["result.p99", "result.count", "result[\"p99\"]", "result?.p99", "result.nested.x",
                          "result.items[0].v", "result.missing ?? 0"]
            opts["s"] += ["result.status", "result[\"status\"]", "result?.status", "result.nested.y"]
            opts["a"] += ["result.items", "result.tags", "keys(result)", "values(result)"]
            opts["b"] += ["result.ok", "result.items[0].healthy", "result?.ok"]
            opts["x"] += ["result.nil", "result.missing", "result?.missing?.deeper"]
        elif s == "array":
            opts["a"] += ["result", "result", "result[0:2]"]
            opts["x"] += ["result[0]", "result[-1]", "first(result)", "result?.[0]", "result[0].v"]
            if v and all(isinstance(e, (int, float)) for e in v):
                opts["n"] += ["result[0]", "last(result)"]
            if v and all(isinstance(e, dict) for e in v):
                opts["b"] += ["result[0].healthy", "result[0]?.healthy"]
                opts["n"] += ["result[0].v", "result[1].v"]
            if v and all(isinstance(e, str) for e in v):
                opts["s"] += ["result[0]", "result[1]"]
        elif s == "nil":
            opts["x"] += ["result", "result?.status", "result?.[0]"]
        elif s == "string":
            opts["s"] += ["result", "result"]
        elif s == "bool":
            opts["b"] += ["result", "result"]
        return opts.get(t, [])

    def leaf(self, t):
        rl = self.result_leaf(t)
        if rl and self.chance(0.55):
            return self.pick(rl)
        if self.closure and self.chance(0.4):
            et = self.closure_elem[-1]
            if t == et or et == "x" or self.chance(0.2):
                return self.pick(["#", "#", "." if False else "#"])
            if t == "n" and self.chance(0.5):
                return "#index"
        if self.lets and self.chance(0.3):
            name, lt = self.pick(self.lets)
            if lt == t or self.chance(0.1):
                return name
        if t == "b":
            return self.pick(["true", "false"])
        if t == "n":
            return self.pick(INTS + FLOATS)
        if t == "s":
            return self.pick(STRINGS)
        if t == "a":
            return self.pick(["[1, 2, 3]", "[]", "[0.5, 1]", '["a", "b"]', "1..3", "[1, 'a', nil]",
                              "[[1, 2], [3]]", "[{\"v\": 1}, {\"v\": 2}]", "[3, 1, 2]", "[true, false]"])
        if t == "m":
            return self.pick(['{"a": 1, "b": "x"}', "{}", "{a: 1}", '{"p99": 0.5, "ok": true}', "{(\"k\" + \"1\"): 2}"])
        # any
        return self.leaf(self.pick(["b", "n", "s", "a", "m"])) if self.chance(0.8) else "nil"

    def wrong(self, t):
        """Occasionally swap the wanted type to produce type errors."""
        if self.chance(0.03):
            return self.pick([x for x in "bnsamx" if x != t])
        return t

    def gen(self, t, d):
        t = self.wrong(t)
        if d <= 0 or self.chance(0.25):
            return self.leaf(t)
        f = getattr(self, "gen_" + t)
        return f(d - 1)

    def closure_body(self, elem, t, d):
        self.closure += 1
        self.closure_elem.append(elem)
        try:
            body = self.gen(t, d)
            if self.chance(0.1):
                body = self.pick(["#", ".v", ".healthy", "# > 1", "#index > 0", "#.v"]) if t == "b" else body
        finally:
            self.closure -= 1
            self.closure_elem.pop()
        return "{" + body + "}" if self.chance(0.8) else body

    def elem_of(self, arr):
        if arr == "result" and self.shape == "vector":
            return "n"
        if arr.startswith("[1") or arr.startswith("1..") or arr.startswith("[3") or arr.startswith("[0.5"):
            return "n"
        if arr.startswith('["a'):
            return "s"
        return "x"

    def gen_b(self, d):
        g = self.gen
        k = self.r.randrange(30)
        if k == 0:
            return f"{g('n', d)} {self.pick(['<', '<=', '>', '>=', '==', '!='])} {g('n', d)}"
        if k == 1:
            return f"{g('s', d)} {self.pick(['<', '>', '==', '!=', '<='])} {g('s', d)}"
        if k == 2:
            return f"{g('b', d)} {self.pick(['&&', '||', 'and', 'or'])} {g('b', d)}"
        if k == 3:
            return f"{self.pick(['!', 'not '])}{self.paren(g('b', d))}"
        if k == 4:
            return f"{g('x', d)} {self.pick(['in', 'not in'])} {g('a', d)}"
        if k == 5:
            return f"{g('s', d)} {self.pick(['in', 'not in'])} {g('m', d)}"
        if k == 6:
            return f"{g('s', d)} {self.pick(['matches', 'not matches'])} {self.pick(REGEXES)}"
        if k == 7:
            return f"{g('s', d)} {self.pick(['contains', 'startsWith', 'endsWith', 'not contains'])} {g('s', d)}"
        if k == 8:
            arr = g("a", d)
            fn = self.pick(["all", "any", "none", "one"])
            return f"{fn}({arr}, {self.closure_body(self.elem_of(arr), 'b', d)})"
        if k == 9:
            a, b, c = g("n", d), g("n", d), g("n", d)
            return f"{a} {self.pick(['<', '<='])} {b} {self.pick(['<', '<=', '>'])} {c}"
        if k == 10:
            return f"{self.pick(['isNaN', 'isInf'])}({g('n', d)})"
        if k == 11:
            return self.pick(["isNil(result)", "isNil(nil)", "default(result, 1) != nil", "result == nil",
                              "result != nil", "nil == nil", "$env.result == nil"])
        if k == 12:
            return f"{self.paren(g('b', d))} ? {g('b', d)} : {g('b', d)}"
        if k == 13:
            return self.maybe_paren(f"if {g('b', d)} {{ {g('b', d)} }} else {{ {g('b', d)} }}")
        if k == 14:
            return self.let_expr("b", d)
        if k == 15:
            return self.maybe_paren(f"{g('x', d)} ?? {g('b', d)}")
        if k == 16:
            arr = g("a", d)
            fn = self.pick(["all", "any", "none", "one", "filter", "count", "find", "findIndex"])
            body = self.closure_body(self.elem_of(arr), "b", d)
            if fn in ("filter",):
                return f"len({arr} | {fn}({body})) {self.pick(['>', '==', '<'])} {self.pick(INTS[:4])}"
            if fn in ("count", "findIndex"):
                return f"{arr} | {fn}({body}) {self.pick(['>', '==', '<'])} {self.pick(INTS[:4])}"
            if fn == "find":
                return f"({arr} | {fn}({body})) == nil"
            return f"{arr} | {fn}({body})"
        if k == 17:
            return f"{g('x', d)} {self.pick(['==', '!='])} {g('x', d)}"
        if k == 18:
            return f"duration({self.pick(DURATIONS)}) {self.pick(['<', '>', '=='])} duration({self.pick(DURATIONS)})"
        if k == 19:
            return f"date({self.pick(DATES)}).{self.pick(TIME_METHODS)} {self.pick(['==', '>', '!='])} {self.pick(INTS[:6])}"
        if k == 20:
            return f"duration({self.pick(DURATIONS)}).{self.pick(DUR_METHODS)} {self.pick(['>', '==', '<'])} {g('n', d)}"
        if k == 21:
            return f"{self.pick(['hasPrefix', 'hasSuffix'])}({g('s', d)}, {g('s', d)})"
        if k == 22:
            return f"{g('b', d)} {self.pick(['==', '!='])} {g('b', d)}"
        if k == 23:
            return f"{g('a', d)} {self.pick(['==', '!='])} {g('a', d)}"
        if k == 24:
            return f"type({g('x', d)}) == {self.pick(TYPE_NAMES)}"
        if k == 25:
            return f"{g('n', d)} {self.pick(['==', '<'])} {g('n', d)} ?? {g('n', d)}"
        if k == 26:
            return f"b{self.pick(STRINGS[:4])} == b{self.pick(STRINGS[:4])}" if self.chance(0.5) else \
                f"len(b{self.pick(STRINGS[:4])}) > 0"
        if k == 27:
            return f"{g('x', d)}?.{self.pick(['status', 'ok', 'v'])} == {g('x', d)}"
        if k == 28:
            return f"{g('n', d)} in {g('n', d)}..{g('n', d)}"
        return f"{g('m', d)}.{self.pick(['a', 'ok', 'p99', 'status'])} {self.pick(['==', '!='])} {g('x', d)}"

    def let_expr(self, t, d):
        name = self.pick(["x", "y", "v", "total"])
        vt = self.pick("nsba")
        val = self.gen(vt, d)
        self.lets.append((name, vt))
        try:
            body = self.gen(t, d)
        finally:
            self.lets.pop()
        text = f"let {name} = {val}; {body}"
        return text if self.chance(0.15) else "(" + text + ")"

    def maybe_paren(self, e):
        return e if self.chance(0.2) else "(" + e + ")"

    def paren(self, e):
        return e if e.replace("_", "").replace(".", "").isalnum() else "(" + e + ")"

    def gen_n(self, d):
        g = self.gen
        k = self.r.randrange(26)
        if k < 3:
            return f"{self.paren(g('n', d))} {self.pick(['+', '-', '*', '/', '%', '**', '^'])} {self.paren(g('n', d))}"
        if k == 3:
            return f"-{self.paren(g('n', d))}"
        if k == 4:
            return f"{self.pick(['abs', 'ceil', 'floor', 'round', 'int', 'float'])}({g('n', d)})"
        if k == 5:
            return f"len({g(self.pick('asm'), d)})"
        if k == 6:
            arr = g("a", d)
            return f"count({arr}, {self.closure_body(self.elem_of(arr), 'b', d)})"
        if k == 7:
            arr = g("a", d)
            if self.chance(0.5):
                return f"sum({arr})"
            return f"sum({arr}, {self.closure_body(self.elem_of(arr), 'n', d)})"
        if k == 8:
            fn = self.pick(["max", "min", "mean", "median"])
            if self.chance(0.5):
                return f"{fn}({g('a', d)})"
            return f"{fn}({g('n', d)}, {g('n', d)})"
        if k == 9:
            arr = g("a", d)
            fn = self.pick(["findIndex", "findLastIndex"])
            return f"{fn}({arr}, {self.closure_body(self.elem_of(arr), 'b', d)})"
        if k == 10:
            return f"{self.pick(['indexOf', 'lastIndexOf'])}({g('s', d)}, {g('s', d)})"
        if k == 11:
            arr = g("a", d)
            self.closure += 1
            self.closure_elem.append(self.elem_of(arr))
            body = self.pick(["#acc + #", "#acc * 2", "# + #acc", "#index + #acc", "max(#acc, #)"])
            self.closure -= 1
            self.closure_elem.pop()
            init = f", {self.pick(INTS[:4])}" if self.chance(0.6) else ""
            return f"reduce({arr}, {body}{init})"
        if k == 12:
            return f"{g('a', d)}[{self.pick(['0', '1', '-1', '5', '1.0', 'len(result)'])}]"
        if k == 13:
            return f"duration({self.pick(DURATIONS)}).{self.pick(DUR_METHODS[:6])}"
        if k == 14:
            fn = self.pick(["bitand", "bitor", "bitxor", "bitnand", "bitshl", "bitshr", "bitushr"])
            return f"{fn}({g('n', d)}, {g('n', d)})" if self.chance(0.8) else f"bitnot({g('n', d)})"
        if k == 15:
            return self.maybe_paren(f"{g('x', d)} ?? {g('n', d)}")
        if k == 16:
            return self.let_expr("n", d)
        if k == 17:
            return f"{self.pick(['asInt', 'asFloat'])}({g(self.pick('nsx'), d)})"
        if k == 18:
            return f"get({g('a', d)}, {self.pick(INTS[:5])}) ?? {self.pick(INTS[:3])}"
        if k == 19:
            return f"{g('a', d)} | {self.pick(['len()', 'sum()', 'max()', 'min()', 'mean()', 'median()', 'first()', 'last()', 'count(# > 1)', 'findIndex(# == 2)'])}"
        if k == 20:
            return f"{self.paren(g('b', d))} ? {g('n', d)} : {g('n', d)}"
        if k == 21:
            return self.maybe_paren(f"if {g('b', d)} {{ {g('n', d)} }} else {{ {g('n', d)} }}")
        if k == 22:
            return f"{g('x', d)}.{self.pick(['p99', 'v', 'count', 'x'])}"
        if k == 23:
            return f"int({g('s', d)})" if self.chance(0.5) else f"float({g('s', d)})"
        if k == 24:
            return f"date({self.pick(DATES)}).{self.pick(TIME_METHODS[:9])}"
        return f"{self.pick(INTS)} {self.pick(['+', '*', '-'])} {self.pick(FLOATS)}"

    def gen_s(self, d):
        g = self.gen
        k = self.r.randrange(22)
        if k < 3:
            return f"{g('s', d)} + {g('s', d)}"
        if k == 3:
            return f"{self.pick(['upper', 'lower', 'trim', 'toBase64'])}({g('s', d)})"
        if k == 4:
            return f"string({g('x', d)})"
        if k == 5:
            return f"toJSON({g('x', d)})"
        if k == 6:
            return f"type({g('x', d)})"
        if k == 7:
            return f"join({g('a', d)}{', ' + self.pick(STRINGS[:4]) if self.chance(0.6) else ''})"
        if k == 8:
            return f"replace({g('s', d)}, {self.pick(STRINGS)}, {self.pick(STRINGS)})"
        if k == 9:
            return f"repeat({g('s', d)}, {self.pick(['0', '1', '3', '-1'])})"
        if k == 10:
            return f"{g('s', d)}[{self.pick(['0', '1', '-1', ''])}:{self.pick(['1', '2', '-1', ''])}]"
        if k == 11:
            return f"{g('s', d)}[{self.pick(['0', '1', '-1', '10'])}]"
        if k == 12:
            return f"{self.pick(['trimPrefix', 'trimSuffix', 'trim'])}({g('s', d)}, {self.pick(STRINGS)})"
        if k == 13:
            return f"fromBase64({self.pick(B64)})"
        if k == 14:
            return f"split({g('s', d)}, {self.pick(SEPS_B)})[{self.pick(['0', '1', '-1'])}]"
        if k == 15:
            return f"duration({self.pick(DURATIONS)}).String()"
        if k == 16:
            return self.maybe_paren(f"{g('x', d)} ?? {g('s', d)}")
        if k == 17:
            return self.let_expr("s", d)
        if k == 18:
            return f"{g('s', d)} | {self.pick(STRING_PIPES)}"
        if k == 19:
            return f"string({g('n', d)})"
        if k == 20:
            return f"date({self.pick(DATES)}).Format(\"2006-01-02T15:04\")"
        return f"{self.paren(g('b', d))} ? {g('s', d)} : {g('s', d)}"

    def gen_a(self, d):
        g = self.gen
        k = self.r.randrange(22)
        if k < 3:
            arr = g("a", d)
            fn = self.pick(["filter", "map", "sortBy"])
            t = "b" if fn == "filter" else self.pick("nsx")
            body = self.closure_body(self.elem_of(arr), t, d)
            if fn == "sortBy" and self.chance(0.3):
                return f"sortBy({arr}, {body}, {self.pick(ORDERS_UP)})"
            return f"{fn}({arr}, {body})"
        if k == 3:
            return f"sort({g('a', d)}{(', ' + self.pick(ORDERS)) if self.chance(0.3) else ''})"
        if k == 4:
            return f"{self.pick(['reverse', 'uniq', 'flatten'])}({g('a', d)})"
        if k == 5:
            return f"concat({g('a', d)}, {g('a', d)})"
        if k == 6:
            return f"take({g('a', d)}, {self.pick(['0', '1', '2', '5', '-1'])})"
        if k == 7:
            return f"{self.pick(['keys', 'values', 'toPairs'])}({g('m', d)})"
        if k == 8:
            return f"split({g('s', d)}, {self.pick(SEPS_A)})"
        if k == 9:
            return f"{g('a', d)}[{self.pick(['0', '1', '-1', '', '-2'])}:{self.pick(['1', '2', '-1', '', '9'])}]"
        if k == 10:
            return f"{g('n', d)}..{g('n', d)}"
        if k == 11:
            return f"[{g('x', d)}, {g('x', d)}]"
        if k == 12:
            return f"{g('a', d)} | {self.pick(['filter(# != nil)', 'map(# ?? 0)', 'sort()', 'reverse()', 'uniq()', 'take(2)'])}"
        if k == 13:
            return self.maybe_paren(f"{g('x', d)} ?? {g('a', d)}")
        if k == 14:
            return self.let_expr("a", d)
        if k == 15:
            return f"splitAfter({g('s', d)}, \",\")"
        if k == 16:
            return f"{self.paren(g('b', d))} ? {g('a', d)} : {g('a', d)}"
        if k == 17:
            arr = g("a", d)
            return f"map({arr}, {self.closure_body(self.elem_of(arr), 'n', d)})"
        if k == 18:
            return f"values(groupBy({g('a', d)}, #))"
        if k == 19:
            return "fromJSON(" + self.pick(['"[1, 2]"', '"[\\"a\\"]"', '"[]"', '"x"']) + ")"
        if k == 20:
            return f"map({g('a', d)}, #index)"
        return f"flatten([{g('a', d)}, {g('a', d)}])"

    def gen_m(self, d):
        g = self.gen
        k = self.r.randrange(8)
        if k == 0:
            return f"{{a: {g('x', d)}, b: {g('n', d)}}}"
        if k == 1:
            return "fromPairs(" + self.pick(PAIRS) + ")"
        if k == 2:
            return f"groupBy({g('a', d)}, {self.pick(GROUP_KEYS)})"
        if k == 3:
            return "fromJSON(" + self.pick(['"{\\"a\\": 1}"', '"{}"', '"{\\"p99\\": 0.5}"', '"nope"']) + ")"
        if k == 4:
            return self.maybe_paren(f"{g('x', d)} ?? {g('m', d)}")
        if k == 5:
            return self.let_expr("m", d)
        return f"{{\"p99\": {g('n', d)}, \"status\": {g('s', d)}}}"

    def gen_x(self, d):
        t = self.pick("bnsam")
        if self.chance(0.2):
            return self.pick(["nil", "result", "get(result, \"status\")", "get(result, 0)", "result?.items?.[0]",
                              "first([])", "last(nil)", "findIndex([1, 2], # > 5)", "find([1, 2], # > 5)"])
        return self.gen(t, d)


def main():
    seed = int(sys.argv[1])
    count = int(sys.argv[2])
    rnd = random.Random(seed)
    out = sys.stdout
    seen = set()
    made = 0
    while made < count:
        shape, value, floats = rnd.choice(SHAPES)
        g = Gen(rnd, shape, value)
        root = "b" if rnd.random() < 0.82 else rnd.choice("nsamx")
        expr = getattr(g, "gen_" + root)(rnd.choice([1, 2, 2, 3, 3]))
        key = (expr, json.dumps(value), floats)
        if key in seen or len(expr) > 400:
            continue
        seen.add(key)
        out.write(json.dumps({"expr": expr, "env": {"result": value}, "floats": floats}) + "\n")
        made += 1


if __name__ == "__main__":
    main()
