import Engine

/// A DAG of steps given by each step's needs (indices of earlier steps), the
/// shape shared by the engine benchmark and its Python floor.
struct BenchDAG {
    var name: String
    /// `needs[i]`: the steps step `i` waits for, all `< i`.
    var needs: [[Int]]

    var count: Int { needs.count }
    var edgeCount: Int { needs.reduce(0) { $0 + $1.count } }

    /// 0 -> 1 -> ... -> n-1.
    static func chain(_ n: Int) -> BenchDAG {
        BenchDAG(name: "chain", needs: (0..<n).map { $0 == 0 ? [] : [$0 - 1] })
    }

    /// One root, n-2 middle steps that need it, one sink that needs them all.
    static func fan(_ n: Int) -> BenchDAG {
        precondition(n >= 3)
        var needs: [[Int]] = [[]]
        needs.append(contentsOf: Array(repeating: [0], count: n - 2))
        needs.append(Array(1..<(n - 1)))
        return BenchDAG(name: "fan 1 -> \(n - 2) -> 1", needs: needs)
    }

    /// Step 0 is the root; every later step needs 1-3 distinct earlier steps
    /// drawn uniformly from the seeded stream.
    static func random(_ n: Int, seed: UInt64) -> BenchDAG {
        var random = Xoshiro256StarStar(seed: seed)
        var needs: [[Int]] = [[]]
        for index in 1..<n {
            let wanted = min(index, 1 + Int(random.next() % 3))
            var picked: [Int] = []
            while picked.count < wanted {
                let candidate = Int(random.next() % UInt64(index))
                if !picked.contains(candidate) { picked.append(candidate) }
            }
            needs.append(picked.sorted())
        }
        return BenchDAG(name: "random (1-3 needs, seed \(seed))", needs: needs)
    }

    func stepID(_ index: Int) -> String { "s\(index)" }

    /// The DAG as a one-pipeline project whose steps all do `action`.
    func project(pipeline: String, action: StepAction, directory: String? = nil) -> ProjectSpec {
        let steps = needs.indices.map { index in
            StepSpec(id: stepID(index), needs: needs[index].map(stepID), action: action)
        }
        return ProjectSpec(name: "bench", seed: 7, pipelines: [PipelineSpec(id: pipeline, steps: steps)], directory: directory)
    }

    /// `{"needs": [[...], ...]}` for the Python floor.
    var json: String {
        "{\"needs\": [" + needs.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]}"
    }
}
