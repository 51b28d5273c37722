import Engine
import SimKernel

/// One line of the Events screen's log: an engine event or an alert
/// transition from the alert history, flattened so both sort and filter
/// alike.
public struct EventsLogEntry: Sendable, Hashable {
    public var time: SimTime
    /// `started`, `rollout`, ... for engine events; `alert` for alert transitions.
    public var kind: String
    /// The one-line message as the engine wrote it (cleaned when drawn).
    public var message: String
    /// What the line is about (an alert transition is about its alert).
    public var subject: EventSubject?
    /// The level of an alert transition (nil for engine events).
    public var severity: AlertSeverity?
    /// The transition, for alert lines.
    public var transition: AlertTransition?

    public init(time: SimTime, kind: String, message: String, subject: EventSubject?, severity: AlertSeverity? = nil,
                transition: AlertTransition? = nil) {
        self.time = time
        self.kind = kind
        self.message = message
        self.subject = subject
        self.severity = severity
        self.transition = transition
    }

    /// An engine event as a log line.
    public init(_ event: EngineEvent) {
        self.init(time: event.time, kind: event.kind.rawValue, message: event.message, subject: event.subject)
    }

    /// An alert transition as a log line: `amount-drift fired: drift.amount
    /// 0.231 >= 0.2 for 2m`, `amount-drift silenced by alice (10.0.0.5): ...`.
    public init(_ entry: AlertHistoryEntry) {
        let actor = entry.actor.map { " by \($0)" } ?? ""
        let detail = entry.message.isEmpty ? "" : ": \(entry.message)"
        self.init(time: entry.time, kind: "alert", message: "\(entry.alert) \(entry.transition.rawValue)\(actor)\(detail)",
                  subject: .alert(entry.alert), severity: entry.severity, transition: entry.transition)
    }

    func matches(_ needle: String) -> Bool {
        "\(kind) \(message)".lowercased().contains(needle)
    }
}

/// The Events screen's rows, derived from a snapshot and the filter: the
/// alerts that have fired (active ones first, then resolved) above the log
/// (engine events and alert transitions merged, newest first). One
/// selection runs through both: rows `0..<alerts.count` are alerts, the
/// rest log lines.
public struct EventsData: Sendable, Equatable {
    /// The alerts that have fired at least once, after the filter: firing,
    /// pending, acknowledged, silenced, then resolved; critical before
    /// warning within a state; project order otherwise.
    public var alerts: [AlertSummary]
    /// The log after the filter, newest first.
    public var log: [EventsLogEntry]
    /// Alerts that have fired (before the filter).
    public var totalAlerts: Int
    /// Log lines before the filter.
    public var totalLog: Int
    /// The selected row, clamped to the rows (0 when there are none).
    public var selectedIndex: Int
    /// Every fired alert's id in display order, ignoring the filter (to
    /// find an alert's row when the filter hides it).
    public var alertOrder: [String]
    /// The pipeline of the selected row's run, when its subject is a run
    /// still among the snapshot's recent runs.
    public var selectedRunPipeline: String?
    /// The snapshot's simulated time.
    public var now: SimTime
    /// Whether the lower list is the audit log (`a`) instead of the event log.
    public var showsAudit: Bool
    /// The recent audit records after the filter, newest first (empty
    /// unless ``showsAudit``).
    public var audit: [AuditRecord]
    /// Recent audit records before the filter.
    public var totalAudit: Int

    /// The rows for `snapshot`; with `showAudit` the audit log takes the
    /// event log's place below the alerts.
    public init(snapshot: EngineSnapshot, selection: Int, filter: String, showAudit: Bool = false) {
        let needle = filter.lowercased()
        let ordered = EventsData.displayOrder(snapshot.alerts)
        let log = EventsData.merge(events: snapshot.recentEvents, history: snapshot.alertHistory)
        self.alerts = needle.isEmpty ? ordered : ordered.filter { EventsData.matches($0, needle) }
        self.log = showAudit ? [] : needle.isEmpty ? log : log.filter { $0.matches(needle) }
        self.showsAudit = showAudit
        self.totalAudit = snapshot.audit.count
        self.audit = showAudit ? EventsData.auditRows(snapshot.audit, needle: needle) : []
        self.totalAlerts = ordered.count
        self.totalLog = log.count
        self.alertOrder = ordered.map(\.id)
        let rows = alerts.count + self.log.count + self.audit.count
        self.selectedIndex = max(0, min(selection, rows - 1))
        self.selectedRunPipeline = nil
        self.now = snapshot.now
        if case .run(let id)? = selectedSubject {
            self.selectedRunPipeline = snapshot.runs.first { $0.id == id }?.pipeline
        }
    }

    /// Alerts and log lines together.
    public var rowCount: Int { alerts.count + log.count + audit.count }

    /// The selected alert row, if an alert is selected.
    public var selectedAlertRow: AlertSummary? {
        alerts.indices.contains(selectedIndex) ? alerts[selectedIndex] : nil
    }

    /// The selected log line, if one is selected.
    public var selectedLogEntry: EventsLogEntry? {
        let index = selectedIndex - alerts.count
        return log.indices.contains(index) ? log[index] : nil
    }

    /// The alert `k` and `s` act on: the selected alert row, or the alert a
    /// selected log line is about (when it is listed).
    public var selectedAlert: AlertSummary? {
        if let alert = selectedAlertRow { return alert }
        guard case .alert(let id)? = selectedLogEntry?.subject else { return nil }
        return alerts.first { $0.id == id }
    }

    /// What Enter opens: an alert row's subject (the deployment, or the run
    /// it triggered), a log line's subject.
    public var selectedSubject: EventSubject? {
        if let alert = selectedAlertRow { return alert.subject }
        return selectedLogEntry?.subject
    }

    /// The row of alert `id` in the filtered list.
    public func row(ofAlert id: String) -> Int? {
        alerts.firstIndex { $0.id == id }
    }

    /// The order alerts are listed in: fired ones only (`ok` alerts never
    /// fired and have nothing to show), most urgent state first.
    static func displayOrder(_ alerts: [AlertSummary]) -> [AlertSummary] {
        alerts.enumerated()
            .filter { $0.element.state != .ok }
            .sorted { a, b in
                let ra = rank(a.element.state), rb = rank(b.element.state)
                if ra != rb { return ra < rb }
                let sa = a.element.severity == .critical ? 0 : 1, sb = b.element.severity == .critical ? 0 : 1
                if sa != sb { return sa < sb }
                return a.offset < b.offset
            }
            .map(\.element)
    }

    private static func rank(_ state: AlertState) -> Int {
        switch state {
        case .firing: return 0
        case .pending: return 1
        case .acknowledged: return 2
        case .silenced: return 3
        case .resolved: return 4
        case .ok: return 5
        }
    }

    /// Engine events and alert transitions in one list, newest first. Both
    /// inputs are oldest first; at equal times the engine event comes first
    /// (so it shows below the transition).
    /// The engine also logs each alert transition as an `alert` event; the
    /// history entry (with its severity, value and threshold) stands for it.
    static func merge(events allEvents: [EngineEvent], history: [AlertHistoryEntry]) -> [EventsLogEntry] {
        let events = history.isEmpty ? allEvents : allEvents.filter { $0.kind != .alert }
        var merged: [EventsLogEntry] = []
        merged.reserveCapacity(events.count + history.count)
        var e = 0, h = 0
        while e < events.count || h < history.count {
            if h == history.count || (e < events.count && events[e].time <= history[h].time) {
                merged.append(EventsLogEntry(events[e]))
                e += 1
            } else {
                merged.append(EventsLogEntry(history[h]))
                h += 1
            }
        }
        return merged.reversed()
    }

    static func matches(_ alert: AlertSummary, _ needle: String) -> Bool {
        let text = "\(alert.id) \(alert.description ?? "") \(alert.monitor) \(alert.deployment) \(alert.metric) "
            + "\(alert.state.rawValue) \(alert.severity?.rawValue ?? "") \(alert.message) \(alert.acknowledgedBy ?? "")"
        return text.lowercased().contains(needle)
    }
}
