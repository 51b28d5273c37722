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
