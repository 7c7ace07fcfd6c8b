import Foundation

/// Runs a harness's body over each file named on the command line: the reproducer built without the fuzzer, so a
/// crashing input from `artifacts/` can be replayed under a debugger or in a plain build. A folder means every file in it.
public func reproduce(_ name: String, _ body: ([UInt8]) -> String) {
    let paths = CommandLine.arguments.dropFirst()
    if paths.isEmpty {
        FileHandle.standardError.write(Data("usage: \(name) FILE_OR_FOLDER...  (runs the harness over each file once)\n".utf8))
        exit(2)
    }
    var files: [String] = []
    for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("\(name): no such file or folder: \(path)\n".utf8))
            exit(2)
        }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.sorted().map { (path as NSString).appendingPathComponent($0) }
        } else {
            files.append(path)
        }
    }
    for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        let outcome = body([UInt8](data))
        print("\(name): \(file) (\(data.count) bytes): \(outcome)")
    }
    print("\(name): \(files.count) file(s) ran without a crash")
}

/// What a harness demands of a rejection: it names the file it was given and says why in words. A failure is a crash
/// (and so a finding), as an importer that rejected a file with no reason would leave the user nothing to act on.
public func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("harness check failed: \(message())\n".utf8))
        abort()
    }
}

/// The harness's body, set once by `fuzzMain` before libFuzzer starts calling back.
nonisolated(unsafe) private var harness: (([UInt8]) -> String)?

/// A harness's whole `main`. Built with `-DFUZZING`, hands the process to libFuzzer with `body` as the target;
/// otherwise runs `body` once over each file named on the command line (the reproducer).
public func fuzzMain(_ name: String, _ body: @escaping ([UInt8]) -> String) -> Never {
    harness = body
    #if FUZZING
    runFuzzer()
    #else
    reproduce(name, body)
    exit(0)
    #endif
}

#if FUZZING
import CFuzzDriver

/// libFuzzer's entry for one input: the harness's body over its bytes. Defined here, once, for every harness (its
/// runtime refers to the symbol even when the driver is given the callback).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = harness?(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// Hands the process to libFuzzer with `fuzzOneInput` as the target.
///
/// Why not libFuzzer's own `main`: on Linux SwiftPM links every executable target with `--defsym main=<module>_main`
/// (so that tests can link executables), which fails when the module has no `main` of its own (`-parse-as-library`).
/// So each harness keeps its `@main` and, built with `-DFUZZING`, calls libFuzzer's documented library entry point
/// `LLVMFuzzerRunDriver`, which takes the same command-line flags.
func runFuzzer() -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
}
#endif
