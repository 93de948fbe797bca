import Foundation

/// One YAML file shipped inside the binary (see ``ShippedModels``).
public struct ShippedFile: Sendable, Equatable {
    /// Path relative to the package root, e.g. `Models/published/turyshev-1mw.yaml`.
    public var path: String
    public var text: String

    /// What a user types to name it: the file name without `.yaml` (`turyshev-1mw`).
    public var name: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
    public var isCatalog: Bool { path.hasPrefix(ShippedModels.catalogFolder + "/") }
    public var isPublished: Bool { path.hasPrefix(ShippedModels.publishedFolder + "/") }
}

extension ShippedModels {
    static let folder = "Models"
    static let catalogFolder = "Models/catalogs"
    static let publishedFolder = "Models/published"

    /// Shipped scenarios (catalogs excluded), published analyses included.
    public static var scenarios: [ShippedFile] { files.filter { !$0.isCatalog } }

    /// Shipped scenarios of published analyses (`Models/published/`).
    public static var published: [ShippedFile] { files.filter(\.isPublished) }

    /// Shipped catalog mirrors (`Models/catalogs/`).
    public static var catalogs: [ShippedFile] { files.filter(\.isCatalog) }

    /// A shipped scenario by name (`colossus-1`, `published/turyshev-1mw`) or by its path under
    /// the package root (`Models/colossus-1.yaml`), so the README's commands work from anywhere.
    public static func scenario(named argument: String) -> ShippedFile? {
        let candidates = [argument, "\(folder)/\(argument)", "\(folder)/\(argument).yaml", "\(publishedFolder)/\(argument).yaml"]
        for candidate in candidates {
            if let hit = scenarios.first(where: { $0.path == candidate }) { return hit }
        }
        return nil
    }
}

extension Scenario {
    /// Loads a scenario argument: a file that exists, else a scenario shipped inside the binary,
    /// by name (`colossus-1`) or by its repository path (`Models/colossus-1.yaml`). A name never
    /// reads `./Models` of the working directory: what ships is what runs.
    public static func resolve(_ argument: String) throws -> Scenario {
        if FileManager.default.fileExists(atPath: argument) { return try load(path: argument) }
        if let shipped = ShippedModels.scenario(named: argument) { return try parse(yaml: shipped.text, origin: shipped.path) }
        throw ScenarioError(file: argument, "no such file, and not a shipped scenario", accepted: "a path, or a name from `orbital models`")
    }
}
