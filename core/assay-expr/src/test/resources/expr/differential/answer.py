#!/usr/bin/env python3
# Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
"""Answers generated requests with the Go reference evaluator (expr-lang v1.17.8) and writes the cases file.

Usage: answer.py EXPRREF17_BINARY < requests.jsonl > cases.jsonl
Each output line is the request plus "go": {"value": ...} or {"error": "..."} or {"unencodable": true} (Go could
not print the value as JSON, e.g. a map with non-string keys). A marker request after each case keeps the
evaluator's output aligned with the input, since it prints nothing for an unencodable value.
The evaluator runs three times; a case whose answers differ between runs depends on Go's random map iteration
order (keys(), values(), toPairs() of a map with several entries) and is left out, since no implementation can
reproduce it.
"""
import json
import subprocess
import sys

MARK = {"expr": "\"--mark--\"", "env": {}, "floats": False}


def main():
    requests = [json.loads(line) for line in sys.stdin if line.strip()]
    feed = "".join(json.dumps(r) + "\n" + json.dumps(MARK) + "\n" for r in requests)
    runs = [answer_all(requests, feed) for _ in range(3)]
    for k, r in enumerate(requests):
        if runs[0][k] == runs[1][k] == runs[2][k]:
            r["go"] = runs[0][k]
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


def answer_all(requests, feed):
    out = subprocess.run([sys.argv[1]], input=feed, capture_output=True, text=True, check=True).stdout
    answers = [json.loads(line) for line in out.splitlines() if line.strip()]
    result = []
    i = 0
    for _ in requests:
        if answers[i] == {"value": "--mark--", "error": None}:
            result.append({"unencodable": True})
            i += 1
        else:
            a = answers[i]
            result.append({"error": a["error"]} if a["error"] is not None else {"value": a["value"]})
            i += 2
    return result


if __name__ == "__main__":
    main()
