import SimKernel

/// Quality measures of predicted probabilities against 0/1 labels. Every
/// function takes equally long arrays, sums in input order and uses
/// ``PortableMath``, so results are the same on every platform.
public enum ClassificationMetrics {
    /// Probabilities are clipped to `[logLossClip, 1 - logLossClip]` in ``logLoss(probabilities:labels:)``.
    public static let logLossClip = 1e-15
    /// The number of equal-width bins of ``expectedCalibrationError(probabilities:labels:)``.
    public static let calibrationBins = 10

    /// The area under the ROC curve by ranks (Mann–Whitney U): scores are
    /// ranked ascending with tied scores getting the average of their ranks;
    /// `AUC = (sum of positive ranks - P (P + 1) / 2) / (P N)`. That equals
    /// the probability that a random positive scores above a random
    /// negative, counting ties as one half. Nil when either class is absent.
    /// Scores must not be NaN.
    public static func auc(scores: [Double], labels: [UInt8]) -> Double? {
        precondition(scores.count == labels.count, "one label per score")
        let positives = labels.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        precondition(!scores.contains { $0.isNaN }, "AUC scores must not be NaN")
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var positiveRankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, scores[order[end]] == scores[order[start]] { end += 1 }
            // Ranks start + 1 ... end share their average.
            let averageRank = Double(start + 1 + end) / 2
            for position in start..<end where labels[order[position]] == 1 { positiveRankSum += averageRank }
            start = end
        }
        let p = Double(positives)
        return (positiveRankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }

    /// Share of rows whose prediction (positive when p >= 0.5) matches the
    /// label; nil without rows.
    public static func accuracy(probabilities: [Double], labels: [UInt8]) -> Double? {
        ConfusionMatrix(probabilities: probabilities, labels: labels).accuracy
    }

    /// Mean negative log likelihood, `-(y ln p + (1 - y) ln(1 - p))`, with
    /// `p` clipped to `[1e-15, 1 - 1e-15]`; nil without rows.
    public static func logLoss(probabilities: [Double], labels: [UInt8]) -> Double? {
        precondition(probabilities.count == labels.count, "one label per probability")
        guard !labels.isEmpty else { return nil }
        var sum = 0.0
        for (p, label) in zip(probabilities, labels) {
            let clipped = Swift.min(Swift.max(p, logLossClip), 1 - logLossClip)
            sum -= label == 1 ? PortableMath.log(clipped) : PortableMath.log(1 - clipped)
        }
        return sum / Double(labels.count)
    }

    /// Expected calibration error over 10 equal-width probability bins:
    /// bin `b` holds `p` in `[b/10, (b+1)/10)` (the last bin also holds 1);
    /// `ECE = sum over non-empty bins of (n_b / n) |mean p in b - share of positives in b|`.
    /// Nil without rows.
    public static func expectedCalibrationError(probabilities: [Double], labels: [UInt8]) -> Double? {
        precondition(probabilities.count == labels.count, "one label per probability")
        guard !labels.isEmpty else { return nil }
        let bins = calibrationBins
        var counts = [Int](repeating: 0, count: bins)
        var probabilitySums = [Double](repeating: 0, count: bins)
        var positiveCounts = [Int](repeating: 0, count: bins)
        for (p, label) in zip(probabilities, labels) {
            let bin = Swift.min(Swift.max(Int(p * Double(bins)), 0), bins - 1)
            counts[bin] += 1
            probabilitySums[bin] += p
            positiveCounts[bin] += Int(label)
        }
        var error = 0.0
        for bin in 0..<bins where counts[bin] > 0 {
            let n = Double(counts[bin])
            error += n * Swift.abs(probabilitySums[bin] / n - Double(positiveCounts[bin]) / n)
        }
        return error / Double(labels.count)
    }
}
