/// Counts of predicted versus actual labels at a probability threshold
/// (a row is predicted positive when its probability is >= the threshold).
public struct ConfusionMatrix: Sendable, Equatable {
    public var threshold: Double
    public var truePositives: Int
    public var falsePositives: Int
    public var trueNegatives: Int
    public var falseNegatives: Int

    public init(threshold: Double, truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.threshold = threshold
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Counts `probabilities` against `labels` (0/1, same length).
    public init(probabilities: [Double], labels: [UInt8], threshold: Double = 0.5) {
        precondition(probabilities.count == labels.count, "one label per probability")
        var counts = (tp: 0, fp: 0, tn: 0, fn: 0)
        for (p, label) in zip(probabilities, labels) {
            switch (p >= threshold, label == 1) {
            case (true, true): counts.tp += 1
            case (true, false): counts.fp += 1
            case (false, false): counts.tn += 1
            case (false, true): counts.fn += 1
            }
        }
        self.init(threshold: threshold, truePositives: counts.tp, falsePositives: counts.fp,
                  trueNegatives: counts.tn, falseNegatives: counts.fn)
    }

    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }

    /// Share of rows predicted correctly; nil without rows.
    public var accuracy: Double? {
        total == 0 ? nil : Double(truePositives + trueNegatives) / Double(total)
    }

    /// TP / (TP + FP); nil when nothing is predicted positive.
    public var precision: Double? {
        let predicted = truePositives + falsePositives
        return predicted == 0 ? nil : Double(truePositives) / Double(predicted)
    }

    /// TP / (TP + FN); nil without positive rows.
    public var recall: Double? {
        let positives = truePositives + falseNegatives
        return positives == 0 ? nil : Double(truePositives) / Double(positives)
    }
}
