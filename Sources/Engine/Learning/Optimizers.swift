/// The end state of a minimisation.
struct OptimizerResult {
    var solution: [Double]
    var objective: Double
    var gradientMaxNorm: Double
    var iterations: Int
    var evaluations: Int
    var stopReason: TrainingSummary.StopReason
}

/// The largest absolute component.
func maxNorm(_ vector: [Double]) -> Double {
    var largest = 0.0
    for value in vector { largest = Swift.max(largest, Swift.abs(value)) }
    return largest
}

func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for index in a.indices { sum += a[index] * b[index] }
    return sum
}

/// Limited-memory BFGS (Nocedal and Wright, algorithm 7.4/7.5) from the
/// zero vector.
///
/// - Direction: the two-loop recursion over the last `memory` pairs
///   `(s, y)`, with the initial Hessian scaled by `s.y / y.y` of the newest
///   pair; pairs with `s.y <= 1e-12 * |y|^2` are skipped. A direction that
///   is not a descent direction resets the memory to steepest descent.
/// - Step: backtracking from 1 (from `1 / |g|_2` on a steepest-descent
///   step with an empty memory), halving up to 40 times until the Armijo
///   condition `f(x + t d) <= f(x) + 1e-4 t g.d` holds, or the approximate
///   Wolfe conditions of Hager and Zhang do (`f(x + t d) <= f(x) + 1e-10 |f(x)|`
///   and `0.9 g.d <= g(x + t d).d <= -0.8 g.d`), which still make progress
///   when the objective's decrease is below its rounding error.
/// - Stop: `|g|_inf <= tolerance` (converged), the iteration limit, or no
///   acceptable step.
func minimizeLBFGS(_ objective: LogisticObjective, maxIterations: Int, tolerance: Double, memory: Int = 10) -> OptimizerResult {
    let n = objective.parameterCount
    var x = [Double](repeating: 0, count: n)
    var gradient = [Double](repeating: 0, count: n)
    var f = objective.evaluate(x, gradient: &gradient)
    var evaluations = 1
    var iterations = 0
    // Correction pairs in a ring buffer; `pairCount` valid, newest at `newest`.
    var sHistory = [[Double]](repeating: [Double](repeating: 0, count: n), count: memory)
    var yHistory = sHistory
    var rhoHistory = [Double](repeating: 0, count: memory)
    var alpha = [Double](repeating: 0, count: memory)
    var pairCount = 0
    var newest = -1
    var direction = [Double](repeating: 0, count: n)
    var trial = [Double](repeating: 0, count: n)
    var trialGradient = [Double](repeating: 0, count: n)

    while true {
        let gradientNorm = maxNorm(gradient)
        if gradientNorm <= tolerance {
            return OptimizerResult(solution: x, objective: f, gradientMaxNorm: gradientNorm, iterations: iterations,
                                   evaluations: evaluations, stopReason: .converged)
        }
        if iterations >= maxIterations {
            return OptimizerResult(solution: x, objective: f, gradientMaxNorm: gradientNorm, iterations: iterations,
                                   evaluations: evaluations, stopReason: .iterationLimit)
        }
        // Two-loop recursion: direction = -H g.
        for index in 0..<n { direction[index] = -gradient[index] }
        if pairCount > 0 {
            var slot = newest
            for k in 0..<pairCount {
                alpha[k] = rhoHistory[slot] * dot(sHistory[slot], direction)
                let a = alpha[k]
                for index in 0..<n { direction[index] -= a * yHistory[slot][index] }
                slot = (slot - 1 + memory) % memory
            }
            let yy = dot(yHistory[newest], yHistory[newest])
            let gamma = 1 / (rhoHistory[newest] * yy)
            for index in 0..<n { direction[index] *= gamma }
            for k in stride(from: pairCount - 1, through: 0, by: -1) {
                slot = (newest - k + memory) % memory
                let beta = rhoHistory[slot] * dot(yHistory[slot], direction)
                let step = alpha[k] - beta
                for index in 0..<n { direction[index] += step * sHistory[slot][index] }
            }
        }
        var slope = dot(gradient, direction)
        if !(slope < 0) {
            pairCount = 0
            for index in 0..<n { direction[index] = -gradient[index] }
            slope = dot(gradient, direction)
        }
        var step = pairCount == 0 ? Swift.min(1, 1 / dot(gradient, gradient).squareRoot()) : 1.0
        var accepted = false
        var trialF = f
        for _ in 0..<40 {
            for index in 0..<n { trial[index] = x[index] + step * direction[index] }
            trialF = objective.evaluate(trial, gradient: &trialGradient)
            evaluations += 1
            if trialF.isFinite {
                if trialF <= f + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                // Approximate Wolfe (Hager and Zhang): near the optimum the
                // objective's decrease drowns in rounding, but its slope
                // along the direction is still accurate.
                let trialSlope = dot(trialGradient, direction)
                if trialF <= f + 1e-10 * Swift.abs(f), trialSlope >= 0.9 * slope, trialSlope <= -0.8 * slope {
                    accepted = true
                    break
                }
            }
            step *= 0.5
        }
        if !accepted {
            return OptimizerResult(solution: x, objective: f, gradientMaxNorm: gradientNorm, iterations: iterations,
                                   evaluations: evaluations, stopReason: .lineSearchFailed)
        }
        // New correction pair s = trial - x, y = trialGradient - gradient,
        // kept only when the curvature s.y is positive enough.
        var sy = 0.0
        var yy = 0.0
        for index in 0..<n {
            let s = trial[index] - x[index]
            let y = trialGradient[index] - gradient[index]
            sy += s * y
            yy += y * y
        }
        if sy > 1e-12 * yy, sy > 0 {
            let slot = (newest + 1) % memory
            for index in 0..<n {
                sHistory[slot][index] = trial[index] - x[index]
                yHistory[slot][index] = trialGradient[index] - gradient[index]
            }
            rhoHistory[slot] = 1 / sy
            newest = slot
            pairCount = Swift.min(pairCount + 1, memory)
        }
        swap(&x, &trial)
        swap(&gradient, &trialGradient)
        f = trialF
        iterations += 1
    }
}

/// Full-batch gradient descent from the zero vector with a fixed step:
/// `x -= learningRate * g` until `|g|_inf <= tolerance` or the iteration
/// limit. A non-finite objective is reported as divergence.
func minimizeGradientDescent(_ objective: LogisticObjective, maxIterations: Int, tolerance: Double,
                             learningRate: Double) throws(LearningError) -> OptimizerResult {
    let n = objective.parameterCount
    var x = [Double](repeating: 0, count: n)
    var gradient = [Double](repeating: 0, count: n)
    var f = objective.evaluate(x, gradient: &gradient)
    var iterations = 0
    while true {
        let gradientNorm = maxNorm(gradient)
        if gradientNorm <= tolerance || iterations >= maxIterations {
            return OptimizerResult(solution: x, objective: f, gradientMaxNorm: gradientNorm, iterations: iterations,
                                   evaluations: iterations + 1,
                                   stopReason: gradientNorm <= tolerance ? .converged : .iterationLimit)
        }
        for index in 0..<n { x[index] -= learningRate * gradient[index] }
        f = objective.evaluate(x, gradient: &gradient)
        iterations += 1
        guard f.isFinite else { throw .diverged(iteration: iterations) }
    }
}
