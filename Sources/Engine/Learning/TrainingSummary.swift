/// How a fit went: the data's size, the hyperparameters and the optimiser's
/// end state.
public struct TrainingSummary: Sendable, Equatable {
    /// Why the optimiser stopped.
    public enum StopReason: String, Sendable, Equatable, CaseIterable {
        /// The gradient's max-norm reached the tolerance.
        case converged
        /// `maxIterations` iterations were done first.
        case iterationLimit = "iteration_limit"
        /// No step along the search direction lowered the objective
        /// (usually: at the optimum within floating-point precision).
        case lineSearchFailed = "line_search_failed"
    }

    /// Training rows.
    public var rowCount: Int
    /// Training rows labelled 1.
    public var positiveCount: Int
    public var parameters: TrainingParameters
    /// Optimiser iterations done.
    public var iterations: Int
    /// Objective (and gradient) evaluations, line-search trials included.
    public var evaluations: Int
    /// The final objective: mean log loss + (l2 / 2) |w|^2.
    public var objective: Double
    /// The final gradient's largest absolute component.
    public var gradientMaxNorm: Double
    public var stopReason: StopReason

    public init(rowCount: Int, positiveCount: Int, parameters: TrainingParameters, iterations: Int, evaluations: Int,
                objective: Double, gradientMaxNorm: Double, stopReason: StopReason) {
        self.rowCount = rowCount
        self.positiveCount = positiveCount
        self.parameters = parameters
        self.iterations = iterations
        self.evaluations = evaluations
        self.objective = objective
        self.gradientMaxNorm = gradientMaxNorm
        self.stopReason = stopReason
    }

    /// Whether the gradient tolerance was reached.
    public var converged: Bool { stopReason == .converged }
}
