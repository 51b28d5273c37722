/// Hyperparameters of ``LogisticRegression``.
///
/// The objective is `mean log loss + (l2 / 2) * |w|^2` over the weights `w`
/// (the bias is not penalised). Fitting stops when the largest absolute
/// component of the objective's gradient is at most `tolerance`, after
/// `maxIterations` iterations, or when the line search can no longer lower
/// the objective.
public struct TrainingParameters: Sendable, Equatable {
    /// The optimisation method.
    public enum Optimizer: String, Sendable, Equatable, CaseIterable {
        /// Limited-memory BFGS (10 correction pairs) with a backtracking
        /// Armijo line search. `learningRate` is not used.
        case lbfgs
        /// Plain full-batch gradient descent with a fixed step `learningRate`.
        case gradientDescent = "gradient_descent"
    }

    /// L2 penalty strength, >= 0.
    public let l2: Double
    /// Iteration limit, >= 1.
    public let maxIterations: Int
    /// Gradient max-norm at which the fit counts as converged, > 0.
    public let tolerance: Double
    public let optimizer: Optimizer
    /// Step size of gradient descent, > 0; ignored by L-BFGS.
    public let learningRate: Double

    public static let defaultL2 = 1e-4
    public static let defaultMaxIterations = 200
    public static let defaultTolerance = 1e-6
    public static let defaultLearningRate = 0.5

    /// Checked parameters; see the property documentation for the ranges.
    public init(l2: Double = defaultL2, maxIterations: Int = defaultMaxIterations, tolerance: Double = defaultTolerance,
                optimizer: Optimizer = .lbfgs, learningRate: Double = defaultLearningRate) throws(LearningError) {
        guard l2 >= 0, l2.isFinite else { throw .invalidParameter(name: "l2", reason: "must be a finite number >= 0") }
        guard maxIterations >= 1 else { throw .invalidParameter(name: "max_iterations", reason: "must be at least 1") }
        guard tolerance > 0, tolerance.isFinite else { throw .invalidParameter(name: "tolerance", reason: "must be a finite number > 0") }
        guard learningRate > 0, learningRate.isFinite else {
            throw .invalidParameter(name: "learning_rate", reason: "must be a finite number > 0")
        }
        self.init(unchecked: l2, maxIterations, tolerance, optimizer, learningRate)
    }

    private init(unchecked l2: Double, _ maxIterations: Int, _ tolerance: Double, _ optimizer: Optimizer, _ learningRate: Double) {
        self.l2 = l2
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.optimizer = optimizer
        self.learningRate = learningRate
    }

    /// The defaults: L-BFGS, l2 1e-4, 200 iterations, tolerance 1e-6.
    public static let standard = TrainingParameters(unchecked: defaultL2, defaultMaxIterations, defaultTolerance,
                                                    .lbfgs, defaultLearningRate)

    /// The parameter names read by ``init(bindings:)``.
    public static let bindingNames = ["l2", "max_iterations", "tolerance", "optimizer", "learning_rate"]

    /// Parameters from a run's bound params: `l2`, `max_iterations`,
    /// `tolerance`, `optimizer` (`lbfgs` or `gradient_descent`) and
    /// `learning_rate`, each optional (defaults otherwise); other names are
    /// ignored, as they belong to other steps. A name bound twice takes its
    /// first binding.
    public init(bindings: [ParamBinding]) throws(LearningError) {
        func text(_ name: String) -> String? {
            bindings.first { $0.name == name }?.value.trimmingWhitespace()
        }
        func number(_ name: String, _ fallback: Double) throws(LearningError) -> Double {
            guard let value = text(name) else { return fallback }
            guard let parsed = Double(value) else { throw .invalidParameter(name: name, reason: "\"\(value)\" is not a number") }
            return parsed
        }
        var iterations = Self.defaultMaxIterations
        if let value = text("max_iterations") {
            guard let parsed = Int(value) else {
                throw .invalidParameter(name: "max_iterations", reason: "\"\(value)\" is not a whole number")
            }
            iterations = parsed
        }
        var optimizer = Optimizer.lbfgs
        if let value = text("optimizer") {
            guard let parsed = Optimizer(rawValue: value) else {
                throw .invalidParameter(name: "optimizer", reason: "\"\(value)\" is not lbfgs or gradient_descent")
            }
            optimizer = parsed
        }
        try self.init(l2: number("l2", Self.defaultL2), maxIterations: iterations,
                      tolerance: number("tolerance", Self.defaultTolerance), optimizer: optimizer,
                      learningRate: number("learning_rate", Self.defaultLearningRate))
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
