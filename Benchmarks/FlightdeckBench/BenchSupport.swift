import Foundation

/// Monotonic nanoseconds, for timing benchmark runs.
func monotonicNanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}

/// A fresh temporary directory (removed by the caller).
func makeTemporaryDirectory(_ prefix: String) -> String {
    var template = Array((NSTemporaryDirectory() + "/" + prefix + ".XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
        fatalError("benchmark: cannot create a temporary directory: \(String(cString: strerror(errno)))")
    }
    return String(cString: made)
}

func removeDirectory(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

/// The median of `values` (the upper middle one for an even count).
func median(_ values: [Double]) -> Double {
    Measurement(name: "", samples: values).median
}

func formatRatio(_ ratio: Double) -> String {
    String(format: ratio < 10 ? "%.2fx" : "%.0fx", ratio)
}

/// CPU time (user + system) of the whole process so far, in nanoseconds:
/// beside wall time it shows how much of a figure is waiting for a core
/// on a shared machine.
func processCPUNanoseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let seconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    let microseconds = Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    return seconds * 1e9 + microseconds * 1e3
}
