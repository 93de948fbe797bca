import Foundation

/// A memo table that many tasks may share: look-ups and inserts hold a lock, the computation does
/// not (two tasks that miss at once both compute the same deterministic value; one is kept).
/// Bounded: past `capacity` entries it starts again empty, so a sweep over a million orbits
/// cannot grow it without limit.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var table: [Key: Value] = [:]
    private let lock = NSLock()
    public let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    /// The cached value for `key`, computing and storing it on a miss.
    public func value(_ key: Key, _ compute: () throws -> Value) rethrows -> Value {
        lock.lock()
        let hit = table[key]
        lock.unlock()
        if let hit { return hit }
        let value = try compute()
        lock.lock()
        if table.count >= capacity { table.removeAll(keepingCapacity: true) }
        table[key] = value
        lock.unlock()
        return value
    }

    public func removeAll() {
        lock.lock()
        table.removeAll(keepingCapacity: true)
        lock.unlock()
    }
}
