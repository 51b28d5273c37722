import Engine
import SimKernel

/// Maps real (monotonic) time to simulated time at the chosen speed. The run
/// loop is the only place that reads a clock; the engine never does.
struct RealTimePacer {
    /// Simulated time advanced per frame at `max` speed.
    static let maxSpeedStep = SimDuration(milliseconds: 3_600_000)

    private var carryNanoseconds: UInt64 = 0

    /// Simulated milliseconds to advance for `elapsedNanoseconds` of real
    /// time. Fractions of a millisecond carry over to the next call so that
    /// slow speeds do not lose time.
    mutating func step(elapsedNanoseconds: UInt64, speed: SimSpeed) -> SimDuration {
        guard let multiplier = speed.multiplier else { return Self.maxSpeedStep }
        let scaled = (elapsedNanoseconds + carryNanoseconds) * UInt64(multiplier)
        let milliseconds = scaled / 1_000_000
        carryNanoseconds = (scaled % 1_000_000) / UInt64(multiplier)
        return SimDuration(milliseconds: Int64(milliseconds))
    }
}
