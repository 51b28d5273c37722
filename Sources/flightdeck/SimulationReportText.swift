import Engine
import Foundation
import TUICore

extension SimulationReport {
    /// Rows of a drift chart in the text report.
    static let chartHeight = 8
    /// Columns of a drift chart in the text report.
    static let chartWidth = 76

    /// The report as text: tables, and a line chart per drifting feature
    /// (braille with `glyphs` that have it, ASCII markers otherwise).
    func text(glyphs: GlyphSet = .unicode) -> String {
        var out = "project \(project), seed \(seed), simulated to \(clock)\(completed ? "" : " (interrupted)")\n"
        out += "requests \(requests) (errors \(errors)), replica-hours \(String(format: "%.1f", replicaHours))\n\n"
        var rows = [["PIPELINE", "RUNS", "OK", "FAILED", "CANCELLED", "ACTIVE", "ATTEMPTS", "RETRIES", "LAST"]]
        for p in pipelines {
            let last = p.lastRun.map { "#\($0) \(p.lastReason ?? p.lastState ?? "")" } ?? "-"
            rows.append([p.id, "\(p.runs)", "\(p.succeeded)", "\(p.failed)", "\(p.cancelled)", "\(p.active)", "\(p.attempts)", "\(p.retries)", TextSanitizer.clean(last)])
        }
        out += TextTable.render(rows)
        if !models.isEmpty {
            var table = [["MODEL", "POLICY", "VERSIONS", "CHAMPION", "PROMOTIONS", "APPROVED", "REJECTED", "PENDING", "DECIDED BY", "STATES"]]
            for m in models {
                table.append([m.id, m.policy, "\(m.versionsRegistered)", m.champion.map { "v\($0)" } ?? "-", "\(m.promotions)",
                              "\(m.approved)", "\(m.rejected)", "\(m.pending)",
                              m.decidedBy.map { "\($0.name) \($0.count)" }.joined(separator: ", "),
                              m.states.map { "\($0.name) \($0.count)" }.joined(separator: ", ")])
            }
            out += "\n\n" + TextTable.render(table)
            out += "\napprovals: " + approvals.note
            if !approvals.refused.isEmpty { out += "; refused: " + approvals.refused.prefix(5).joined(separator: "; ") }
        }
        if !deployments.isEmpty {
            var table = [["DEPLOYMENT", "STRATEGY", "MODE", "SPLIT", "REQUESTS", "ERRORS", "REPLICA-H", "ROLLOUTS", "PROMOTED", "ROLLED BACK", "NOW"]]
            for d in deployments {
                table.append([d.id, d.strategy, d.mode, d.split, "\(d.requests)", "\(d.errors)", String(format: "%.1f", d.replicaHours),
                              "\(d.rollouts.started)", "\(d.rollouts.promoted)", "\(d.rollouts.rolledBack)",
                              TextSanitizer.clean("\(d.phase): \(d.reason)")])
            }
            out += "\n\n" + TextTable.render(table)
            out += "\n\n" + costText()
        }
        if rollouts.started > 0 {
            out += "\n\nrollouts: \(rollouts.started) started, \(rollouts.promoted) promoted, \(rollouts.rolledBack) rolled back, \(rollouts.aborted) aborted"
            if !rollouts.reasons.isEmpty {
                var table = [["ROLLBACKS", "DEPLOYMENT", "REASON"]]
                for reason in rollouts.reasons.sorted(by: { ($1.count, $0.deployment, $0.reason) < ($0.count, $1.deployment, $1.reason) }) {
                    table.append(["\(reason.count)", reason.deployment, TextSanitizer.clean(reason.reason)])
                }
                if rollouts.otherReasons > 0 { table.append(["\(rollouts.otherReasons)", "-", "(other reasons)"]) }
                out += "\n" + TextTable.render(table)
            }
            if !rollouts.newest.isEmpty {
                out += "\nnewest outcomes:"
                for outcome in rollouts.newest { out += "\n  \(outcome.clock)  \(TextSanitizer.clean(outcome.message))" }
            }
        }
        if !alerts.isEmpty {
            var table = [["ALERT", "STATE", "SEVERITY", "FIRED", "TIME FIRING", "LAST FIRED", "NOW"]]
            for alert in alerts {
                table.append([alert.id, alert.state, alert.severity ?? "-", "\(alert.fired)",
                              SimDuration(milliseconds: alert.firingMs).description, alert.lastFired ?? "-", TextSanitizer.clean(alert.message)])
            }
            out += "\n\n" + TextTable.render(table)
        }
        if !slos.isEmpty {
            var table = [["MONITOR", "SLO", "TARGET", "BUDGET LEFT", "LOWEST", "BURN", "GOOD/TOTAL"]]
            for slo in slos {
                table.append([slo.monitor, slo.slo, String(format: "%.2f%%", slo.target * 100),
                              String(format: "%.1f%%", slo.budgetRemaining * 100), String(format: "%.1f%%", slo.lowestBudget * 100),
                              slo.burnRates.map { "\($0.window) \(String(format: "%.2f", $0.rate))x" }.joined(separator: ", "),
                              "\(slo.good)/\(slo.total)"])
            }
            out += "\n\n" + TextTable.render(table)
        }
        for entry in drift {
            out += "\n\n" + driftChart(entry, glyphs: glyphs)
        }
        for story in stories {
            out += "\n\nCT story \(story.id) (\(story.alert) -> \(story.pipeline))\(story.isClosed ? "" : ", open"):"
            for chapter in story.chapters {
                out += "\n  \(chapter.time.clockLabel)  \(TextSanitizer.clean(chapter.text))"
            }
        }
        if missedEvents > 0 { out += "\n\n(\(missedEvents) events scrolled out of the event log between reads; rollout outcomes may be incomplete)" }
        if let measurement { out += "\n\n" + measurement.text() }
        return out + "\n"
    }

    /// Replica-hours per deployment and version.
    private func costText() -> String {
        var table = [["COST", "VERSION", "REQUESTS", "ERRORS", "REPLICA-H"]]
        for d in deployments {
            for v in d.versions {
                table.append([d.id, "v\(v.version)", "\(v.requests)", "\(v.errors)", String(format: "%.1f", v.replicaHours)])
            }
        }
        return TextTable.render(table)
    }

    /// One feature's drift over the run: the mean and the maximum per bucket,
    /// with the warn and alert levels as dashed lines.
    private func driftChart(_ entry: Drift, glyphs: GlyphSet) -> String {
        var buffer = CellBuffer(width: Self.chartWidth, height: Self.chartHeight)
        let hours = { (ms: Double) in ms / 3_600_000 }
        let chart = LineChart(
            series: [ChartSeries(name: "mean", points: entry.points.map { (x: hours(Double($0.time)), y: $0.mean) }, style: .plain),
                     ChartSeries(name: "max", points: entry.points.map { (x: hours(Double($0.time)), y: $0.max) }, style: .plain)],
            thresholds: [entry.warn.map { ChartThreshold(value: $0, label: "warn", style: .plain) },
                         entry.alert.map { ChartThreshold(value: $0, label: "alert", style: .plain) }].compactMap { $0 },
            xLabel: { ChartNumberFormat.compact($0) + "h" },
            glyphs: glyphs
        )
        chart.render(into: &buffer, area: Rect(x: 0, y: 0, width: Self.chartWidth, height: Self.chartHeight))
        var lines = ["drift \(entry.monitor)/\(entry.feature) (\(entry.method), per \(SimDuration(milliseconds: entry.bucketMs))):"]
        for row in 0..<Self.chartHeight {
            var line = buffer.text(ofRow: row)
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

extension SimulationReport.Measurement {
    /// Wall time, speed and memory as text.
    func text() -> String {
        var out = String(format: "wall time %.1f s, %.0fx simulated time, %@ simulated requests per second",
                         wallSeconds, simulatedPerWallSecond, SimulationProgress.rateText(requestsPerSecond))
        if let peakResidentBytes { out += ", peak resident memory " + ResidentMemory.text(peakResidentBytes) }
        if !memory.isEmpty {
            out += "\nresident memory by simulated day: "
                + memory.map { "d\($0.day) \(ResidentMemory.text($0.residentBytes))" }.joined(separator: ", ")
        }
        return out
    }
}
