import SimKernel

/// One monitor inside the engine: its windows in the deployment's request
/// watcher, its reference, the latest drift results and their history,
/// its concept-drift detectors, performance history and SLO trackers.
final class MonitorRuntime {
    /// A watched feature, resolved once.
    struct Feature {
        let name: String
        let isCategorical: Bool
        /// Its column in the row layout's numeric or categorical buffer.
        let position: Int
        let categories: [String]
        /// Method and thresholds fixed for the window size, so the history
        /// never mixes methods.
        let spec: FeatureDriftSpec
    }

    /// Points kept per history (drift values, accuracy, performance): 3 hours at one a minute.
    static let historyCapacity = 180
    /// The window of the performance figures.
    static let performanceWindow = SimDuration.minutes(5)

    let spec: MonitorSpec
    let deployment: DeploymentRuntime
    let layout: RowLayout
    let features: [Feature]
    let evaluator = FeatureDriftEvaluator()
    /// Index of the current window in the deployment watcher's windows.
    var windowIndex: Int?
    /// Index of the fixed reference window while it collects.
    var referenceWindowIndex: Int?
    var reference: ReferenceSample?
    /// Why there is no reference (or it could not be loaded for the current version).
    var referenceProblem: String?
    /// The stable version whose training data the reference failed to load
    /// for (not retried until the stable version changes).
    var referenceFailedVersion: Int?
    var results: [FeatureDriftSummary] = []
    var histories: [RingBuffer<TimedValue>]
    var datasetDrift: DatasetDriftSummary?
    var evaluatedAt: SimTime?
    var nextEvaluation: SimTime
    var concept: ConceptDriftMonitor?
    var accuracy = RingBuffer<TimedValue>(capacity: MonitorRuntime.historyCapacity)
    /// The minute (request time) being counted for accuracy, and its counts.
    var accuracyMinute: Int64 = .min
    var accuracyLabelled = 0
    var accuracyCorrect = 0
    var performanceHistory: [(version: Int, points: RingBuffer<PerformancePoint>)] = []
    var performance: [VersionPerformanceSummary] = []
    var slos: [SLOTracker]
    /// Per SLO, its index in the watcher's latency thresholds (nil: availability).
    var sloThresholdIndex: [Int?] = []
    /// Whether it froze promotions at the last tick.
    var frozen = false
    var health = SystemHealthSummary(replicaUtilisation: 0, streamingLag: nil, pipelineFailuresLastHour: 0, schedulerBacklog: 0)

    init(spec: MonitorSpec, deployment: DeploymentRuntime, layout: RowLayout, start: SimTime) {
        self.spec = spec
        self.deployment = deployment
        self.layout = layout
        var features: [Feature] = []
        if let drift = spec.drift {
            let capacity: Int
            switch drift.window {
            case .count(let count): capacity = count
            case .time: capacity = drift.maxSample
            }
            var numeric = 0
            var categorical = 0
            let evaluator = FeatureDriftEvaluator()
            for feature in layout.schema.features {
                let isCategorical = !feature.kind.isNumeric
                let position = isCategorical ? categorical : numeric
                if isCategorical { categorical += 1 } else { numeric += 1 }
                let override = drift.feature(feature.name)
                if override?.ignored == true { continue }
                let method = override?.method ?? evaluator.defaultMethod(isCategorical: isCategorical, referenceCount: capacity, currentCount: capacity)
                let thresholds = override?.thresholds ?? FeatureDriftEvaluator.defaultThresholds(for: method)
                features.append(Feature(name: feature.name, isCategorical: isCategorical, position: position, categories: feature.kind.categories,
                                        spec: FeatureDriftSpec(feature: feature.name, method: method, thresholds: thresholds)))
            }
        }
        self.features = features
        histories = features.map { _ in RingBuffer(capacity: Self.historyCapacity) }
        nextEvaluation = start + (spec.drift?.every ?? .minutes(1))
        concept = spec.concept.map { ConceptDriftMonitor(spec: $0) }
        slos = spec.slos.map { SLOTracker(spec: $0) }
    }

    /// `last 30m`, `last 5,000 requests`.
    var windowText: String {
        switch spec.drift?.window {
        case .time(let duration)?: "last \(duration)"
        case .count(let count)?: "last \(groupedInteger(count)) requests"
        case nil: "no drift window"
        }
    }

    // MARK: Drift

    /// Computes every watched feature's drift between the reference and the
    /// current window at `time`.
    func evaluateDrift(at time: SimTime) {
        guard let drift = spec.drift, let windowIndex else { return }
        let window = deployment.simulator.core.watcher.windows[windowIndex]
        var results: [FeatureDriftSummary] = []
        for (index, feature) in features.enumerated() {
            var result: FeatureDriftSummary
            if let reference {
                do {
                    if feature.isCategorical {
                        let current = window.categoryCounts(feature.position, categories: feature.categories.count, at: time)
                        result = try evaluator.evaluate(feature: feature.name, categories: feature.categories,
                                                        referenceCounts: reference.categorical[feature.position], currentCounts: current,
                                                        spec: feature.spec)
                    } else {
                        let current = SortedSample(window.numericValues(feature.position, at: time))
                        result = try evaluator.evaluate(feature: feature.name, reference: reference.numeric[feature.position],
                                                        current: current, spec: feature.spec)
                    }
                } catch {
                    result = insufficient(feature, note: "\(error)")
                }
            } else {
                result = insufficient(feature, note: referenceProblem ?? "no reference yet")
            }
            if let value = result.value { histories[index].append(TimedValue(time: time, value: value)) }
            result.history = histories[index].last(Self.historyCapacity)
            results.append(result)
        }
        self.results = results
        datasetDrift = evaluator.datasetDrift(results, share: drift.datasetShare)
        evaluatedAt = time
    }

    /// A feature that could not be evaluated, with why.
    private func insufficient(_ feature: Feature, note: String) -> FeatureDriftSummary {
        FeatureDriftSummary(feature: feature.name, isCategorical: feature.isCategorical, method: feature.spec.method ?? .psi, value: nil,
                            statistic: nil, rawDistance: nil,
                            thresholds: feature.spec.thresholds ?? FeatureDriftEvaluator.defaultThresholds(for: feature.spec.method ?? .psi),
                            referenceCount: 0, currentCount: 0, state: .insufficient, note: note, history: [], binLabels: [],
                            referenceShares: [], currentShares: [])
    }

    // MARK: Labels

    /// One labelled outcome of the watched version (its request time and
    /// whether the prediction was wrong), once its label has arrived at `arrival`.
    func labelled(requestTime: SimTime, wrong: Bool, arrival: SimTime) {
        concept?.add(error: wrong, at: arrival)
        let minute = VersionMetrics.floorDiv(requestTime.milliseconds, 60_000)
        if minute != accuracyMinute {
            flushAccuracyMinute()
            accuracyMinute = minute
        }
        accuracyLabelled += 1
        if !wrong { accuracyCorrect += 1 }
    }

    /// Adds the counted minute's accuracy point (at the requests' minute).
    func flushAccuracyMinute() {
        guard accuracyLabelled > 0, accuracyMinute != .min else { return }
        accuracy.append(TimedValue(time: SimTime(milliseconds: accuracyMinute * 60_000), value: Double(accuracyCorrect) / Double(accuracyLabelled)))
        accuracyLabelled = 0
        accuracyCorrect = 0
    }

    // MARK: Performance

    /// Adds a minute's point per version and refreshes the window figures.
    func samplePerformance(at time: SimTime) {
        let simulator = deployment.simulator
        let versions = simulator.versions.filter { simulator.isRoutable($0) }
        var summaries: [VersionPerformanceSummary] = []
        for version in orderedVersions(versions) {
            let minute = simulator.windowMetrics(version: version, window: .minutes(1))
            let point = PerformancePoint(time: time, p50: minute.p50LatencyMs, p95: minute.p95LatencyMs, p99: minute.p99LatencyMs,
                                         errorRate: minute.errorRate, requests: minute.requests)
            let slot: Int
            if let found = performanceHistory.firstIndex(where: { $0.version == version }) {
                slot = found
            } else {
                performanceHistory.append((version, RingBuffer(capacity: Self.historyCapacity)))
                slot = performanceHistory.count - 1
            }
            performanceHistory[slot].points.append(point)
            let window = simulator.windowMetrics(version: version, window: Self.performanceWindow)
            summaries.append(VersionPerformanceSummary(
                version: version, p50: window.p50LatencyMs, p95: window.p95LatencyMs, p99: window.p99LatencyMs, max: window.maxLatencyMs,
                errorRate: window.errorRate, throughput: Double(window.requests) / Self.performanceWindow.seconds, accuracy: window.accuracy,
                history: performanceHistory[slot].points.last(Self.historyCapacity)))
        }
        // Versions no longer deployed keep no history.
        performanceHistory.removeAll { entry in !versions.contains(entry.version) }
        performance = summaries
    }

    /// Stable first, then the rest ascending.
    private func orderedVersions(_ versions: [Int]) -> [Int] {
        versions.sorted { lhs, rhs in
            (lhs == deployment.stable ? 0 : 1, lhs) < (rhs == deployment.stable ? 0 : 1, rhs)
        }
    }

    // MARK: Reading

    /// The summary as of the latest tick (the state changes only at ticks;
    /// the snapshot asks every frame).
    private var cachedSummary: MonitorSummary?

    /// Drops the cached summary (after a tick changed the state).
    func invalidateSummary() { cachedSummary = nil }

    func summary(now: SimTime) -> MonitorSummary {
        if let cachedSummary { return cachedSummary }
        let made = makeSummary(now: now)
        cachedSummary = made
        return made
    }

    private func makeSummary(now: SimTime) -> MonitorSummary {
        let referenceText: String
        if let reference {
            referenceText = reference.description
        } else if let referenceProblem {
            referenceText = referenceProblem
        } else {
            referenceText = "waiting for a reference"
        }
        let sloSummaries = slos.map { tracker in
            tracker.summary(now: now, freezesPromotions: spec.freezePromotionsWhenBudgetExhausted)
        }
        return MonitorSummary(
            id: spec.id, deployment: spec.deployment, servingVersion: deployment.stable, reference: referenceText, window: windowText,
            evaluatedAt: evaluatedAt, features: results, datasetDrift: spec.drift == nil ? nil : datasetDrift,
            concept: concept.map { ConceptDriftSummary(detectors: $0.summaries(now: now), accuracy: accuracy.last(Self.historyCapacity),
                                                       labelDelay: deployment.spec.labelDelay) },
            performance: performance, slos: sloSummaries, health: health, minimumSamples: evaluator.minimumCount)
    }

    /// Whether promotions are frozen: configured, and some SLO's budget is spent.
    func freezesPromotions(now: SimTime) -> Bool {
        spec.freezePromotionsWhenBudgetExhausted && slos.contains { $0.isBudgetExhausted(now: now) }
    }
}
