import Foundation

/// Work sharing for studies: `jobs` workers, each with its own state (an `OrbitalModel`, a
/// random generator), pull blocks of indices from a shared counter. Results are written by index,
/// so the output never depends on which worker computed what, or on `jobs`.
public enum Parallel {
    /// All cores (the default of `--jobs`).
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `body(worker, block)` for consecutive blocks covering `0..<count`, on `jobs` threads
    /// (`worker` in `0..<jobs`; a worker runs one block at a time). Blocks are handed out in
    /// order as workers free up (dynamic scheduling: cheap and expensive points mix well).
    public static func forEachBlock(count: Int, blockSize: Int, jobs: Int, _ body: (_ worker: Int, _ block: Range<Int>) -> Void) {
        guard count > 0 else { return }
        let block = max(1, blockSize)
        let workers = max(1, min(jobs, (count + block - 1) / block))
        if workers == 1 {
            var start = 0
            while start < count { body(0, start..<min(start + block, count)); start += block }
            return
        }
        let counter = BlockCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                let start = counter.take(block)
                if start >= count { break }
                body(worker, start..<min(start + block, count))
            }
        }
    }
}

/// A locked counter handing out block starts.
final class BlockCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()
    func take(_ n: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        let start = next
        next += n
        return start
    }
}

/// A fixed-size buffer whose distinct elements may be written from different threads (each index
/// by one thread only), then read after the parallel section.
final class SharedSlots<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    let count: Int
    init(count: Int, initial: T) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: initial, count: count)
    }
    deinit { pointer.deinitialize(count: count); pointer.deallocate() }
    subscript(i: Int) -> T {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }
    /// Element i in place (a buffer stays uniquely referenced: no copy on write).
    @inline(__always) func withElement<R>(_ i: Int, _ body: (inout T) throws -> R) rethrows -> R { try body(&pointer[i]) }
}
