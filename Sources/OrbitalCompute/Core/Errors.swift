/// A problem with a scenario file, a `--set` override or a model input, named so that a person
/// can fix it: the file (and line), the key path, what is wrong and what is accepted.
public struct ScenarioError: Error, CustomStringConvertible, Equatable {
    public var file: String?
    public var line: Int?
    public var key: String?
    public var message: String
    public var accepted: String?

    public init(file: String? = nil, line: Int? = nil, key: String? = nil, _ message: String, accepted: String? = nil) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        self.accepted = accepted
    }

    /// One line always: values a user typed are escaped and cut (see `oneLine`).
    public var description: String {
        var place = ""
        if let file { place = oneLine(file, max: 300) + (line.map { ":\($0)" } ?? "") + ": " }
        let key = self.key.map { "\(oneLine($0, max: 120)): " } ?? ""
        let accepted = self.accepted.map { " (accepted: \(oneLine($0, max: 400)))" } ?? ""
        return place + key + oneLine(message, max: 600) + accepted
    }
}

/// A physically impossible or inconsistent set of inputs found while evaluating a model
/// (a radiator colder than its environment, an orbit inside the Earth, …).
public struct ModelError: Error, CustomStringConvertible, Equatable {
    public var key: String?
    public var message: String
    public init(key: String? = nil, _ message: String) { self.key = key; self.message = message }
    /// One line; a non-finite intermediate (`NaN`, `inf`) is named as such rather than printed.
    public var description: String {
        let text = message.replacingOccurrences(of: "(?<![A-Za-z])-?(inf|NaN|nan)(?![A-Za-z])", with: "a non-finite value", options: .regularExpression)
        return (key.map { "\($0): " } ?? "") + oneLine(text, max: 600)
    }
}
