import Foundation
import CLITestSupport
import XCTest

/// The Monte Carlo hot path allocates nothing, with the default columns and with columns that read
/// the training fabric: `orbital bench --profile allocations:N` counts the heap allocations of N
/// draws after N warm-up draws (through the binary's allocator hooks).
/// Only a release build is allocation-free (a debug build keeps generic code unspecialised), so
/// the check runs the release binary when it is newer than every source file.
final class HotPathCLITests: XCTestCase {
    func testMonteCarloDrawAllocatesNothingInARelease() throws {
        let binary = CLI.root.appendingPathComponent(".build/release/orbital")
        let files = FileManager.default
        guard let built = (try? files.attributesOfItem(atPath: binary.path))?[.modificationDate] as? Date else {
            throw XCTSkip("no release build (swift build -c release) to measure")
        }
        let sources = files.enumerator(at: CLI.root.appendingPathComponent("Sources"), includingPropertiesForKeys: [.contentModificationDateKey])!
        for case let url as URL in sources where url.pathExtension == "swift" || url.pathExtension == "c" {
            let changed = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
            if changed > built { throw XCTSkip("the release build is older than \(url.lastPathComponent): rebuild with swift build -c release") }
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["bench", "--profile", "allocations:3000"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(text.trimmingCharacters(in: .whitespacesAndNewlines), "allocations_per_draw 0.0\nallocations_per_draw_reading_the_fabric 0.0", text)
    }
}
