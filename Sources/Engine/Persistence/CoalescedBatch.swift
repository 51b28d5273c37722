/// The changes of one `append`, with repeated upserts of the same record
/// folded into its last value. A fast simulated step sends its step record
/// three times (queued, running, succeeded) and its attempt twice within
/// one batch; only the last value of each reaches the database, which is
/// what writing them all in order inside one transaction leaves there too.
///
/// Step records keep the position of their first occurrence, so a new
/// step's insertion order (`steps.ordinal`) is unchanged. Log lines and
/// artifacts are appends and stay as they are, in order.
struct CoalescedBatch {
    private(set) var runs: [RunRecord] = []
    private(set) var steps: [StepRecord] = []
    private(set) var attempts: [StepAttemptRecord] = []
    private(set) var logs: [LogLine] = []
    private(set) var artifacts: [ArtifactRecord] = []
    private(set) var meta: [MetaEntry] = []

    private struct StepKey: Hashable {
        var run: Int64
        var step: String
    }

    /// - `stepsAndAttemptsFolded`: no step or attempt record repeats in
    ///   `changes` (the caller folded them), so they are taken as they come.
    init(_ changes: [RunChange], stepsAndAttemptsFolded: Bool = false) {
        var runIndex: [Int64: Int] = [:]
        var stepIndex: [StepKey: Int] = [:]
        var attemptIndex: [AttemptKey: Int] = [:]
        var metaIndex: [String: Int] = [:]
        // A large batch (a fast-forward of thousands of steps) would otherwise
        // rehash these tables a dozen times as they grow.
        if changes.count > 64 && !stepsAndAttemptsFolded {
            let expected = changes.count / 2
            stepIndex.reserveCapacity(expected)
            attemptIndex.reserveCapacity(expected)
            steps.reserveCapacity(expected)
            attempts.reserveCapacity(expected)
        }
        for change in changes {
            switch change {
            case .run(let record):
                Self.upsert(record, key: record.id.value, into: &runs, index: &runIndex)
            case .step(let record):
                if stepsAndAttemptsFolded {
                    steps.append(record)
                } else {
                    Self.upsert(record, key: StepKey(run: record.run.value, step: record.step), into: &steps, index: &stepIndex)
                }
            case .attempt(let record):
                if stepsAndAttemptsFolded {
                    attempts.append(record)
                } else {
                    Self.upsert(record, key: record.key, into: &attempts, index: &attemptIndex)
                }
            case .log(let line):
                logs.append(line)
            case .artifact(let record):
                artifacts.append(record)
            case let .meta(key, value):
                Self.upsert(MetaEntry(key: key, value: value), key: key, into: &meta, index: &metaIndex)
            }
        }
    }

    private static func upsert<Record, Key: Hashable>(_ record: Record, key: Key, into records: inout [Record],
                                                      index: inout [Key: Int]) {
        if let position = index[key] {
            records[position] = record
        } else {
            index[key] = records.count
            records.append(record)
        }
    }
}
