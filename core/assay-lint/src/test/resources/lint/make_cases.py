#!/usr/bin/env python3
"""Writes the broken-template cases of TemplateLinterCasesTest.

Each case is a template (or Rollout plus templates) with '#!<rule>' at the end of each line where a finding is
expected ('#!<rule>@<column>' to give the column explicitly). This script removes the markers and writes '# expect: <rule> <line>:<column>' headers, the column being
the first character of the line that is neither a space nor a list dash (where the field's key starts).
Run from this directory: python3 make_cases.py
"""
import os, re

BASE = '''apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: t
spec:
  args:
  - name: service
  metrics:
  - name: error-rate
    interval: 1m
    count: 5
    successCondition: len(result) > 0 && result[0] < 0.05
    failureCondition: len(result) > 0 && result[0] >= 0.05
    provider:
      prometheus:
        address: http://prometheus:9090
        query: sum(rate(http_requests_total{service="{{args.service}}",code=~"5.."}[2m])) or vector(0)
'''
RATIO = 'sum(rate(errors{service="{{args.service}}"}[2m])) / sum(rate(requests{service="{{args.service}}"}[2m]))'

def sub(old, new, base=BASE):
    assert old in base, old
    return base.replace(old, new, 1)

CASES = {}
# The head of the web-metric cases, up to the metric's name.
WEB = '''apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: t
spec:
  metrics:
  - name: health
'''
def case(name, text):
    assert name not in CASES
    CASES[name] = text

# --- commonly misspelled keys ---------------------------------------------------------------------------------
case('typo-sucessCondition', sub('    successCondition:', '    sucessCondition:'.ljust(0)).replace(
    '    sucessCondition: len(result) > 0 && result[0] < 0.05', '    sucessCondition: len(result) > 0 && result[0] < 0.05 #!unknown-field'))
case('typo-successCondtion', sub('    successCondition: len(result) > 0 && result[0] < 0.05',
    '    successCondtion: len(result) > 0 && result[0] < 0.05 #!unknown-field'))
case('typo-failureCondtion', sub('    failureCondition: len(result) > 0 && result[0] >= 0.05',
    '    failureCondtion: len(result) > 0 && result[0] >= 0.05 #!unknown-field'))
case('typo-failurCondition', sub('    failureCondition: len(result) > 0 && result[0] >= 0.05',
    '    failurCondition: len(result) > 0 && result[0] >= 0.05 #!unknown-field'))
case('typo-intervall', sub('    interval: 1m', '    intervall: 1m #!unknown-field\n    interval: 1m'))
case('typo-initalDelay', sub('    interval: 1m', '    interval: 1m\n    initalDelay: 30s #!unknown-field'))
case('typo-failureLimt', sub('    count: 5', '    count: 5\n    failureLimt: 1 #!unknown-field'))
case('typo-inconclusiveLimt', sub('    count: 5', '    count: 5\n    inconclusiveLimt: 1 #!unknown-field'))
case('typo-consecutiveErrorLimt', sub('    count: 5', '    count: 5\n    consecutiveErrorLimt: 2 #!unknown-field'))
case('typo-cout', sub('    count: 5', '    cout: 5 #!unknown-field'))
case('typo-promethues', sub('      prometheus:', '      promethues: #!unknown-field')
     )
case('typo-querry', sub('        query: sum', '        querry: sum').replace('        querry:', '        querry:', 1)
     .replace('[2m])) or vector(0)\n', '[2m])) or vector(0) #!unknown-field\n'))
case('typo-adress', sub('        address: http', '        adress: http').replace('adress: http://prometheus:9090',
     'adress: http://prometheus:9090 #!unknown-field'))
case('typo-arg-vaule', sub('  - name: service', '  - name: service\n    vaule: checkout #!unknown-field'))
case('typo-measurmentRetention', sub('  metrics:', '  measurmentRetention: #!unknown-field\n  - metricName: error-rate\n    limit: 5\n  metrics:'))
case('typo-dryrun', sub('  metrics:', '  dryrun: #!unknown-field\n  - metricName: error-rate\n  metrics:'))
case('typo-web-jsonpath', WEB + '''    successCondition: result == true
    provider:
      web:
        url: https://example.com/health
        jsonpath: "{$.ok}" #!unknown-field
''')
case('typo-secretKeyref', sub('  - name: service', '  - name: service\n  - name: token\n    valueFrom:\n      secretKeyref: #!unknown-field\n        name: s\n        key: k'))

# --- wrong types ----------------------------------------------------------------------------------------------
case('type-count-list', sub('    count: 5', '    count: [5] #!invalid-manifest'))
case('type-interval-map', sub('    interval: 1m', '    interval: {minutes: 1} #!invalid-manifest'))
case('type-metrics-string', '''apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: t
spec:
  metrics: error-rate #!invalid-manifest
''')
case('type-condition-list', sub('    successCondition: len(result) > 0 && result[0] < 0.05',
     '    successCondition: [len(result) > 0] #!invalid-manifest'))
case('type-yaml-syntax', sub('    interval: 1m', '    interval: @1m #!yaml-syntax@13'))

# --- Argo's validation ----------------------------------------------------------------------------------------
case('argo-count-without-interval', sub('    interval: 1m\n', '').replace('  - name: error-rate',
     '  - name: error-rate #!argo-validation'))
case('argo-bad-interval', sub('    interval: 1m', '    interval: 1 minute #!argo-validation'))
case('argo-failureLimit-negative', sub('    count: 5', '    count: 5\n    failureLimit: -2 #!argo-validation'))
case('argo-duplicate-name', BASE + '''  - name: error-rate #!argo-validation
    provider:
      prometheus:
        address: http://prometheus:9090
        query: up
''')
case('argo-no-provider', sub('''    provider:
      prometheus:
        address: http://prometheus:9090
        query: sum(rate(http_requests_total{service="{{args.service}}",code=~"5.."}[2m])) or vector(0)
''', '    provider: {} #!argo-validation\n'))
case('argo-count-below-limits', sub('    count: 5', '    count: 2 #!argo-validation\n    failureLimit: 3'))

# --- conditions against the provider's result -----------------------------------------------------------------
case('type-default-on-vector', sub('    successCondition: len(result) > 0 && result[0] < 0.05',
     '    successCondition: default(result[0], 1) > 0.95 #!condition-type'))
case('type-vector-compared', sub('    successCondition: len(result) > 0 && result[0] < 0.05',
     '    successCondition: result < 0.05 #!condition-type'))
case('type-field-on-scalar', sub('        query: sum', '        query: scalar(sum').replace('or vector(0)', 'or vector(0))')
     .replace('    successCondition: len(result) > 0 && result[0] < 0.05', '    successCondition: result.foo < 0.05 #!condition-type')
     .replace('    failureCondition: len(result) > 0 && result[0] >= 0.05', '    failureCondition: result >= 0.05'))
case('type-index-on-scalar', sub('        query: sum', '        query: scalar(sum').replace('or vector(0)', 'or vector(0))')
     .replace('    successCondition: len(result) > 0 && result[0] < 0.05', '    successCondition: result[0] < 0.05 #!condition-type')
     .replace('    failureCondition: len(result) > 0 && result[0] >= 0.05', '    failureCondition: result >= 0.05'))
case('syntax-condition', sub('    failureCondition: len(result) > 0 && result[0] >= 0.05',
     '    failureCondition: len(result) > 0 && result[0] >= #!condition-syntax'))
case('type-range-query-scalar-compare', sub('        query: sum', '        rangeQuery:\n          start: now() - duration("5m")\n          end: now()\n          step: 1m\n        query: sum')
     .replace('    failureCondition: len(result) > 0 && result[0] >= 0.05', '    failureCondition: result >= 0.05 #!condition-type'))
case('job-condition-ignored', '''apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: t
spec:
  metrics:
  - name: smoke
    successCondition: result == "ok" #!condition-ignored
    provider:
      job:
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: smoke
                image: curlimages/curl
                args: [https://example.com]
''')

# --- pitfalls -------------------------------------------------------------------------------------------------
case('pitfall-unguarded-index', sub('or vector(0)', '')
     .replace('    successCondition: len(result) > 0 && result[0] < 0.05', '    successCondition: result[0] < 0.05 #!unguarded-index')
     .replace('    failureCondition: len(result) > 0 && result[0] >= 0.05', '    failureCondition: result[0] >= 0.05'))
case('pitfall-nan-ratio-fails', sub('sum(rate(http_requests_total{service="{{args.service}}",code=~"5.."}[2m])) or vector(0)', RATIO)
     .replace('    successCondition: len(result) > 0 && result[0] < 0.05', '    successCondition: len(result) > 0 && result[0] < 0.05 #!nan-ratio')
     .replace('    failureCondition: len(result) > 0 && result[0] >= 0.05\n', ''))
case('pitfall-nan-ratio-passes', sub('sum(rate(http_requests_total{service="{{args.service}}",code=~"5.."}[2m])) or vector(0)', RATIO)
     .replace('    successCondition: len(result) > 0 && result[0] < 0.05\n', '')
     .replace('    failureCondition: len(result) > 0 && result[0] >= 0.05', '    failureCondition: len(result) > 0 && result[0] >= 0.05 #!nan-ratio'))
case('pitfall-overlap', sub('    failureCondition: len(result) > 0 && result[0] >= 0.05',
     '    failureCondition: len(result) > 0 && result[0] >= 0.01 #!conditions-overlap'))
case('pitfall-gap', sub('    successCondition: len(result) > 0 && result[0] < 0.05',
     '    successCondition: len(result) > 0 && result[0] < 0.01 #!conditions-gap'))
case('pitfall-count-limits', sub('    count: 5', '    count: 3\n    failureLimit: 3 #!count-limits'))
case('pitfall-plain-secret-arg', sub('  - name: service', '  - name: service\n  - name: api-token\n    value: s3cr3t #!plain-secret'))
case('pitfall-plain-secret-header', WEB + '''    successCondition: result.ok == true
    provider:
      web:
        url: https://example.com/health
        headers:
        - key: Authorization
          value: Bearer abc123 #!plain-secret
        jsonPath: "{$}"
''')
case('pitfall-plain-secret-oauth2', sub('        address: http://prometheus:9090',
     '        address: http://prometheus:9090\n        authentication:\n          oauth2:\n            tokenUrl: https://auth.example.com/token\n            clientId: assay\n            clientSecret: hunter2 #!plain-secret'))
case('pitfall-plain-secret-url', WEB + '''    successCondition: result.ok == true
    provider:
      web:
        url: https://admin:hunter2@example.com/health #!plain-secret
        jsonPath: "{$}"
''')
case('pitfall-undeclared-arg', sub('code=~"5.."', 'code=~"5..",namespace="{{args.namespace}}"')
     .replace('[2m])) or vector(0)\n', '[2m])) or vector(0) #!undeclared-arg\n'))

# --- Rollout reference checks ---------------------------------------------------------------------------------
ROLLOUT = '''apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: checkout
  labels:
    app: checkout
spec:
  selector:
    matchLabels:
      app: checkout
  template:
    metadata:
      labels:
        app: checkout
    spec:
      containers:
      - name: checkout
        image: checkout:2
  strategy:
    canary:
      steps:
      - setWeight: 10
      - analysis:
          templates:
          - templateName: t
          args:
          - name: service
            value: checkout
---
'''
case('rollout-indefinite-metric', (ROLLOUT + sub('    count: 5\n', '')).replace('          - templateName: t', '          - templateName: t #!indefinite-metric'))
case('rollout-missing-template', (ROLLOUT + BASE).replace('          - templateName: t', '          - templateName: error-rate #!missing-template'))
case('rollout-missing-arg', (ROLLOUT + BASE).replace('''          args:
          - name: service
            value: checkout
''', '').replace('      - analysis:', '      - analysis: #!missing-step-arg'))
case('rollout-fieldref-path', (ROLLOUT + BASE).replace('''            value: checkout
''', '''            valueFrom:
              fieldRef:
                fieldPath: metadata.labels.app.name #!fieldref-path
'''))
case('rollout-fieldref-missing-key', (ROLLOUT + BASE).replace('''            value: checkout
''', '''            valueFrom:
              fieldRef:
                fieldPath: spec.template.metadata.labels.version #!fieldref-path
'''))
case('rollout-value-and-valueFrom', (ROLLOUT + BASE).replace('''          - name: service
            value: checkout
''', '''          - name: service #!rollout-step
            value: checkout
            valueFrom:
              podTemplateHashValue: Latest
'''))
case('rollout-templateName-typo', (ROLLOUT + BASE).replace('          - templateName: t', '          - templatename: t #!unknown-field'))


def render(text):
    lines = text.split('\n')
    expects = []
    out = []
    for line in lines:
        m = re.search(r'\s*#!([a-z-]+)(@\d+)?\s*$', line)
        if m:
            line = line[:m.start()]
            # '@<column>' where the parser, not the key, marks the problem (syntax errors).
            col = int(m.group(2)[1:]) if m.group(2) else len(line) - len(line.lstrip(' -')) + 1
            expects.append((m.group(1), len(out), col))
        out.append(line)
    assert expects, 'no marker'
    header = ['# expect: %s %d:%d' % (rule, i + 1 + len(expects), col) for rule, i, col in expects]
    return '\n'.join(header + out)


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    for f in os.listdir(here):
        if f.endswith('.yaml'):
            os.remove(os.path.join(here, f))
    for name, text in CASES.items():
        with open(os.path.join(here, name + '.yaml'), 'w') as fh:
            fh.write(render(text))
    print(len(CASES), 'cases')
