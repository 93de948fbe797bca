/// Versions stamped on every JSON document and report, so that a saved result says what made it.
public enum OrbitalVersion {
    /// The tool's release (`orbital --version`).
    public static let tool = "0.1.0"
    /// The shape of JSON documents: bump when a key is renamed or removed, or the envelope changes.
    public static let schema = 1
}
