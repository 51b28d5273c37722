import SimKernel

/// A pipeline's DAG in index form, built once: steps by index (file
/// order), each step's needs and its downstream steps as index lists, and
/// its pool as an index into the scheduler's pools. The scheduler works on
/// these lists only, so an event costs O(edges it touches), never a scan
/// of all steps.
final class CompiledPipeline {
    let spec: PipelineSpec
    /// Position in the project's pipeline list.
    let ordinal: Int
    let stepIDs: [String]
    let stepIndex: [String: Int]
    let needs: [[Int]]
    let downstream: [[Int]]
    let pools: [Int?]
    /// `run`, `builtin noop`, `simulate lognormal(30s, 0.5)`.
    let kinds: [String]
    /// Per-step fields the hot paths read, kept apart so that reading one
    /// does not copy a whole ``StepSpec``.
    let actions: [StepAction]
    let retries: [Int]
    let timeouts: [SimDuration?]
    let outputs: [[String]]
    let rules: [TriggerRule]

    init(spec: PipelineSpec, ordinal: Int, poolIndex: [String: Int]) {
        self.spec = spec
        self.ordinal = ordinal
        stepIDs = spec.steps.map(\.id)
        var index: [String: Int] = [:]
        index.reserveCapacity(spec.steps.count)
        for (position, step) in spec.steps.enumerated() where index[step.id] == nil {
            index[step.id] = position
        }
        stepIndex = index
        var needs: [[Int]] = []
        var downstream = Array(repeating: [Int](), count: spec.steps.count)
        needs.reserveCapacity(spec.steps.count)
        for (position, step) in spec.steps.enumerated() {
            let upstream = step.needs.compactMap { index[$0] }.filter { $0 != position }
            needs.append(upstream)
            for need in upstream { downstream[need].append(position) }
        }
        self.needs = needs
        self.downstream = downstream
        pools = spec.steps.map { step in step.pool.flatMap { poolIndex[$0] } }
        actions = spec.steps.map(\.action)
        retries = spec.steps.map(\.retries)
        timeouts = spec.steps.map(\.timeout)
        outputs = spec.steps.map(\.outputs)
        rules = spec.steps.map(\.triggerRule)
        kinds = spec.steps.map { step in
            switch step.action {
            case .shell: return "run"
            case .builtin(let name): return "builtin \(name)"
            case .simulate(let duration, _): return "simulate \(duration)"
            }
        }
    }

    /// `steps` plus every step downstream of them, as a membership list.
    func downstreamClosure(of roots: [Int]) -> [Bool] {
        var member = Array(repeating: false, count: stepIDs.count)
        var stack = roots
        for root in roots { member[root] = true }
        while let next = stack.popLast() {
            for child in downstream[next] where !member[child] {
                member[child] = true
                stack.append(child)
            }
        }
        return member
    }
}
