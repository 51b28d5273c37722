import Engine

/// A labelled data set drawn inside the tests from a known logistic rule,
/// with the rule's true probabilities kept for comparison.
struct SyntheticLogisticData {
    var matrix: TrainingMatrix
    /// P(label = 1) under the generating rule, per row.
    var trueProbabilities: [Double]

    static let categories = ["basic", "plus", "pro", "team"]
    /// Effect of each category on the linear predictor.
    static let categoryEffects = [-0.6, 0.0, 0.5, 1.1]
    static let coefficients = [1.2, -0.8, 0.6, 1.5, -0.4]
    static let intercept = -1.0

    /// `rows` rows with 5 numeric features (normal, lognormal, uniform, beta,
    /// exponential) and one categorical feature; label ~ Bernoulli(sigmoid(
    /// intercept + coefficients . x + categoryEffect)).
    static func make(rows: Int, seed: UInt64) -> SyntheticLogisticData {
        var random = Xoshiro256StarStar(seed: seed)
        var numeric = [[Double]](repeating: [], count: 5)
        var codes: [Int32] = []
        var labels: [UInt8] = []
        var truth: [Double] = []
        for _ in 0..<rows {
            let x = [
                Sampling.normal(mean: 2, standardDeviation: 1.5, using: &random),
                Sampling.lognormal(mu: 0, sigma: 0.5, using: &random),
                Sampling.uniform(-1, 3, using: &random),
                Sampling.beta(2, 5, using: &random),
                Sampling.exponential(mean: 1, using: &random),
            ]
            let code = Sampling.categorical([0.4, 0.3, 0.2, 0.1], using: &random)
            var z = intercept + categoryEffects[code]
            for (index, value) in x.enumerated() {
                numeric[index].append(value)
                z += coefficients[index] * value
            }
            let p = 1 / (1 + PortableMath.exp(-z))
            codes.append(Int32(code))
            truth.append(p)
            labels.append(Sampling.unitInterval(using: &random) < p ? 1 : 0)
        }
        let matrix = try! TrainingMatrix(
            featureNames: ["n0", "n1", "n2", "n3", "n4", "plan"],
            kinds: [.numeric, .numeric, .numeric, .numeric, .numeric, .categorical(categories)],
            numericColumns: numeric, categoricalColumns: [codes], labels: labels)
        return SyntheticLogisticData(matrix: matrix, trueProbabilities: truth)
    }
}
