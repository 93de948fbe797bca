import Foundation

/// An output file written safely.
///
/// - A regular file (or a new name) is written atomically: to a temporary created beside it with
///   mkstemp semantics (O_CREAT|O_EXCL, so never through a planted symlink, with an unpredictable
///   name), given the replaced file's permission bits (new files: 0666 less the umask), then
///   renamed over it. A symlinked output writes its target the same way.
/// - A character device or FIFO (`/dev/stdout`, `/dev/null`, a named pipe) is streamed to: it is
///   opened for writing and never replaced.
/// - Anything else (a folder, a socket) is refused.
/// An interrupt (SIGINT/SIGTERM) removes the temporary (see `Interrupts`).
public final class OutputFile {
    public let path: String
    private var fd: Int32
    private var temporary: String?
    private let target: String
    private var done = false

    public init(path: String) throws {
        self.path = path
        var info = stat()
        var target = path
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw ScenarioError(file: path, "is a symbolic link to nothing: cannot be written")
            }
            target = String(cString: resolved)
            free(resolved)
        }
        self.target = target
        let exists = stat(target, &info) == 0
        let type = info.st_mode & S_IFMT
        if exists && (type == S_IFCHR || type == S_IFIFO) {
            fd = open(target, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ScenarioError(file: path, "cannot be opened for writing: \(String(cString: strerror(errno)))") }
            temporary = nil
            return
        }
        if exists && type != S_IFREG {
            throw ScenarioError(file: path, "is not a regular file (a folder, socket or block device): refusing to replace it", accepted: "a regular file, a new name, a character device or a FIFO")
        }
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ScenarioError(file: path, "the folder \(folder) does not exist")
        }
        var template = Array((folder + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw ScenarioError(file: path, "cannot be written: \(String(cString: strerror(errno)))") }
        let temporary = String(cString: template)
        self.temporary = temporary
        Interrupts.register(temporary)
        // Keep the permissions of the file replaced; a new file gets 0666 less the umask.
        let mode: mode_t
        if exists { mode = info.st_mode & 0o7777 } else { let mask = umask(0); umask(mask); mode = 0o666 & ~mask }
        fchmod(fd, mode)
    }

    /// Appends text.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ScenarioError(file: path, "write failed: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }

    /// Finishes: flushes and renames the temporary into place (or closes the stream).
    public func commit() throws {
        guard !done else { return }
        done = true
        if let temporary {
            if fsync(fd) != 0 && errno != EINVAL { let e = errno; close(fd); unlink(temporary); Interrupts.unregister(temporary)
                throw ScenarioError(file: path, "cannot be written: \(String(cString: strerror(e)))") }
            close(fd)
            // rename(2) replaces the old file atomically.
            if rename(temporary, target) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                Interrupts.unregister(temporary)
                throw ScenarioError(file: path, "cannot be written: \(reason)")
            }
            Interrupts.unregister(temporary)
        } else {
            close(fd)
        }
    }

    /// Gives up: removes the temporary; the old file (if any) is untouched.
    public func abandon() {
        guard !done else { return }
        done = true
        close(fd)
        if let temporary { unlink(temporary); Interrupts.unregister(temporary) }
    }

    deinit { abandon() }
}

/// Interrupt handling: SIGINT and SIGTERM remove the registered temporaries and exit with
/// 128 + the signal (130, 143), so that an interrupted run leaves no partial output.
public enum Interrupts {
    /// Registered temporary paths, as C strings the handler can unlink without allocating.
    nonisolated(unsafe) static var paths = [UnsafeMutablePointer<CChar>?](repeating: nil, count: slots)
    static let slots = 64
    static let lock = NSLock()

    /// Installs the handlers (once, at start-up).
    public static func install() {
        // Initialised here, not lazily inside the handler (no allocation in a signal handler).
        lock.lock(); _ = paths.count; lock.unlock()
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { sig in
                for i in 0..<Interrupts.slots { if let p = Interrupts.paths[i] { unlink(p) } }
                _exit(128 + sig)
            }
        }
    }

    static func register(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        if let i = paths.firstIndex(where: { $0 == nil }) { paths[i] = strdup(path) }
    }

    static func unregister(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        for i in 0..<slots { if let p = paths[i], String(cString: p) == path { paths[i] = nil; free(p) } }
    }
}
