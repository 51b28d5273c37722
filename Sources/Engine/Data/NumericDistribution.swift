import SimKernel

/// The families a numeric feature can be drawn from.
public enum DistributionFamily: String, Sendable, Equatable, CaseIterable {
    case normal, lognormal, uniform, beta, exponential

    /// The parameters, in the order ``NumericDistribution/parameters`` keeps
    /// them (the names the project file uses).
    public var parameterNames: [String] {
        switch self {
        case .normal: ["mean", "sd"]
        case .lognormal: ["mu", "sigma"]
        case .uniform: ["min", "max"]
        case .beta: ["a", "b"]
        case .exponential: ["mean"]
        }
    }
}

/// A distribution of a numeric feature: a family and its parameters by
/// position (see ``DistributionFamily/parameterNames``). Drift moves the
/// parameters by name; ``clampedToDomain()`` keeps them valid.
///
/// - normal: `mean`, `sd` (standard deviation)
/// - lognormal: `mu`, `sigma` of the logarithm (median `e^mu`)
/// - uniform: `min`, `max`
/// - beta: shapes `a`, `b` (values in [0, 1])
/// - exponential: `mean`
public struct NumericDistribution: Sendable, Equatable, CustomStringConvertible {
    /// The smallest beta shape a drifted parameter is clamped to.
    public static let minimumBetaShape = 0.001

    public var family: DistributionFamily
    /// One value per ``DistributionFamily/parameterNames`` entry.
    public var parameters: [Double]

    public init(family: DistributionFamily, parameters: [Double]) {
        precondition(parameters.count == family.parameterNames.count, "\(family) needs \(family.parameterNames.count) parameters")
        self.family = family
        self.parameters = parameters
    }

    public static func normal(mean: Double, sd: Double) -> NumericDistribution { .init(family: .normal, parameters: [mean, sd]) }
    public static func lognormal(mu: Double, sigma: Double) -> NumericDistribution { .init(family: .lognormal, parameters: [mu, sigma]) }
    public static func uniform(min: Double, max: Double) -> NumericDistribution { .init(family: .uniform, parameters: [min, max]) }
    public static func beta(a: Double, b: Double) -> NumericDistribution { .init(family: .beta, parameters: [a, b]) }
    public static func exponential(mean: Double) -> NumericDistribution { .init(family: .exponential, parameters: [mean]) }

    /// The value of the parameter called `name`, if the family has one.
    public func parameter(_ name: String) -> Double? {
        family.parameterNames.firstIndex(of: name).map { parameters[$0] }
    }

    /// Sets the parameter called `name`; returns whether the family has one.
    @discardableResult
    public mutating func setParameter(_ name: String, to value: Double) -> Bool {
        guard let index = family.parameterNames.firstIndex(of: name) else { return false }
        parameters[index] = value
        return true
    }

    /// The distribution with parameters moved into their valid range: a
    /// negative `sd`, `sigma` or exponential `mean` becomes 0, beta shapes
    /// at least ``minimumBetaShape``, uniform bounds in order (swapped when
    /// `min > max`).
    public func clampedToDomain() -> NumericDistribution {
        var result = self
        switch family {
        case .normal, .lognormal:
            result.parameters[1] = Swift.max(0, parameters[1])
        case .uniform:
            if parameters[0] > parameters[1] { result.parameters = [parameters[1], parameters[0]] }
        case .beta:
            result.parameters = parameters.map { Swift.max(Self.minimumBetaShape, $0) }
        case .exponential:
            result.parameters[0] = Swift.max(0, parameters[0])
        }
        return result
    }

    /// The distribution's mean (before any clipping by a feature's min/max).
    public var mean: Double {
        let p = parameters
        switch family {
        case .normal: return p[0]
        case .lognormal: return PortableMath.exp(p[0] + p[1] * p[1] / 2)
        case .uniform: return (p[0] + p[1]) / 2
        case .beta: return p[0] / (p[0] + p[1])
        case .exponential: return p[0]
        }
    }

    /// The distribution's standard deviation (before any clipping).
    public var standardDeviation: Double {
        let p = parameters
        switch family {
        case .normal: return p[1]
        case .lognormal:
            let s2 = p[1] * p[1]
            return ((PortableMath.exp(s2) - 1) * PortableMath.exp(2 * p[0] + s2)).squareRoot()
        case .uniform: return (p[1] - p[0]) / 12.0.squareRoot()
        case .beta:
            let sum = p[0] + p[1]
            return (p[0] * p[1] / (sum * sum * (sum + 1))).squareRoot()
        case .exponential: return p[0]
        }
    }

    /// One value drawn with the SimKernel samplers. The parameters must be
    /// in their domain (see ``clampedToDomain()``).
    public func draw(using generator: inout some RandomNumberGenerator) -> Double {
        let p = parameters
        switch family {
        case .normal: return Sampling.normal(mean: p[0], standardDeviation: p[1], using: &generator)
        case .lognormal: return Sampling.lognormal(mu: p[0], sigma: p[1], using: &generator)
        case .uniform: return Sampling.uniform(p[0], p[1], using: &generator)
        case .beta: return Sampling.beta(p[0], p[1], using: &generator)
        case .exponential: return Sampling.exponential(mean: p[0], using: &generator)
        }
    }

    /// `normal(mean: 50, sd: 20)`.
    public var description: String {
        let pairs = zip(family.parameterNames, parameters).map { "\($0): \(NumberText.format($1))" }
        return "\(family.rawValue)(\(pairs.joined(separator: ", ")))"
    }
}

/// Probabilities over named categories, in declaration order.
public struct CategoricalDistribution: Sendable, Equatable, CustomStringConvertible {
    public var categories: [String]
    /// One per category; they sum to 1 in a validated spec.
    public var probabilities: [Double]

    public init(categories: [String], probabilities: [Double]) {
        precondition(categories.count == probabilities.count, "one probability per category")
        self.categories = categories
        self.probabilities = probabilities
    }

    /// The probability of `category` (0 for one not listed).
    public func probability(of category: String) -> Double {
        categories.firstIndex(of: category).map { probabilities[$0] } ?? 0
    }

    /// `categorical(online: 0.6, store: 0.3, atm: 0.1)`.
    public var description: String {
        let pairs = zip(categories, probabilities).map { "\($0): \(NumberText.format($1))" }
        return "categorical(\(pairs.joined(separator: ", ")))"
    }
}

/// What a feature is drawn from.
public enum FeatureDistribution: Sendable, Equatable, CustomStringConvertible {
    case numeric(NumericDistribution)
    case categorical(CategoricalDistribution)

    public var description: String {
        switch self {
        case .numeric(let distribution): distribution.description
        case .categorical(let distribution): distribution.description
        }
    }
}
