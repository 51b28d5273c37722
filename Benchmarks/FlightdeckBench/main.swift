import Foundation

// flightdeck-bench: the in-process benchmarks. Run in release:
//   swift run -c release flightdeck-bench
// Benchmarks/run.sh runs these plus the terminal benchmarks (bytes written,
// start to first frame) and prints one table.

#if DEBUG
FileHandle.standardError.write(Data("warning: debug build; figures are meaningless. Use: swift run -c release flightdeck-bench\n".utf8))
#endif

var table = ResultTable()
FrameBenchmarks.run(into: &table)
print(table.render(), terminator: "")
