import SimKernel

/// The scheduler's working state of one step in one run.
struct StepRuntime {
    var state: StepState = .pending
    var reason: String
    var attempts = 0
    /// Final states of the needs counted so far (valid while pending).
    var counts: UpstreamCounts
    /// Index into the step's needs of the first one not yet final.
    var waitCursor = 0
    /// When true, ``reason`` is stale and the step's reason is
    /// `pending: waiting for` the need at ``reasonNeed`` (rendered only when
    /// read: most pending steps' reasons change several times and are never
    /// shown or written before the step starts).
    var reasonFromNeed = false
    /// Index into the step's needs of the one its pending reason names.
    var reasonNeed: Int32 = 0
    /// For a step that failed (or was marked failed, or inherited a
    /// failure): `train failed (exit 3)`, what downstream reasons quote.
    var failureCause: String?
    /// The cause of the first failed need counted.
    var upstreamCause: String?
    var spans: [AttemptSpan] = []
    /// The queued completion, timeout or retry event.
    var event: EventID?
    /// Whether a record of this step has been journaled (see
    /// ``PipelineScheduler/emitStep(_:_:)``).
    var journaled = false
    /// The batch in which ``stepSlot`` and ``attemptSlot`` are valid.
    var slotBatch: UInt32 = 0
    /// Index of this step's record in the scheduler's `stepChanges` (-1: none).
    var stepSlot: Int32 = -1
    /// Index of this step's latest attempt record in `attemptChanges` (-1: none).
    var attemptSlot: Int32 = -1
    /// How the attempt whose end is queued (``event``) ends.
    var scheduledOutcome: AttemptOutcome?
    /// Bumped whenever the step enters a pool queue or leaves it, so stale
    /// pool-queue entries are recognised and dropped.
    var queueToken: UInt32 = 0
    var holdsSlot = false
    var logSequence = 0
    /// The latest attempt's most recent log lines (at most twice the tail
    /// capacity; older ones are dropped in blocks). Empty until it logs.
    var tail: [LogLine] = []
    /// Whether lines of the latest attempt were dropped from `tail`.
    var tailTruncated = false
    /// Files the running builtin attempt wrote, recorded when it succeeds.
    var builtinArtifacts: [ModelArtifact] = []
    /// The version the running `register` attempt asks for, registered when it ends.
    var registration: ModelRegistration? {
        get { registrationBox?.value }
        set { registrationBox = newValue.map(RegistrationBox.init) }
    }
    /// Boxed: a registration is large and rare, and every step of every run
    /// in memory carries this field (the step table of a 10,000-step run
    /// halves with it out of line).
    private var registrationBox: RegistrationBox?

    init(reason: String, needCount: Int) {
        self.reason = reason
        self.counts = UpstreamCounts(total: needCount)
    }
}

/// A ``ModelRegistration`` kept out of line in ``StepRuntime``.
final class RegistrationBox {
    let value: ModelRegistration
    init(_ value: ModelRegistration) { self.value = value }
}

/// The scheduler's working state of one run.
final class RunRuntime {
    var record: RunRecord
    let pipeline: CompiledPipeline
    var steps: [StepRuntime]
    /// Steps in a final state.
    var finalCount = 0
    /// Steps failed, upstream_failed, cancelled or interrupted.
    var failedCount = 0
    /// The first failure of this run's current attempt at finishing.
    var failureCause: String?
    /// The schedule instant this run stands for (nil for other triggers).
    var scheduledFor: SimTime?
    /// Bumped each time the run finishes (for the in-memory cache's eviction).
    var finishSerial = 0
    /// What the run's model builtins hand to each other (in memory only).
    var builtinState = BuiltinRunState()

    init(record: RunRecord, pipeline: CompiledPipeline, steps: [StepRuntime]) {
        self.record = record
        self.pipeline = pipeline
        self.steps = steps
    }
}

extension StepState {
    /// Counts as a failed need for trigger rules and fails the run.
    var isFailure: Bool {
        switch self {
        case .failed, .upstreamFailed, .cancelled, .interrupted: return true
        default: return false
        }
    }
}

/// A pool of slots and the steps waiting for one.
struct PoolRuntime {
    struct Waiting: Comparable {
        var readyAt: SimTime
        var run: RunID
        var step: Int
        var token: UInt32

        static func < (a: Waiting, b: Waiting) -> Bool {
            if a.readyAt != b.readyAt { return a.readyAt < b.readyAt }
            if a.run != b.run { return a.run < b.run }
            return a.step < b.step
        }
    }

    let id: String
    let size: Int
    var inUse = 0
    /// FIFO by ready time, then run id, then step order.
    var waiting = MinHeap<Waiting>()
    var dirty = false

    init(id: String, size: Int) {
        self.id = id
        self.size = Swift.max(1, size)
    }
}

/// A binary min-heap (the pool queues; order fully given by `<`).
struct MinHeap<Element: Comparable> {
    private var items: [Element] = []

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }

    mutating func insert(_ element: Element) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMin() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let minimum = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count && items[left] < items[smallest] { smallest = left }
            if right < items.count && items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return minimum
    }
}
