/// A value held by reference and copied only when written while shared (the standard library's
/// copy-on-write, for a plain struct): copying it copies one reference. Parts of a result that a
/// study computes once and then copies into every point (the network's contact geometry, a
/// result's training fabric) are held this way, so a point does not copy their strings and
/// statistics field by field.
struct CopyOnWrite<Value: Sendable>: @unchecked Sendable {
    // @unchecked: the box is only written through `value`'s `_modify`, after a uniqueness check,
    // so a box shared between threads is never written.
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }
    private var box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}

extension CopyOnWrite: Equatable where Value: Equatable {
    static func == (a: CopyOnWrite, b: CopyOnWrite) -> Bool { a.box === b.box || a.value == b.value }
}
