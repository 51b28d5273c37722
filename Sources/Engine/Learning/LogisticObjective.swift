import SimKernel

/// The regularised logistic loss of a design matrix and 0/1 targets, as a
/// function of the parameter vector `theta = [w_0, ..., w_{d-1}, bias]`:
/// `mean_i [softplus(z_i) - y_i z_i] + (l2 / 2) |w|^2` with
/// `z_i = bias + x_i . w`, and its gradient.
///
/// One pass over the contiguous row-major design matrix per evaluation,
/// no allocations; sums in row order; `exp` and `log` from ``PortableMath``
/// so results are the same on every platform.
struct LogisticObjective {
    let design: DesignMatrix
    let targets: [Double]
    let l2: Double

    init(design: DesignMatrix, labels: [UInt8], l2: Double) {
        precondition(labels.count == design.rows, "one label per row")
        self.design = design
        self.targets = labels.map { Double($0) }
        self.l2 = l2
    }

    /// The number of parameters (weights and the bias).
    var parameterCount: Int { design.columns + 1 }

    /// The objective at `theta`; writes its gradient into `gradient`
    /// (which must have `parameterCount` elements).
    func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
        let rows = design.rows
        let columns = design.columns
        precondition(theta.count == columns + 1 && gradient.count == columns + 1, "parameter count mismatch")
        var loss = 0.0
        var biasGradient = 0.0
        let bias = theta[columns]
        design.values.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                theta.withUnsafeBufferPointer { w in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for j in 0..<columns { g[j] = 0 }
                        var base = 0
                        for i in 0..<rows {
                            var z = bias
                            for j in 0..<columns { z += x[base + j] * w[j] }
                            let t = PortableMath.exp(-Swift.abs(z))
                            loss += Swift.max(z, 0) + PortableMath.log(1 + t) - y[i] * z
                            let p = z >= 0 ? 1 / (1 + t) : t / (1 + t)
                            let residual = p - y[i]
                            for j in 0..<columns { g[j] += residual * x[base + j] }
                            biasGradient += residual
                            base += columns
                        }
                        let scale = 1 / Double(Swift.max(rows, 1))
                        var penalty = 0.0
                        for j in 0..<columns {
                            g[j] = g[j] * scale + l2 * w[j]
                            penalty += w[j] * w[j]
                        }
                        g[columns] = biasGradient * scale
                        loss = loss * scale + 0.5 * l2 * penalty
                    }
                }
            }
        }
        return loss
    }
}
