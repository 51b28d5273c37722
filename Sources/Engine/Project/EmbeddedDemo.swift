/// The demo project: what runs when no `flightdeck.yaml` is found, and what
/// `flightdeck init` writes, commented key by key. It uses simulated steps
/// and quick shell commands that work on a plain Debian box, so everything
/// runs within a few minutes at the default speed (60x).
public enum EmbeddedDemo {
    /// The file name `flightdeck init` writes.
    public static let fileName = "flightdeck.yaml"

    /// The demo project's YAML text.
    public static let text = #"""
# flightdeck.yaml - a Flightdeck project (written by `flightdeck init`).
# Every key is explained in the comment above it; see docs/project-file.md.
# Ids (pools, pipelines, steps, params) use lower-case letters, digits, - and _.
# Durations are written 45s, 10m, 6h, 7d or 1h30m; a step's simulated duration
# may be a distribution: lognormal(30s, 0.5), uniform(10s, 60s), exponential(2m).

# project: the project's name, shown in the header.
project: fraud-detection

# seed: the root of every random stream (same seed + same inputs = same run).
seed: 42

# pools: named slots shared by all pipelines; a step naming a pool waits for
# a free slot (here at most 2 steps use cpu and 3 use io at once).
pools:
  cpu: 2
  io: 3

# data: the synthetic rows the sample step draws (see docs/project-file.md).
# features: one distribution each (normal, lognormal, uniform, beta,
# exponential or categorical), optionally min/max (clipping) and nulls (the
# share of missing values). label: P(1) = sigmoid(intercept + sum of weight
# times the raw value, or the weight of the row's category, + noise).
# drift: changes on simulated time (gradual, sudden, seasonal, new_category,
# concept), times counted from the start.
data:
  features:
    amount: {normal: {mean: 50, sd: 20}, min: 0, nulls: 0.01}
    merchant: {categorical: {online: 0.6, store: 0.3, atm: 0.1}}
    hour: {uniform: {min: 0, max: 24}}
    card_age: {exponential: {mean: 400}}
  label: {intercept: -2.5, weights: {amount: 0.02, merchant=online: 1.0, card_age: -0.002}, noise: 0.2}
  drift:
    - {gradual: amount, from: 1h, to: 5h, to_params: {mean: 80}}
    - {new_category: merchant, category: crypto, at: 4h, probability: 0.1}
    - {concept: {weights: {amount: 0.04}}, at: 8h}

# pipelines: each pipeline is a DAG of steps, keyed by its id.
pipelines:
  retrain:
    # description: one line shown in lists.
    description: Retrain the fraud model on recent traffic
    # schedule: a 5-field cron expression in UTC ("0 */6 * * *") or
    # {every: DURATION}. "0 12 * * *" runs at every simulated noon; at the
    # default 60x speed a simulated day passes in 24 real minutes.
    schedule: "0 12 * * *"
    # triggers: what may start a run besides the schedule: manual (the t key
    # or `flightdeck run`), cron (implied by a schedule) and {on_alert: NAME}
    # (when that alert of alerts: fires; not again while such a run is
    # active). This is the continuous-training loop: drift -> alert ->
    # retrain -> new version -> canary on fraud-api -> approval.
    triggers: [manual, {on_alert: amount-drift}]
    # max_active_runs: at most this many runs at once; later ones wait.
    max_active_runs: 1
    # catchup: after a pause, run every missed interval in order (true) or
    # only the latest (false, the default).
    catchup: false
    # params: run parameters with defaults; the type comes from the value
    # (integer, number, true/false or text). Override with --param k=v.
    # The model builtins read rows (sample), max_null_share (validate), l2,
    # max_iterations, optimizer, learning_rate, holdout_share (train) and
    # model (the registry model; default: the only one declared).
    params:
      rows: 20000
      learning_rate: 0.05
      full_refresh: false
      region: eu-west
    # steps: keyed by id, in any order; needs decides the order of running.
    steps:
      sample:
        # builtin: a registered in-process task. The model builtins: sample
        # draws rows from data: at the current simulated time, validate checks
        # them, train fits a logistic regression, evaluate scores it and the
        # champion on a holdout, register adds a registry version. Other
        # actions: run: COMMAND (a shell command) and simulate: (a sampled
        # duration); a step has exactly one of the three.
        builtin: sample
        # retries: extra attempts after a failure (default 0).
        retries: 1
        # retry_delay: the wait before a retry (default 30s).
        retry_delay: 10s
        # backoff: fixed (every retry waits retry_delay, the default) or
        # exponential (retry n waits retry_delay * 2^(n-1)).
        backoff: fixed
      validate:
        # needs: the steps that must finish first.
        needs: [sample]
        builtin: validate
      train:
        needs: [validate]
        builtin: train
        retries: 2
        retry_delay: 30s
        # backoff as a mapping: type: exponential, cap: the longest wait
        # (default 1h) and jitter: up to this fraction of the wait is added
        # from the seeded random stream (default 0.1).
        backoff: {type: exponential, cap: 5m, jitter: 0.1}
        # timeout: an attempt running longer fails as timed out.
        timeout: 15m
        # pool: the pool whose slot the step holds while it runs.
        pool: cpu
      evaluate:
        needs: [train]
        builtin: evaluate
      register:
        needs: [evaluate]
        builtin: register
        # when: register only when the condition on evaluate's metrics holds
        # (champion.X is the champion scored on the same holdout; with no
        # champion yet it holds); otherwise the step is skipped, with the
        # values in its reason.
        when: "auc >= champion.auc - 0.01"
      notify:
        needs: [register]
        # trigger_rule: when the step runs given how its needs ended:
        # all_success (default), all_done, all_failed, one_success,
        # one_failed, none_failed or always.
        trigger_rule: all_done
        # run: a shell command (/bin/sh -c) run in the project directory.
        run: echo "run finished"

  report:
    description: Build a small CSV report with a real shell step
    params:
      rows: 500
    steps:
      build:
        run: mkdir -p out && printf 'rows,%s\n' "$ROWS" > out/report.csv && sleep 1
        # env: environment variables for a shell step; ${params.NAME} is the
        # run's param value, passed as a variable, never pasted into the command.
        env:
          ROWS: "${params.rows}"
        # outputs: files recorded as artifacts (sha256 and size) after a
        # success, relative to the project directory.
        outputs: [out/report.csv]
        timeout: 1m
      publish:
        needs: [build]
        # simulate: a step that takes a sampled duration and fails with the
        # probability fail: (0 to 1, default 0).
        simulate:
          # duration: a fixed duration or a distribution.
          duration: lognormal(30s, 0.5)
          # fail: the chance that an attempt fails.
          fail: 0.05

  nightly-backfill:
    description: Backfill yesterday's features every night at 02:00 UTC
    schedule: "0 2 * * *"
    catchup: true
    steps:
      extract:
        simulate: {duration: "exponential(2m)"}
        retries: 3
        backoff: exponential
      load:
        needs: [extract]
        run: printf 'backfill loaded\n'

  experiment:
    description: Try a heavier model every 3 hours (slower to serve)
    every: 3h
    # Lineage params serving_latency_ms (and serving_latency_p99_ms,
    # serving_error_rate) give the registered version its latency model in
    # every deployment; this one is slow, so canary analyses roll it back.
    params:
      rows: 20000
      serving_latency_ms: 90
    steps:
      sample: {builtin: sample}
      train: {needs: [sample], builtin: train, pool: cpu}
      evaluate: {needs: [train], builtin: evaluate}
      register: {needs: [evaluate], builtin: register, when: "auc > 0.5"}

  feature-build:
    description: Recompute twelve feature groups in parallel and join them
    # every: 30m is short for schedule: {every: 30m}.
    every: 30m
    steps:
      snapshot:
        simulate: {duration: 20s}
      amount-stats:      {needs: [snapshot], pool: io, simulate: {duration: "uniform(20s, 60s)"}}
      merchant-risk:     {needs: [snapshot], pool: io, simulate: {duration: "uniform(20s, 60s)", fail: 0.1}}
      card-velocity:     {needs: [snapshot], pool: io, simulate: {duration: "uniform(20s, 60s)"}}
      device-graph:      {needs: [snapshot], pool: io, simulate: {duration: "lognormal(45s, 0.5)"}}
      geo-distance:      {needs: [snapshot], pool: io, simulate: {duration: "uniform(20s, 60s)"}}
      time-of-day:       {needs: [snapshot], pool: io, simulate: {duration: 15s}}
      customer-age:      {needs: [snapshot], pool: io, simulate: {duration: 15s}}
      chargeback-rate:   {needs: [snapshot], pool: io, simulate: {duration: "uniform(30s, 90s)", fail: 0.1}}
      ip-reputation:     {needs: [snapshot], pool: io, simulate: {duration: "exponential(40s)"}}
      email-domain:      {needs: [snapshot], pool: io, simulate: {duration: 20s}}
      basket-size:       {needs: [snapshot], pool: io, simulate: {duration: "uniform(20s, 40s)"}}
      session-length:    {needs: [snapshot], pool: io, simulate: {duration: "uniform(20s, 40s)"}}
      assemble:
        needs: [amount-stats, merchant-risk, card-velocity, device-graph, geo-distance, time-of-day,
                customer-age, chargeback-rate, ip-reputation, email-domain, basket-size, session-length]
        trigger_rule: none_failed
        simulate: {duration: 30s}
      page-oncall:
        needs: [merchant-risk, chargeback-rate]
        trigger_rule: one_failed
        run: echo "a feature group failed"
      cleanup:
        needs: [assemble]
        trigger_rule: always
        run: rm -rf scratch && echo "scratch space cleaned"

# models: the model registry, keyed by model id. Versions are numbered 1, 2, ...
# and go registered -> candidate -> approved -> production (the champion
# alias) -> archived; decommissioned ones stop serving and keep their files.
models:
  fraud:
    # description: one line shown in lists.
    description: Fraud classifier scored on every transaction
    # policy: who approves a candidate: manual (one operator, with a reason),
    # two_person (two different operators) or {auto: "auc >= champion.auc + 0.005"}
    # (the rule decides at once against the current champion).
    policy: manual
    # approval_timeout: how long a request waits for a decision; then
    # on_timeout: reject or approve applies by default.
    approval_timeout: 24h
    on_timeout: reject
    # retention: cleanup archives versions without an alias beyond the newest
    # keep_last: N and removes artifact files older than max_artifact_age:;
    # aliased, approved and production versions are never touched.
    retention: {keep_last: 5, max_artifact_age: 7d}
    # cleanup: {every: DURATION} runs retention on that schedule.
    cleanup: {every: 6h}
    # bootstrap: {rows: N}: with no version in the registry at start, train
    # one on N rows of data: and make it the approved champion, so the
    # deployments below serve from the first second.
    bootstrap: {rows: 400}

# deployments: prediction services of the registry's models, keyed by id.
# Each one serves its model's stable version and rolls out a candidate with
# its strategy; requests are scored by the real model versions. Rates are
# requests per second of simulated time; together these services see about
# 190 requests a second. Shares are numbers (0.001) or percentages (0.1%);
# weights, mirrors, splits and cohorts are integer percents.
deployments:
  fraud-api:
    # description: one line shown in lists.
    description: Real-time fraud scoring behind the checkout (canary)
    # model: the registry model it serves (a key of models:).
    model: fraud
    # mode: how requests arrive, one of realtime, batch, streaming or edge.
    # realtime: a Poisson process of rate: requests per second, with an
    # optional daily: cycle (amplitude: 0 to 1, peak: time of day, UTC).
    mode: {realtime: {rate: 40, daily: {amplitude: 0.5, peak: "14:00"}}}
    # replicas: per version, count: replicas that each handle capacity:
    # requests per second before queueing adds latency (cost: replica-hours).
    replicas: {count: 3, capacity: 30}
    # latency: a version's latency model (lognormal with this median: and
    # p99:, written 20ms or 0.2s); error_rate: its share of failed requests.
    # A version's lineage params serving_latency_ms, serving_latency_p99_ms
    # and serving_error_rate override them.
    latency: {median: 20ms, p99: 60ms}
    error_rate: 0.1%
    # label_delay: how long after a request its true label arrives, so
    # accuracy is only known for the past.
    label_delay: 2m
    # candidate: which version is rolled out next: latest (the newest one
    # not tried yet) or {alias: NAME} (the version an alias points at).
    candidate: latest
    # promote_alias: the registry alias moved to the candidate at full
    # promotion.
    promote_alias: champion
    # strategy: exactly one of basic, shadow, canary, ab_test, blue_green,
    # bandit, rolling or feature_flag, with its settings.
    strategy:
      # canary: steps: in order: {weight: PERCENT} sends that share of live
      # traffic to the candidate, {pause: DURATION} waits, approval waits for
      # the version's registry approval (or p in the Deployments screen),
      # analysis runs the analysis below (or {analysis: {...}} its own).
      # Weights never decrease and the plan reaches {weight: 100}.
      canary:
        steps: [{weight: 10}, {pause: 10m}, analysis, approval, {weight: 50}, {pause: 10m}, analysis, {weight: 100}]
        # analysis: count: measurements, one every interval:, each over the
        # trailing window:; every condition must hold on the candidate (with
        # at least min_requests: requests, or labelled ones for accuracy;
        # fewer is inconclusive, never a pass). More than failure_limit:
        # failed measurements roll back; more than inconclusive_limit:
        # inconclusive ones pause the rollout for an operator.
        # conditions: METRIC OP THRESHOLD, with the metrics error_rate,
        # p50/p95/p99_latency_ms, accuracy and agreement; a threshold may be
        # relative to the stable version: stable - 0.02, stable * 1.2.
        analysis:
          window: 5m
          interval: 5m
          count: 2
          min_requests: 200
          failure_limit: 0
          inconclusive_limit: 1
          conditions: ["error_rate < 1%", "p99_latency_ms < 150", "accuracy >= stable - 0.05"]

  fraud-shadow:
    description: Shadow copy of the fraud scorer for the mobile app
    model: fraud
    mode: {realtime: {rate: 20}}
    replicas: {count: 2, capacity: 25}
    strategy:
      # shadow: mirror: percent of live requests copied to the candidate;
      # its answers are discarded but scored and compared (agreement). After
      # the analysis passes, approval: true waits for the registry approval
      # before switching.
      shadow:
        mirror: 100
        approval: true
        analysis: {window: 10m, interval: 10m, count: 1, conditions: ["agreement >= 95%", "p99_latency_ms < stable * 1.5"]}

  checkout-ab:
    description: A/B test of the fraud model on checkout users
    model: fraud
    mode: {realtime: {rate: 30}}
    label_delay: 2m
    strategy:
      # ab_test: users are split by a hash of their id, split: percent to the
      # candidate; once both arms have min_samples: (labelled requests for the
      # kpi: accuracy, served ones for error_rate) a two-sided test at alpha:
      # picks a winner; at max_duration: it ends inconclusive. approval:
      # waits for the registry approval before promoting a winner.
      ab_test: {split: 50, kpi: accuracy, min_samples: 1500, alpha: 0.05, max_duration: 3h, approval: false}

  review-queue:
    description: Streaming scores for the manual review queue (blue/green)
    model: fraud
    # streaming: events arrive at rate: per second into a queue; each
    # replica consumes consumer: per second; the backlog is the lag.
    mode: {streaming: {rate: 25, consumer: 15}}
    replicas: {count: 3, capacity: 15}
    strategy:
      # blue_green: a full preview environment gets preview_mirror: percent
      # of requests for the pre_promotion: analysis; auto_promote: true
      # switches as soon as it passes (false waits for approval). The
      # post_promotion: analysis runs while the old environment stays warm
      # for scale_down_delay:, so a rollback is instant.
      blue_green:
        preview_mirror: 100
        pre_promotion: {window: 5m, conditions: ["error_rate < 1%", "p95_latency_ms < 80"]}
        auto_promote: true
        post_promotion: {window: 5m, conditions: ["error_rate <= stable + 0.005"]}
        scale_down_delay: 20m

  risk-bandit:
    description: Risk scores for the loyalty programme (Thompson bandit)
    model: fraud
    mode: {realtime: {rate: 20}}
    label_delay: 1m
    strategy:
      # bandit: traffic follows the arms' reward posteriors (a reward is a
      # correct labelled prediction). algorithm: thompson or
      # {epsilon_greedy: EPSILON}; weights are recomputed every update_every:;
      # after min_pulls: per arm, an arm best with confidence: wins (at
      # max_duration: the best mean wins). approval: waits before promoting.
      bandit: {algorithm: thompson, update_every: 1m, min_pulls: 300, confidence: 0.95, max_duration: 4h, approval: false}

  promo-bandit:
    description: Promotion abuse scores (epsilon-greedy bandit)
    model: fraud
    mode: {realtime: {rate: 10}}
    label_delay: 1m
    strategy:
      bandit: {algorithm: {epsilon_greedy: 0.1}, update_every: 2m, min_pulls: 200, max_duration: 4h}

  nightly-scoring:
    description: Batch rescoring of open transactions (basic replace)
    model: fraud
    # batch: every every:, a job scores rows: rows at throughput: rows per
    # second per replica.
    mode: {batch: {every: 30m, rows: 20000, throughput: 500}}
    replicas: {count: 2, capacity: 500}
    strategy:
      # basic: replace the stable version at once; downtime: how long
      # requests fail while the new version starts (0s: none).
      basic: {downtime: 30s}

  merchant-api:
    description: Merchant risk API (rolling update)
    model: fraud
    mode: {realtime: {rate: 15}}
    replicas: {count: 4, capacity: 10}
    strategy:
      # rolling: replicas are replaced in batches: each batch starts up to
      # max_surge: new replicas and stops up to max_unavailable: old ones, is
      # ready after interval:, then the analysis: (if any) runs. Live traffic
      # follows the share of ready replicas.
      rolling:
        max_unavailable: 1
        max_surge: 1
        interval: 5m
        analysis: {window: 5m, conditions: ["error_rate < 1%", "p99_latency_ms < 150"]}

  pos-terminals:
    description: On-device scoring in point-of-sale terminals (feature flag)
    model: fraud
    # edge: devices: terminals, each online: share of the time; online ones
    # sync every sync_every: and pull the version the rollout gives them;
    # each scores rate: requests per second.
    mode: {edge: {devices: 400, online: 0.7, sync_every: 10m, rate: 0.05}}
    replicas: {count: 1, capacity: 50}
    strategy:
      # feature_flag: the candidate ships dormant ({cohort: 0}); {cohort: N}
      # switches it on for N percent of users (by a hash of the user id),
      # with the same pause, approval and analysis steps as a canary.
      feature_flag:
        steps: [{cohort: 0}, approval, {cohort: 10}, {pause: 20m}, analysis, {cohort: 50}, {pause: 20m}, {cohort: 100}]
        analysis: {window: 10m, conditions: ["error_rate < 2%"]}

# monitors: what is watched on a deployment's live requests, keyed by id.
monitors:
  fraud-inputs:
    # description: one line shown in lists.
    description: Inputs, accuracy and service levels of the fraud API
    # deployment: the deployment whose requests are watched.
    deployment: fraud-api
    # drift: input drift per feature. reference: training (the training
    # data of the version serving as stable) or {window: {from: 0s, to: 30m}}
    # (a fixed window of the deployment's own traffic); window: the current
    # window, a duration or {requests: N}; every: how often it is computed;
    # dataset_share: the dataset drifts when this share of the features
    # does; max_sample: rows kept per window (a seeded reservoir beyond).
    drift:
      reference: training
      window: 30m
      every: 1m
      dataset_share: 50%
      max_sample: 5000
      # features: per-feature method (psi, ks, wasserstein, js or
      # chi_square) and thresholds warn:/alert: (p-values for ks and
      # chi_square: drift below them); ignore: true leaves a feature out.
      # Unlisted features get the defaults: PSI 0.1/0.2 for numeric and
      # Jensen-Shannon 0.1/0.2 for categorical features on large windows,
      # KS and chi-square p < 0.05/0.01 on small ones.
      features:
        amount: {method: psi, warn: 0.1, alert: 0.2}
        card_age: {method: wasserstein, warn: 0.1, alert: 0.25}
    # concept: concept drift on the stable version's labelled requests
    # (labels arrive after the deployment's label_delay): true for DDM,
    # Page-Hinkley and ADWIN with their defaults, or {detectors: [...]} and
    # per-detector settings. At ~1,800 labelled requests a minute,
    # Page-Hinkley needs a larger tolerance and threshold than its defaults
    # (0.005, 50), or its random walk crosses lambda on a stationary stream.
    # DDM's warning level comes and goes on such streams: fraud-concept
    # below alerts on the drift level only.
    concept: {detectors: [ddm, page_hinkley, adwin], page_hinkley: {delta: 0.01, lambda: 150}}
    # slos: objectives on the share of good requests over period: (30d by
    # default): latency: "p99 < 150ms" (99% answered within 150 ms) or
    # availability: 99.9% (answered, not failed). Burn-rate alerts: fast at
    # 14.4x the budget over 1h and 5m, slow at 6x over 6h and 30m.
    slos:
      latency: {latency: "p99 < 150ms", period: 30d}
      availability: {availability: 99.5%, period: 30d}
    # freeze_promotions: while an SLO's error budget is spent, rollouts on
    # the deployment hold at their current step (rollbacks still happen).
    freeze_promotions: true
  review-health:
    description: Backlog of the streaming review queue
    deployment: review-queue
    slos:
      availability: {availability: 99.5%}

# alerts: rules on the monitors' signals, keyed by the name on_alert: uses.
alerts:
  amount-drift:
    description: Transaction amounts drift away from the training data
    # monitor: the monitor whose signal is watched.
    monitor: fraud-inputs
    # metric: drift.FEATURE, dataset_drift, concept_drift, slo.NAME (burn:
    # 1 slow, 2 fast), slo.NAME.budget, error_rate, p50/p95/p99_latency_ms,
    # accuracy, utilisation, streaming_lag, pipeline_failures or
    # scheduler_backlog.
    metric: drift.amount
    # warning:/critical: the levels (a drift metric defaults to its
    # feature's warn/alert thresholds); direction: above or below (default:
    # the metric's natural one).
    # for: how long the value must be past a level before the alert fires.
    for: 2m
    # clear: hysteresis: a firing alert resolves only this far back inside.
    clear: 0.02
  fraud-concept:
    description: The fraud model's errors change (DDM, Page-Hinkley, ADWIN)
    monitor: fraud-inputs
    metric: concept_drift
    critical: 2
    for: 10m
  fraud-latency-burn:
    description: The fraud API burns its latency error budget too fast
    monitor: fraud-inputs
    metric: slo.latency
  fraud-accuracy:
    description: Accuracy of labelled fraud predictions (labels arrive 2m late)
    monitor: fraud-inputs
    metric: accuracy
    warning: 0.7
    critical: 0.6
    direction: below
    for: 5m
  review-lag:
    description: The review queue falls behind
    monitor: review-health
    metric: streaming_lag
    warning: 500
    critical: 2000
    for: 2m

# access: who may act (see docs/project-file.md#access). Without it, as here,
# everyone who can open the state directory (created 0700) may do everything.
# Listing a right (control, trigger, approve, rollback, weights, archive,
# alerts) restricts it to a login name, group:NAME or "*"; [] means no one;
# users:/groups: with {read_only: true} may only watch. For example:
# access:
#   approve: [alice, group:ml-leads]
#   rollback: [group:oncall]
#   users:
#     bob: {read_only: true}
"""#
}
