/// One `KEY=VALUE` argument as written on the command line (`--set`, `--vary`): the one splitter
/// every flag uses. The key is everything before the first `=` (spaces around it trimmed, a side
/// prefix such as `ground:` kept: `Side.split` takes it off); the value is everything after it,
/// as written (callers trim or parse it as their flag needs).
public struct KeyValue: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// nil when there is no `=` or nothing before it (see `parse` for the error).
    public init?(_ text: String) {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { return nil }
        key = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        value = String(text[text.index(after: eq)...])
    }

    /// Splits `text`, or throws a `ScenarioError` naming the flag, what it expects and an example.
    /// - Parameters:
    ///   - flag: the option the text came from (`--set`, `--vary`).
    ///   - expected: the form, e.g. `KEY=VALUE`.
    ///   - accepted: an example or the accepted values, shown after the message.
    public static func parse(_ text: String, flag: String, expected: String = "KEY=VALUE", accepted: String) throws -> KeyValue {
        guard let pair = KeyValue(text) else {
            throw ScenarioError(file: flag, key: text, "expected \(expected)", accepted: accepted)
        }
        return pair
    }

    /// The text again, `KEY=VALUE`.
    public var text: String { "\(key)=\(value)" }
}
