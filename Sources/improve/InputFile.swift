import ArgumentParser
import Foundation

/// A one-line error for the user and a non-zero exit; never a stack trace.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension CommandFailure: LocalizedError {
    var errorDescription: String? { description }
}

enum InputFile {
    /// Reads a whole file, refusing directories, missing files and files over `limit` bytes before reading them.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(path): no such file")
        }
        if isDirectory.boolValue { throw CommandFailure("\(path): is a directory, not a file") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > limit {
            throw CommandFailure("\(path): the file is \(size) bytes; a notice is at most \(limit) bytes of text")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure("\(path): cannot be read") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        if data.count > limit { throw CommandFailure("\(path): the file is over \(limit) bytes; a notice is at most \(limit) bytes of text") }
        return [UInt8](data)
    }
}
