import SimKernel

/// Reads a deployment's `strategy:`: exactly one strategy key with its
/// parameters (`{canary: {steps: [...]}}`; a strategy whose keys all have
/// defaults may be written by name alone, `strategy: basic`). Checks each
/// plan (weights, order, limits) and, with the deployment's traffic,
/// warns about analyses and tests that cannot get enough requests.
enum StrategyReader {
    static let basicKeys = ["downtime", "analysis"]
    static let shadowKeys = ["mirror", "analysis", "approval"]
    static let canaryKeys = ["steps", "analysis"]
    static let abTestKeys = ["split", "kpi", "min_samples", "alpha", "max_duration", "approval"]
    static let blueGreenKeys = ["preview_mirror", "pre_promotion", "auto_promote", "post_promotion", "scale_down_delay"]
    static let banditKeys = ["algorithm", "update_every", "min_pulls", "confidence", "max_duration", "approval"]
    static let rollingKeys = ["max_unavailable", "max_surge", "interval", "analysis"]
    static let featureFlagKeys = ["steps", "analysis"]
    static let banditAlgorithms = ["thompson", "epsilon_greedy"]
    static let expectedForm = "one of \(ServingValueParsing.list(StrategySpec.names)), like {canary: {steps: [{weight: 10}, {pause: 10m}, {weight: 100}]}}"

    /// Every key of every strategy, for the docs and demo tests.
    static var allKeys: [String] {
        basicKeys + shadowKeys + canaryKeys + abTestKeys + blueGreenKeys + banditKeys + rollingKeys + featureFlagKeys
    }

    typealias Params = [(key: String, entry: YAMLEntry)]

    static func read(_ entry: YAMLEntry, context: DeploymentPlanCheck.Context?, diagnostics d: inout ProjectDiagnostics) -> StrategySpec? {
        let node = entry.value
        let name: String
        let paramsNode: YAMLNode
        let namePosition: SourcePosition
        switch node.kind {
        case .scalar(let scalar) where scalar.type != .null:
            guard StrategySpec.names.contains(scalar.text) else {
                let hint = DidYouMean.suggestion(for: scalar.text, among: StrategySpec.names).map { "did you mean '\($0)'? " } ?? ""
                d.error("strategy: unknown strategy '\(scalar.text)'; \(hint)expected \(expectedForm)", at: node)
                return nil
            }
            name = scalar.text
            paramsNode = YAMLNode(kind: .mapping([]), position: node.position)
            namePosition = node.position
        case .mapping(let entries):
            let known = d.knownKeys(entries, allowed: StrategySpec.names, place: "strategy")
            guard let first = known.first else {
                if entries.isEmpty { d.error("strategy: expected \(expectedForm), found an empty mapping", at: node) }
                return nil
            }
            for extra in known.dropFirst() {
                d.error("\(extra.key): the strategy already is \(first.key) (at \(first.entry.keyPosition)); expected exactly one strategy",
                        at: extra.entry.keyPosition)
            }
            name = first.key
            paramsNode = first.entry.value
            namePosition = first.entry.keyPosition
        default:
            d.error("strategy: expected \(expectedForm), found \(node.found)", at: node)
            return nil
        }
        let place = name
        let params: Params
        if let scalar = paramsNode.scalar, scalar.type == .null {
            params = []
        } else if case .mapping(let entries) = paramsNode.kind {
            params = d.knownKeys(entries, allowed: keys(of: name), place: place)
        } else {
            d.error("\(name): expected a mapping of its settings (\(keys(of: name).joined(separator: ", "))), found \(paramsNode.found)", at: paramsNode)
            return nil
        }
        let strategy = Strategy(name: name, node: paramsNode, namePosition: namePosition, params: params, context: context)
        switch name {
        case "basic": return readBasic(strategy, diagnostics: &d).map(StrategySpec.basic)
        case "shadow": return readShadow(strategy, diagnostics: &d).map(StrategySpec.shadow)
        case "canary":
            return readSteps(strategy, weightKey: "weight", diagnostics: &d).map { StrategySpec.canary(CanaryStrategy(steps: $0.steps, analysis: $0.analysis)) }
        case "ab_test": return readABTest(strategy, diagnostics: &d).map(StrategySpec.abTest)
        case "blue_green": return readBlueGreen(strategy, diagnostics: &d).map(StrategySpec.blueGreen)
        case "bandit": return readBandit(strategy, diagnostics: &d).map(StrategySpec.bandit)
        case "rolling": return readRolling(strategy, diagnostics: &d).map(StrategySpec.rolling)
        default:
            return readSteps(strategy, weightKey: "cohort", diagnostics: &d).map { StrategySpec.featureFlag(FeatureFlagStrategy(steps: $0.steps, analysis: $0.analysis)) }
        }
    }

    static func keys(of strategy: String) -> [String] {
        switch strategy {
        case "basic": return basicKeys
        case "shadow": return shadowKeys
        case "canary": return canaryKeys
        case "ab_test": return abTestKeys
        case "blue_green": return blueGreenKeys
        case "bandit": return banditKeys
        case "rolling": return rollingKeys
        default: return featureFlagKeys
        }
    }

    /// One strategy's parameters as written.
    struct Strategy {
        var name: String
        /// The parameters' mapping (an empty one at the name for `strategy: NAME`).
        var node: YAMLNode
        var namePosition: SourcePosition
        var params: Params
        var context: DeploymentPlanCheck.Context?

        func item(_ key: String) -> YAMLEntry? { params.first { $0.key == key }?.entry }
    }

    // MARK: basic, shadow

    static func readBasic(_ s: Strategy, diagnostics d: inout ProjectDiagnostics) -> BasicStrategy? {
        var basic = BasicStrategy()
        if let item = s.item("downtime") {
            guard let downtime = d.duration(item.value, "downtime") else { return nil }
            basic.downtime = downtime
        }
        if let item = s.item("analysis") {
            guard let analysis = AnalysisReader.read(item.value, label: "analysis", diagnostics: &d) else { return nil }
            basic.analysis = analysis
            if let context = s.context {
                DeploymentPlanCheck.traffic(analysis, candidatePercent: 100, during: "the check after the replace",
                                            context: context, at: item.value.position, diagnostics: &d)
            }
        }
        return basic
    }

    static func readShadow(_ s: Strategy, diagnostics d: inout ProjectDiagnostics) -> ShadowStrategy? {
        var valid = true
        var mirror = 100
        var approval = true
        if let item = s.item("mirror") {
            if let value = d.percent(item.value, "mirror", in: 1...100) { mirror = value } else { valid = false }
        }
        if let item = s.item("approval") {
            if let value = d.boolean(item.value, "approval") { approval = value } else { valid = false }
        }
        guard let analysisItem = s.item("analysis") else {
            if !DeploymentReader.missing(["analysis"], in: entries(s.node), allowed: shadowKeys).isEmpty {
                d.error("shadow has no analysis; expected analysis: {conditions: [\"agreement >= 95%\", ...], window: 10m} to compare the candidate's answers",
                        at: s.namePosition)
            }
            return nil
        }
        guard let analysis = AnalysisReader.read(analysisItem.value, label: "analysis", diagnostics: &d), valid else { return nil }
        if let context = s.context {
            DeploymentPlanCheck.traffic(analysis, candidatePercent: Double(mirror), during: "the shadow analysis (mirror \(mirror)%)",
                                        context: context, at: analysisItem.value.position, diagnostics: &d)
        }
        return ShadowStrategy(mirrorPercent: mirror, analysis: analysis, requiresApproval: approval)
    }

    private static func entries(_ node: YAMLNode) -> [YAMLEntry] {
        if case .mapping(let entries) = node.kind { return entries }
        return []
    }

    // MARK: canary, feature_flag

    /// `steps:` of a canary (`weightKey` weight) or a feature flag (cohort),
    /// and the strategy's `analysis:`.
    static func readSteps(_ s: Strategy, weightKey: String, diagnostics d: inout ProjectDiagnostics)
        -> (steps: [RolloutStepSpec], analysis: AnalysisSpec?)? {
        var valid = true
        var analysis: AnalysisSpec?
        var analysisNode: YAMLNode?
        if let item = s.item("analysis") {
            analysisNode = item.value
            analysis = AnalysisReader.read(item.value, label: "analysis", diagnostics: &d)
            valid = valid && analysis != nil
        }
        let example = "[{\(weightKey): 10}, {pause: 10m}, analysis, approval, {\(weightKey): 100}]"
        guard let stepsItem = s.item("steps") else {
            if !DeploymentReader.missing(["steps"], in: entries(s.node), allowed: keys(of: s.name)).isEmpty {
                d.error("\(s.name) has no steps; expected steps: \(example)", at: s.namePosition)
            }
            return nil
        }
        guard let items = d.sequence(stepsItem.value, "steps", expected: "a list of steps like \(example)") else { return nil }
        if items.isEmpty {
            d.error("steps: expected at least one step like \(example), found an empty list", at: stepsItem.value)
            return nil
        }
        var steps: [(step: RolloutStepSpec, node: YAMLNode)] = []
        for (index, item) in items.enumerated() {
            if let step = readStep(item, number: index + 1, weightKey: weightKey, strategy: s.name, hasAnalysis: analysisNode != nil, diagnostics: &d) {
                steps.append((step, item))
            } else {
                valid = false
            }
        }
        guard valid else { return nil }
        // Weights never decrease and the last one is 100.
        var previous: (weight: Int, node: YAMLNode)?
        for (step, node) in steps {
            guard case .weight(let weight) = step else { continue }
            if let previous, weight < previous.weight {
                d.error("\(weightKey): \(weight) is below the previous \(weightKey) \(previous.weight) (at \(previous.node.position)); "
                        + "expected \(weightKey)s that never decrease", at: node)
                valid = false
            }
            previous = (weight, node)
        }
        if let previous, previous.weight < 100 {
            d.error("\(weightKey): the last \(weightKey) is \(previous.weight); expected the plan to reach {\(weightKey): 100} "
                    + "(add a final {\(weightKey): 100} step)", at: previous.node)
            valid = false
        } else if previous == nil {
            d.error("steps: the plan never sets a \(weightKey); expected steps ending with {\(weightKey): 100}", at: stepsItem.value)
            valid = false
        }
        guard valid else { return nil }
        if let context = s.context {
            checkStepTraffic(steps, strategyAnalysis: analysis.map { ($0, analysisNode?.position ?? s.namePosition) },
                             weightKey: weightKey, context: context, diagnostics: &d)
        }
        return (steps.map(\.step), analysis)
    }

    /// `{weight: N}` (or `{cohort: N}`), `{pause: DURATION}`, `approval`,
    /// `analysis` or `{analysis: {...}}`.
    static func readStep(_ node: YAMLNode, number: Int, weightKey: String, strategy: String, hasAnalysis: Bool,
                         diagnostics d: inout ProjectDiagnostics) -> RolloutStepSpec? {
        let otherKey = weightKey == "weight" ? "cohort" : "weight"
        let allowed = [weightKey, "pause", "analysis"]
        let expected = "{\(weightKey): PERCENT}, {pause: DURATION}, approval, analysis or {analysis: {...}}"
        let place = "step \(number)"
        switch node.kind {
        case .scalar(let scalar) where scalar.type != .null:
            switch scalar.text {
            case "approval":
                return .approval
            case "analysis":
                guard hasAnalysis else {
                    d.error("\(place): an analysis step needs an analysis; expected analysis: {conditions: [...]} in \(strategy) "
                            + "or the step written as {analysis: {conditions: [...]}}", at: node)
                    return nil
                }
                return .analysis(nil)
            case weightKey, "pause":
                d.error("\(place): \(scalar.text) needs a value; expected {\(scalar.text): \(scalar.text == "pause" ? "10m" : "10")}", at: node)
            default:
                let hint = DidYouMean.suggestion(for: scalar.text, among: ["approval", "analysis", "pause", weightKey]).map { "did you mean '\($0)'? " } ?? ""
                d.error("\(place): unknown step '\(scalar.text)'; \(hint)expected \(expected)", at: node)
            }
            return nil
        case .mapping(let entries):
            if let other = entries.first(where: { $0.key == otherKey }) {
                let why = weightKey == "cohort" ? "a feature flag switches the candidate on for a cohort of users"
                    : "a canary sets the candidate's weight"
                d.error("\(place): unknown key '\(otherKey)'; \(why): expected {\(weightKey): PERCENT}", at: other.keyPosition)
                return nil
            }
            let known = d.knownKeys(entries, allowed: allowed, place: place)
            guard known.count == entries.count else { return nil }
            guard known.count == 1, let (key, item) = known.first else {
                let found = known.isEmpty ? "an empty mapping" : known.map(\.key).joined(separator: " and ")
                d.error("\(place): expected one of \(expected) (one key per step), found \(found)", at: node)
                return nil
            }
            switch key {
            case "pause":
                return d.duration(item.value, "pause", positive: true).map(RolloutStepSpec.pause)
            case "analysis":
                return AnalysisReader.read(item.value, label: "analysis", diagnostics: &d).map(RolloutStepSpec.analysis)
            default:
                return d.percent(item.value, weightKey, in: 0...100).map(RolloutStepSpec.weight)
            }
        default:
            d.error("\(place): expected \(expected), found \(node.found)", at: node)
            return nil
        }
    }

    /// Warns about each analysis step (and the strategy's background
    /// analysis, at the first positive weight) whose expected candidate
    /// traffic is below its analysis's min_requests.
    private static func checkStepTraffic(_ steps: [(step: RolloutStepSpec, node: YAMLNode)], strategyAnalysis: (AnalysisSpec, SourcePosition)?,
                                         weightKey: String, context: DeploymentPlanCheck.Context, diagnostics d: inout ProjectDiagnostics) {
        var weight = 0
        var defaultCheckedAt: [Int] = []
        var firstPositive: (weight: Int, number: Int)?
        for (index, (step, node)) in steps.enumerated() {
            switch step {
            case .weight(let value):
                weight = value
                if value > 0, firstPositive == nil { firstPositive = (value, index + 1) }
            case .analysis(let own):
                guard let analysis = own ?? strategyAnalysis?.0 else { continue }
                if own == nil { defaultCheckedAt.append(weight) }
                DeploymentPlanCheck.traffic(analysis, candidatePercent: Double(weight),
                                            during: "the analysis of step \(index + 1) (\(weightKey) \(weight)%)",
                                            context: context, at: node.position, diagnostics: &d)
            case .pause, .approval:
                break
            }
        }
        if let (analysis, position) = strategyAnalysis, let firstPositive, !defaultCheckedAt.contains(firstPositive.weight) {
            DeploymentPlanCheck.traffic(analysis, candidatePercent: Double(firstPositive.weight),
                                        during: "the background analysis at step \(firstPositive.number) (\(weightKey) \(firstPositive.weight)%)",
                                        context: context, at: position, diagnostics: &d)
        }
    }

    // MARK: ab_test, bandit

    static func readABTest(_ s: Strategy, diagnostics d: inout ProjectDiagnostics) -> ABTestStrategy? {
        var test = ABTestStrategy()
        var valid = true
        for (key, item) in s.params {
            let value = item.value
            switch key {
            case "split":
                if let split = d.percent(value, key, in: 1...99) { test.candidatePercent = split } else { valid = false }
            case "kpi":
                if let name = d.choice(value, key, noun: "KPI", among: ABTestKPI.allCases.map(\.rawValue)), let kpi = ABTestKPI(rawValue: name) {
                    test.kpi = kpi
                } else {
                    valid = false
                }
            case "min_samples":
                if let samples = d.integer(value, key, minimum: 1) { test.minSamples = samples } else { valid = false }
            case "alpha":
                if let alpha = openUnitInterval(value, key, low: 0, diagnostics: &d) { test.alpha = alpha } else { valid = false }
            case "max_duration":
                if let duration = d.duration(value, key, positive: true) { test.maxDuration = duration } else { valid = false }
            default:
                if let approval = d.boolean(value, key) { test.requiresApproval = approval } else { valid = false }
            }
        }
        guard valid else { return nil }
        if let context = s.context {
            let share = Double(min(test.candidatePercent, 100 - test.candidatePercent))
            DeploymentPlanCheck.sampleTime(needed: test.minSamples, label: "min_samples", percent: share, arm: "its smaller arm",
                                           labelled: test.kpi == .accuracy, maxDuration: test.maxDuration, what: "the A/B test",
                                           context: context, at: s.item("max_duration")?.keyPosition ?? s.namePosition, diagnostics: &d)
        }
        return test
    }

    static func readBandit(_ s: Strategy, diagnostics d: inout ProjectDiagnostics) -> BanditStrategy? {
        var bandit = BanditStrategy()
        var valid = true
        for (key, item) in s.params {
            let value = item.value
            switch key {
            case "algorithm":
                if let algorithm = readAlgorithm(value, diagnostics: &d) { bandit.algorithm = algorithm } else { valid = false }
            case "update_every":
                if let every = d.duration(value, key, positive: true) { bandit.updateEvery = every } else { valid = false }
            case "min_pulls":
                if let pulls = d.integer(value, key, minimum: 1) { bandit.minPulls = pulls } else { valid = false }
            case "confidence":
                if let confidence = openUnitInterval(value, key, low: 0.5, diagnostics: &d) { bandit.confidence = confidence } else { valid = false }
            case "max_duration":
                if let duration = d.duration(value, key, positive: true) { bandit.maxDuration = duration } else { valid = false }
            default:
                if let approval = d.boolean(value, key) { bandit.requiresApproval = approval } else { valid = false }
            }
        }
        guard valid else { return nil }
        if let context = s.context {
            DeploymentPlanCheck.sampleTime(needed: bandit.minPulls, label: "min_pulls", percent: 50, arm: "each arm at an even split",
                                           labelled: true, maxDuration: bandit.maxDuration, what: "the bandit",
                                           context: context, at: s.item("max_duration")?.keyPosition ?? s.namePosition, diagnostics: &d)
        }
        return bandit
    }

    /// `thompson` or `{epsilon_greedy: EPSILON}` (epsilon from 0 to 1).
    static func readAlgorithm(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> BanditAlgorithm? {
        let expected = "thompson or {epsilon_greedy: 0.1}"
        if case .mapping(let entries) = node.kind {
            let known = d.knownKeys(entries, allowed: ["epsilon_greedy"], place: "algorithm")
            guard let item = known.first?.entry else {
                if entries.isEmpty { d.error("algorithm: expected \(expected), found an empty mapping", at: node) }
                return nil
            }
            return d.number(item.value, "epsilon_greedy", in: 0...1).map { BanditAlgorithm.epsilonGreedy(epsilon: $0) }
        }
        guard let name = d.choice(node, "algorithm", noun: "algorithm", among: banditAlgorithms) else { return nil }
        guard name == "thompson" else {
            d.error("algorithm: epsilon_greedy needs its epsilon; expected {epsilon_greedy: 0.1}", at: node)
            return nil
        }
        return .thompson
    }

    /// A number strictly between `low` and 1.
    private static func openUnitInterval(_ node: YAMLNode, _ label: String, low: Double, diagnostics d: inout ProjectDiagnostics) -> Double? {
        guard let value = d.number(node, label, in: low...1) else { return nil }
        guard value > low, value < 1 else {
            d.error("\(label): expected a number above \(ProjectDiagnostics.format(low)) and below 1, found \(node.found)", at: node)
            return nil
        }
        return value
    }

    // MARK: blue_green, rolling

    static func readBlueGreen(_ s: Strategy, diagnostics d: inout ProjectDiagnostics) -> BlueGreenStrategy? {
        var blueGreen = BlueGreenStrategy()
        var valid = true
        var preNode: YAMLNode?
        for (key, item) in s.params {
            let value = item.value
            switch key {
            case "preview_mirror":
                if let mirror = d.percent(value, key, in: 0...100) { blueGreen.previewMirrorPercent = mirror } else { valid = false }
            case "pre_promotion":
                preNode = value
                blueGreen.prePromotionAnalysis = AnalysisReader.read(value, label: key, diagnostics: &d)
                valid = valid && blueGreen.prePromotionAnalysis != nil
            case "auto_promote":
                if let auto = d.boolean(value, key) { blueGreen.autoPromote = auto } else { valid = false }
            case "post_promotion":
                blueGreen.postPromotionAnalysis = AnalysisReader.read(value, label: key, diagnostics: &d)
                valid = valid && blueGreen.postPromotionAnalysis != nil
                if let context = s.context, let analysis = blueGreen.postPromotionAnalysis {
                    DeploymentPlanCheck.traffic(analysis, candidatePercent: 100, during: "the post-promotion analysis",
                                                context: context, at: value.position, diagnostics: &d)
                }
            default:
                if let delay = d.duration(value, key) { blueGreen.scaleDownDelay = delay } else { valid = false }
            }
        }
        guard valid else { return nil }
        if let context = s.context, let analysis = blueGreen.prePromotionAnalysis, let preNode {
            DeploymentPlanCheck.traffic(analysis, candidatePercent: Double(blueGreen.previewMirrorPercent),
                                        during: "the pre-promotion analysis (preview_mirror \(blueGreen.previewMirrorPercent)%)",
                                        context: context, at: preNode.position, diagnostics: &d)
        }
        return blueGreen
    }

    static func readRolling(_ s: Strategy, diagnostics d: inout ProjectDiagnostics) -> RollingStrategy? {
        var rolling = RollingStrategy()
        var valid = true
        var analysisNode: YAMLNode?
        for (key, item) in s.params {
            let value = item.value
            switch key {
            case "max_unavailable":
                if let count = d.integer(value, key, minimum: 0) { rolling.maxUnavailable = count } else { valid = false }
            case "max_surge":
                if let count = d.integer(value, key, minimum: 0) { rolling.maxSurge = count } else { valid = false }
            case "interval":
                if let interval = d.duration(value, key, positive: true) { rolling.interval = interval } else { valid = false }
            default:
                analysisNode = value
                rolling.analysis = AnalysisReader.read(value, label: key, diagnostics: &d)
                valid = valid && rolling.analysis != nil
            }
        }
        guard valid else { return nil }
        if rolling.maxUnavailable + rolling.maxSurge < 1 {
            let position = s.item("max_surge")?.keyPosition ?? s.item("max_unavailable")?.keyPosition ?? s.namePosition
            d.error("rolling: max_unavailable + max_surge is 0, so no replica could ever be replaced; expected at least 1 of either", at: position)
            return nil
        }
        if let context = s.context, let analysis = rolling.analysis, let analysisNode {
            let batch = min(context.replicas, max(rolling.maxSurge, rolling.maxUnavailable))
            let percent = 100 * Double(batch) / Double(context.replicas)
            DeploymentPlanCheck.traffic(analysis, candidatePercent: percent,
                                        during: "the analysis after the first batch (\(batch) of \(context.replicas) replicas, "
                                            + "\(ServingValueParsing.format(percent))% of traffic)",
                                        context: context, at: analysisNode.position, diagnostics: &d)
        }
        return rolling
    }
}
