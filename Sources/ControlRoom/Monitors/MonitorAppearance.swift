import Engine
import TUICore

/// How drift states, detector levels, burn alerts and monitoring figures
/// look on the Monitors screen: a glyph per state (Unicode and ASCII) and a
/// palette style, so states stay distinguishable without colour, and the
/// number formats of the drift table.
enum MonitorAppearance {

    static func glyph(_ state: DriftState, _ glyphs: GlyphSet) -> Unicode.Scalar {
        switch state {
        case .ok: return glyphs.check
        case .warning: return glyphs.hasBraille ? "▲" : "^"
        case .drift: return glyphs.crossMark
        case .insufficient: return "?"
        }
    }

    static func style(_ state: DriftState, _ p: Palette) -> Style {
        switch state {
        case .ok: return p.ok
        case .warning: return p.warn
        case .drift: return p.critical.bold()
        case .insufficient: return p.muted
        }
    }

    /// How bad a state is, for the worst of several: insufficient says the
    /// least, then ok, warning, drift.
    static func severity(_ state: DriftState) -> Int {
        switch state {
        case .insufficient: return 0
        case .ok: return 1
        case .warning: return 2
        case .drift: return 3
        }
    }

    static func state(_ level: DetectorLevel) -> DriftState {
        switch level {
        case .none: return .ok
        case .warning: return .warning
        case .drift: return .drift
        }
    }

    static func state(_ alert: BurnAlert) -> DriftState {
        switch alert {
        case .none: return .ok
        case .slow: return .warning
        case .fast: return .drift
        }
    }

    /// The worst of a monitor's feature states, dataset drift, concept
    /// detectors and SLO burn alerts (a slow burn counts as a warning, a
    /// fast one as drift); insufficient only when nothing says more.
    static func worstState(_ monitor: MonitorSummary) -> DriftState {
        var states = monitor.features.map(\.state)
        if let dataset = monitor.datasetDrift, dataset.isDrifting { states.append(.drift) }
        if let concept = monitor.concept, !concept.detectors.isEmpty { states.append(state(concept.level)) }
        states += monitor.slos.map { state($0.alert) }
        if states.isEmpty && monitor.evaluatedAt != nil { return .ok }
        return states.max { severity($0) < severity($1) } ?? .insufficient
    }

    /// `PSI`, `KS`, `Wass`, `JS`, `Chi2`.
    static func method(_ method: DriftMethod) -> String {
        switch method {
        case .psi: return "PSI"
        case .ks: return "KS"
        case .wasserstein: return "Wass"
        case .jensenShannon: return "JS"
        case .chiSquare: return "Chi2"
        }
    }

    /// A drift value: 3 decimals from 0.01, 4 from 0.001, else `3.2e-5`;
    /// `-` when missing.
    static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        guard value.isFinite else { return value.isNaN ? "-" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 1000 { return VersionAppearance.fixed(value, decimals: 0) }
        if magnitude >= 0.01 { return VersionAppearance.fixed(value, decimals: 3) }
        if magnitude >= 0.001 { return VersionAppearance.fixed(value, decimals: 4) }
        var mantissa = magnitude, exponent = 0
        while mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        var text = VersionAppearance.fixed(mantissa, decimals: 1)
        if text == "10.0" {
            text = "1.0"
            exponent += 1
        }
        return (value < 0 ? "-" : "") + text + "e\(exponent)"
    }

    /// The feature's value as the table shows it: `p 0.003` for p-value tests.
    static func value(_ feature: FeatureDriftSummary) -> String {
        guard let value = feature.value else { return "-" }
        return feature.method.isPValueTest ? "p \(number(value))" : number(value)
    }

    /// `0.1/0.2` (warn/alert), `p<0.05/0.01` for p-value tests.
    static func thresholds(_ feature: FeatureDriftSummary) -> String {
        let text = "\(threshold(feature.thresholds.warn))/\(threshold(feature.thresholds.alert))"
        return feature.method.isPValueTest ? "p<\(text)" : text
    }

    /// A threshold without trailing zeros: `0.1`, `0.05`, `0.001`, `1.0e-6`.
    static func threshold(_ value: Double) -> String {
        var text = number(value)
        guard text.contains("."), !text.contains("e") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `20k/5,000` as `ref/cur` with compact counts: `20k/4.2k`.
    static func counts(_ feature: FeatureDriftSummary) -> String {
        "\(VersionAppearance.compactCount(feature.referenceCount))/\(VersionAppearance.compactCount(feature.currentCount))"
    }

    /// `2/4 features drifting (>= 50%)`, with `: dataset drift` when it is.
    static func datasetLine(_ dataset: DatasetDriftSummary) -> String {
        let noun = dataset.watched == 1 ? "feature" : "features"
        let share = percent(dataset.threshold)
        return "\(dataset.drifting)/\(dataset.watched) \(noun) drifting (>= \(share))" + (dataset.isDrifting ? ": dataset drift" : "")
    }

    /// A share as a percent with up to two decimals: `50%`, `99.9%`, `99.95%`.
    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "-" }
        var text = VersionAppearance.fixed(share * 100, decimals: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text + "%"
    }

    /// `availability >= 99.9%`, `latency < 150 ms for 99%`.
    static func objective(_ slo: SLOSummary) -> String {
        switch slo.objective {
        case .availability: return "availability >= \(percent(slo.target))"
        case .latency: return "\(slo.objective.description) for \(percent(slo.target))"
        }
    }

    static func burnAlertText(_ alert: BurnAlert) -> String {
        switch alert {
        case .none: return "no burn alert"
        case .slow: return "slow burn"
        case .fast: return "fast burn"
        }
    }

    /// `2.1x`, `15x`, `0.40x`.
    static func rate(_ rate: Double) -> String {
        guard rate.isFinite else { return "-" }
        if rate >= 10 { return VersionAppearance.fixed(rate, decimals: 0) + "x" }
        if rate >= 1 { return VersionAppearance.fixed(rate, decimals: 1) + "x" }
        return VersionAppearance.fixed(rate, decimals: 2) + "x"
    }

    /// `DDM`, `PH`, `ADWIN`.
    static func detector(_ kind: ConceptDetectorKind) -> String {
        switch kind {
        case .ddm: return "DDM"
        case .pageHinkley: return "PH"
        case .adwin: return "ADWIN"
        }
    }

    static func levelText(_ level: DetectorLevel) -> String {
        switch level {
        case .none: return "none"
        case .warning: return "warning"
        case .drift: return "drift"
        }
    }

    /// `-log10(p)`, the height a p-value is plotted at (0 for p >= 1,
    /// capped at 12 for p = 0).
    static func minusLog10(_ p: Double) -> Double {
        guard p.isFinite else { return .nan }
        guard p > 0 else { return 12 }
        return max(0, min(12, -PortableMath.log(p) / PortableMath.log(10)))
    }

    /// `00:41` (hours and minutes of the simulated clock).
    static func clock(_ time: SimTime) -> String { TrafficPanel.shortClock(Double(time.milliseconds)) }

    /// `30m`, `6h`, `2m`: the shortest exact form.
    static func duration(_ duration: SimDuration) -> String { duration.description }
}
