import Histogram
import SimKernel

/// One version's figures over one 10-second bin of simulated time.
struct MetricsBin: Sendable {
    /// The bin's number (`time / 10 s`, rounded down), -1 while unused.
    var bin: Int64 = -1
    var requests = 0
    var errors = 0
    var mirrored = 0
    /// Answered (not failed) live and mirrored requests: the ones labelled
    /// once the bin's labels arrive, and how many were predicted correctly.
    var answered = 0
    var correct = 0
    var compared = 0
    var agreed = 0
    /// Latency of answered live and mirrored requests (see ``VersionMetrics``).
    var latency = VersionMetrics.emptyHistogram

    mutating func reset(to bin: Int64) {
        self.bin = bin
        requests = 0
        errors = 0
        mirrored = 0
        answered = 0
        correct = 0
        compared = 0
        agreed = 0
        // A copy of the empty histogram (the library's reset is generic and slow).
        latency = VersionMetrics.emptyHistogram
    }
}

/// A version's metrics in fixed memory: a ring of 10-second bins for
/// windowed figures and cumulative totals.
///
/// Resolution and size: bins are 10 s of simulated time; the ring holds
/// `ceil((horizon + label delay) / 10 s) + 2` bins, where the horizon is
/// the longest window asked so far (at least the initial horizon, at most
/// ``maximumHorizon`` = 6 h). It grows only when a longer window is asked,
/// never with simulated time; a window longer than the history kept so far
/// sees only the bins kept.
///
/// Latency: an HDR histogram per bin (HdrHistogram's `Histogram<UInt64>`)
/// in units of 0.1 ms from 0 to 60 s with two significant digits (a value
/// is kept within 1%; latencies above 60 s are recorded as 60 s). ~14 KB
/// per bin.
///
/// Labels: all labels of a bin arrive together at the bin's end plus the
/// label delay (the last request's label time; earlier ones are counted a
/// little late, never early).
struct VersionMetrics: Sendable {
    static let binLength: Int64 = 10_000
    /// 0.1 ms per histogram unit.
    static let unitsPerMillisecond = 10.0
    static let highestLatencyUnits: UInt64 = 600_000
    static let maximumHorizon = SimDuration.hours(6)
    static let emptyHistogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: highestLatencyUnits,
                                                  numberOfSignificantValueDigits: .two)

    var bins: [MetricsBin]
    var totals: VersionTotals
    /// Latency of every bin before `openBin`, in Prometheus buckets (seconds).
    var closedLatency = MetricHistogram(upperBounds: MetricHistogram.latencyBoundsSeconds)
    /// The newest bin requests were recorded in (-1 before the first); it is
    /// folded into `closedLatency` when a newer bin opens.
    var openBin: Int64 = -1
    /// The newest bin whose labels are in `totals` (bins before it too).
    var labelsCreditedThrough: Int64
    /// The newest bin that received a live or mirrored request (`Int64.min` before the first).
    var lastActiveBin = Int64.min
    let labelDelay: Int64

    init(version: Int, horizon: SimDuration, labelDelay: SimDuration, start: SimTime) {
        self.labelDelay = max(0, labelDelay.milliseconds)
        bins = []
        totals = VersionTotals(version: version)
        labelsCreditedThrough = Self.bin(of: start) - 1
        bins = [MetricsBin](repeating: MetricsBin(), count: capacity(for: horizon))
    }

    static func bin(of time: SimTime) -> Int64 {
        let ms = time.milliseconds
        return ms >= 0 ? ms / binLength : (ms - binLength + 1) / binLength
    }

    /// The ring size for windows up to `horizon`.
    func capacity(for horizon: SimDuration) -> Int {
        let span = min(max(horizon.milliseconds, Self.binLength), Self.maximumHorizon.milliseconds) + labelDelay
        return Int((span + Self.binLength - 1) / Self.binLength) + 2
    }

    /// The ring slot of `bin`, reset if it held an older bin.
    @inline(__always)
    mutating func slot(for bin: Int64) -> Int {
        if bin != openBin {
            if openBin >= 0 { closedLatency.add(latencyBuckets(of: openBin)) }
            openBin = bin
        }
        let slot = Self.slot(of: bin, capacity: bins.count)
        if bins[slot].bin != bin { bins[slot].reset(to: bin) }
        return slot
    }

    @inline(__always)
    static func slot(of bin: Int64, capacity: Int) -> Int {
        let count = Int64(capacity)
        return Int(((bin % count) + count) % count)
    }

    /// Whether nothing this version recorded can be read through a window
    /// any more: its last request is older than the largest ring any window
    /// can ask for (``maximumHorizon`` plus the label delay plus two bins)
    /// and its labels are credited to `totals`. Its `totals` and
    /// ``cumulativeLatency()`` are then all that is left to read.
    func isSpent(at now: SimTime) -> Bool {
        guard lastActiveBin != Int64.min else { return true }
        let reach = Int64(capacity(for: Self.maximumHorizon))
        return lastActiveBin < Self.bin(of: now) - reach && labelsCreditedThrough >= lastActiveBin
    }

    /// Grows the ring (keeping its bins) so windows up to `horizon` fit.
    mutating func ensureHorizon(_ horizon: SimDuration) {
        let needed = capacity(for: horizon)
        guard needed > bins.count else { return }
        var grown = [MetricsBin](repeating: MetricsBin(), count: needed)
        for bin in bins where bin.bin >= 0 { grown[Self.slot(of: bin.bin, capacity: needed)] = bin }
        bins = grown
    }

    /// Credits to `totals` the labels of the bins whose labels have arrived by `now`.
    mutating func creditLabels(now: SimTime) {
        // Bin b's labels arrive at (b + 1) * binLength + delay.
        let arrived = (now.milliseconds - labelDelay)
        let newest = (arrived >= 0 ? arrived / Self.binLength : (arrived - Self.binLength + 1) / Self.binLength) - 1
        guard newest > labelsCreditedThrough else { return }
        var bin = max(labelsCreditedThrough + 1, newest - Int64(bins.count) + 1)
        while bin <= newest {
            let entry = bins[Self.slot(of: bin, capacity: bins.count)]
            if entry.bin == bin {
                totals.labelled += entry.answered
                totals.correct += entry.correct
            }
            bin += 1
        }
        labelsCreditedThrough = newest
    }

    /// The figures over `window` ending at `now` (see ``ServingSimulator/windowMetrics(version:window:)``).
    func window(_ window: SimDuration, now: SimTime) -> VersionWindowMetrics {
        var result = VersionWindowMetrics(version: totals.version, window: window, end: now)
        let capacity = Int64(bins.count)
        // Traffic: the bins overlapping [now - window, now).
        let last = Self.bin(of: now - .milliseconds(1))
        let first = max(Self.bin(of: now - window), last - capacity + 1)
        var latency = Self.emptyHistogram
        if first <= last {
            for bin in first...last {
                let entry = bins[Self.slot(of: bin, capacity: bins.count)]
                guard entry.bin == bin else { continue }
                result.requests += entry.requests
                result.errors += entry.errors
                result.mirrored += entry.mirrored
                result.compared += entry.compared
                result.agreed += entry.agreed
                if entry.latency.totalCount > 0 { latency.add(entry.latency) }
            }
        }
        if latency.totalCount > 0 {
            result.p50LatencyMs = Self.milliseconds(latency.valueAtPercentile(50))
            result.p95LatencyMs = Self.milliseconds(latency.valueAtPercentile(95))
            result.p99LatencyMs = Self.milliseconds(latency.valueAtPercentile(99))
            result.maxLatencyMs = Self.milliseconds(latency.max)
        }
        // Labels: the bins that ended in (now - delay - window, now - delay].
        let labelEnd = now - .milliseconds(labelDelay)
        let lastLabelled = Self.bin(of: labelEnd) - 1
        let firstLabelled = max(Self.bin(of: labelEnd - window), lastLabelled - capacity + 1)
        if firstLabelled <= lastLabelled {
            for bin in firstLabelled...lastLabelled {
                let entry = bins[Self.slot(of: bin, capacity: bins.count)]
                guard entry.bin == bin else { continue }
                result.labelled += entry.answered
                result.correct += entry.correct
            }
        }
        return result
    }

    /// Latency since the version entered the deployment, in Prometheus
    /// buckets: the closed bins plus the open one. Bucket edges and the sum
    /// have the HDR histograms' precision (two significant digits).
    func cumulativeLatency() -> MetricHistogram {
        var result = closedLatency
        if openBin >= 0 { result.add(latencyBuckets(of: openBin)) }
        return result
    }

    /// The latency of `bin` (if the ring still holds it) in Prometheus buckets.
    /// One pass over the bin's recorded values (a bucket counts the values
    /// whose HDR bucket starts at or below its bound); called once per
    /// closed bin and version, so it stays off the per-request path.
    func latencyBuckets(of bin: Int64) -> MetricHistogram {
        var result = MetricHistogram(upperBounds: MetricHistogram.latencyBoundsSeconds)
        let entry = bins[Self.slot(of: bin, capacity: bins.count)]
        let histogram = entry.latency
        guard entry.bin == bin, histogram.totalCount > 0 else { return result }
        let bounds = Self.latencyBoundUnits
        var total = 0
        var totalValue = 0.0
        for recorded in histogram.recordedValues() {
            let count = Int(recorded.count)
            let lowest = histogram.lowestEquivalentForValue(recorded.value)
            var index = 0
            while index < bounds.count && lowest > bounds[index] { index += 1 }
            result.counts[index] += count
            total += count
            totalValue += Double(histogram.medianEquivalentForValue(recorded.value)) * Double(count)
        }
        // As mean x count, the way the histogram's own mean is formed.
        result.sum = (totalValue / Double(total)) * Double(total) / (1000 * Self.unitsPerMillisecond)
        return result
    }

    /// The Prometheus latency bounds in histogram units.
    static let latencyBoundUnits: [UInt64] = MetricHistogram.latencyBoundsSeconds.map { UInt64($0 * 1000 * unitsPerMillisecond) }

    static func milliseconds(_ units: UInt64) -> Double {
        Double(units) / unitsPerMillisecond
    }

    /// A latency in histogram units, rounded and clamped to the range.
    @inline(__always)
    static func units(milliseconds: Double) -> UInt64 {
        let scaled = milliseconds * unitsPerMillisecond + 0.5
        if !(scaled > 0) { return 0 }
        if scaled >= Double(highestLatencyUnits) { return highestLatencyUnits }
        return UInt64(scaled)
    }
}
