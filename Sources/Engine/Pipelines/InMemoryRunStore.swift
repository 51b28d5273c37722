/// A ``RunStore`` that keeps the history in memory: for tests and for
/// `flightdeck` runs without a state directory. Nothing survives the
/// process; a second engine created on the same instance sees the history
/// as a restart would (which is how restart recovery is tested).
///
/// Not thread-safe, like the engine that owns it. Lookups by run are
/// dictionary-indexed; every list it returns is in the order the
/// ``RunStore`` contract names (never dictionary order).
public final class InMemoryRunStore: RunStore {
    private struct RunTables {
        var steps: [StepRecord] = []
        var stepIndex: [String: Int] = [:]
        /// Attempts per step, in the step's insertion order (`stepIndex`),
        /// plus attempts of steps that have no step record yet, in arrival order.
        var attempts: [String: [StepAttemptRecord]] = [:]
        var attemptStepOrder: [String] = []
        var logs: [String: [LogLine]] = [:]
        var artifacts: [ArtifactRecord] = []
    }

    private var runRecords: [RunRecord] = []
    private var runIndex: [RunID: Int] = [:]
    private var tables: [RunID: RunTables] = [:]
    private var metaValues: [String: String] = [:]
    private var artifactOrder: [ArtifactRecord] = []

    /// When true, every appended change is also kept in ``journal`` (for
    /// tests comparing two engines' output byte for byte).
    public let keepsJournal: Bool
    /// Every change appended so far, in order (empty unless ``keepsJournal``).
    public private(set) var journal: [RunChange] = []
    /// How many times ``append(_:)`` was called (one per engine flush).
    public private(set) var appendCount = 0
    /// When set, the next ``append(_:)`` throws it (and stores nothing), then
    /// clears it: for testing the engine's handling of store failures.
    public var failNextAppend: (any Error)?

    /// An empty store.
    public init(keepsJournal: Bool = false) {
        self.keepsJournal = keepsJournal
    }

    public func append(_ changes: [RunChange]) throws {
        if let error = failNextAppend {
            failNextAppend = nil
            throw error
        }
        appendCount += 1
        if keepsJournal { journal.append(contentsOf: changes) }
        for change in changes {
            switch change {
            case .run(let record):
                if let index = runIndex[record.id] {
                    runRecords[index] = record
                } else {
                    // Runs normally arrive in id order; keep the array sorted regardless.
                    var position = runRecords.endIndex
                    while position > 0 && runRecords[position - 1].id > record.id { position -= 1 }
                    runRecords.insert(record, at: position)
                    if position == runRecords.endIndex - 1 {
                        runIndex[record.id] = position
                    } else {
                        for index in position..<runRecords.endIndex { runIndex[runRecords[index].id] = index }
                    }
                }
            case .step(let record):
                // Mutate in place: copying a run's tables out and back would
                // copy its arrays on every change (quadratic for big runs).
                withTables(record.run) { table in
                    if let index = table.stepIndex[record.step] {
                        table.steps[index] = record
                    } else {
                        table.stepIndex[record.step] = table.steps.count
                        table.steps.append(record)
                    }
                }
            case .attempt(let record):
                withTables(record.key.run) { table in
                    if table.attempts[record.key.step] == nil { table.attemptStepOrder.append(record.key.step) }
                    table.attempts[record.key.step, default: []].upsert(record)
                }
            case .log(let line):
                withTables(line.key.run) { $0.logs[line.key.step, default: []].append(line) }
            case .artifact(let artifact):
                withTables(artifact.key.run) { $0.artifacts.append(artifact) }
                artifactOrder.append(artifact)
            case .meta(let key, let value):
                metaValues[key] = value
            }
        }
    }

    private func withTables(_ run: RunID, _ body: (inout RunTables) -> Void) {
        body(&tables[run, default: RunTables()])
    }

    public func loadHistory() throws -> RunHistory {
        var history = RunHistory()
        history.runs = runRecords
        for run in runRecords {
            history.steps.append(contentsOf: try steps(run: run.id))
            history.attempts.append(contentsOf: try attempts(run: run.id))
        }
        history.artifacts = artifactOrder
        history.meta = metaValues.keys.sorted().map { MetaEntry(key: $0, value: metaValues[$0] ?? "") }
        return history
    }

    public func runs(pipeline: String?, limit: Int?) throws -> [RunRecord] {
        var result: [RunRecord] = []
        for record in runRecords.reversed() where pipeline == nil || record.pipeline == pipeline {
            if let limit, result.count >= limit { break }
            result.append(record)
        }
        return result
    }

    public func steps(run: RunID) throws -> [StepRecord] {
        tables[run]?.steps ?? []
    }

    public func attempts(run: RunID) throws -> [StepAttemptRecord] {
        guard let table = tables[run] else { return [] }
        var result: [StepAttemptRecord] = []
        var listed: Set<String> = []
        for step in table.steps {
            result.append(contentsOf: table.attempts[step.step] ?? [])
            listed.insert(step.step)
        }
        for step in table.attemptStepOrder where !listed.contains(step) {
            result.append(contentsOf: table.attempts[step] ?? [])
        }
        return result
    }

    public func logs(run: RunID, step: String, attempt: Int?) throws -> [LogLine] {
        let lines = tables[run]?.logs[step] ?? []
        let selected = attempt.map { wanted in lines.filter { $0.key.attempt == wanted } } ?? lines
        // Stable order: by attempt, then sequence (arrival order breaks ties).
        return selected.enumerated().sorted { a, b in
            if a.element.key.attempt != b.element.key.attempt { return a.element.key.attempt < b.element.key.attempt }
            if a.element.sequence != b.element.sequence { return a.element.sequence < b.element.sequence }
            return a.offset < b.offset
        }.map(\.element)
    }

    public func artifacts(run: RunID) throws -> [ArtifactRecord] {
        tables[run]?.artifacts ?? []
    }

    /// The stored value of a meta key.
    public func meta(_ key: String) -> String? { metaValues[key] }
}

private extension Array where Element == StepAttemptRecord {
    /// Replaces the record of the same attempt, or inserts it in attempt order.
    mutating func upsert(_ record: StepAttemptRecord) {
        if let last = self.last, last.key.attempt == record.key.attempt {
            self[count - 1] = record
        } else if let index = firstIndex(where: { $0.key.attempt == record.key.attempt }) {
            self[index] = record
        } else {
            var position = endIndex
            while position > 0 && self[position - 1].key.attempt > record.key.attempt { position -= 1 }
            insert(record, at: position)
        }
    }
}
