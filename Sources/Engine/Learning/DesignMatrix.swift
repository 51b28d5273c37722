/// The numeric input of the linear model: `rows x columns` values in one
/// contiguous row-major array (`values[row * columns + column]`), built once
/// by ``Preprocessing/designMatrix(for:)``.
public struct DesignMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public let values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "design matrix needs rows * columns values")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The value at `row`, `column`.
    public subscript(row: Int, column: Int) -> Double {
        values[row * columns + column]
    }
}
