import Foundation
import XCTest

/// Runs the built `orbital` binary as a user runs it and captures its output: shared by the CLI
/// tests and the server's tests (which compare the served answers with it byte for byte).
public struct CLIRun {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum CLI {
    /// The package root (three levels above this file).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `orbital` executable next to the test bundle.
    public static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("orbital")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        for product in Bundle.allBundles {
            let candidate = product.bundleURL.deletingLastPathComponent().appendingPathComponent("orbital")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/orbital")
    }

    @discardableResult
    public static func run(_ arguments: [String], in directory: URL = root, environment: [String: String] = [:]) throws -> CLIRun {
        let process = Process()
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Parses stdout as a JSON document and returns its `result` (checking the envelope): an
    /// object as is, a list (evaluate, explain, published) as `["results": list]`.
    public static func json(_ run: CLIRun, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let envelope = try self.envelope(run, file: file, line: line)
        if let dict = envelope["result"] as? [String: Any] { return dict }
        if let list = envelope["result"] as? [Any] { return ["results": list] }
        XCTFail("no result in the envelope: \(run.stdout.prefix(200))", file: file, line: line)
        return [:]
    }

    /// Parses stdout as a JSON document and checks the envelope every verb writes.
    public static func envelope(_ run: CLIRun, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        guard let dict = object as? [String: Any] else { XCTFail("not a JSON object: \(run.stdout.prefix(200))", file: file, line: line); return [:] }
        XCTAssertEqual(dict["tool"] as? String, "orbital", file: file, line: line)
        XCTAssertNotNil(dict["version"] as? String, file: file, line: line)
        XCTAssertNotNil(dict["schema_version"] as? Int, file: file, line: line)
        XCTAssertNotNil(dict["result"], file: file, line: line)
        return dict
    }

    /// Finds a key anywhere in a JSON tree.
    public static func find(_ key: String, in object: Any) -> Any? {
        if let dict = object as? [String: Any] {
            if let hit = dict[key] { return hit }
            for (_, v) in dict { if let hit = find(key, in: v) { return hit } }
        } else if let array = object as? [Any] {
            for v in array { if let hit = find(key, in: v) { return hit } }
        }
        return nil
    }
}
