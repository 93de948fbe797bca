import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import OrbitalCompute
import ServiceLifecycle

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The what-if page at / and the JSON API at /api/v1/… (OpenAPI at /openapi.yaml), until Ctrl-C.",
        discussion: """
        Binds to 127.0.0.1 by default; any other address gets a warning (there is no authentication and no TLS). \
        The API answers with the CLI's JSON for the same verb (POST /api/v1/evaluate, compare, breakeven, sensitivity, \
        montecarlo, sweep; GET /api/v1/parameters, models) and with application/problem+json (RFC 9457) carrying the \
        CLI's message for a bad request. Shipped scenarios are compiled in: it serves from any directory and never \
        reads a file named in a request. One line per request on stderr; SIGINT or SIGTERM stops it cleanly \
        (requests in progress finish). --port 0 picks a free port (printed on the first line).
        """
    )

    @Option(help: "Address to bind (loopback by default).")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0: any free port).")
    var port = 8080

    @Option(name: .customLong("max-body-bytes"), help: "Largest request body (413 above it).")
    var maxBodyBytes = ServeLimits().bodyBytes

    @Option(name: .customLong("max-points"), help: "Most grid points of one sweep request.")
    var maxPoints = ServeLimits().sweepPoints

    @Option(name: .customLong("max-draws"), help: "Most Monte Carlo draws of one request.")
    var maxDraws = ServeLimits().draws

    @Option(name: .customLong("max-sobol-evaluations"), help: "Most model evaluations of one sensitivity request's Sobol analysis.")
    var maxSobolEvaluations = ServeLimits().sobolEvaluations

    @Option(name: .customLong("max-seconds"), help: "Wall time of one request in seconds (503 after it).")
    var maxSeconds = ServeLimits().seconds

    @Option(help: "Worker threads of one study request (default: all cores).")
    var jobs: Int?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0…65535") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
        guard maxPoints >= 1, maxDraws >= 1, maxSobolEvaluations >= 1 else { throw ValidationError("--max-points, --max-draws and --max-sobol-evaluations must be at least 1") }
        guard maxSeconds > 0, maxSeconds.isFinite else { throw ValidationError("--max-seconds must be positive") }
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    var limits: ServeLimits {
        ServeLimits(bodyBytes: maxBodyBytes, sweepPoints: maxPoints, draws: maxDraws, sobolEvaluations: maxSobolEvaluations,
                    seconds: maxSeconds, jobs: jobs ?? Parallel.defaultJobs)
    }

    /// Loopback names and addresses (anything else is reachable from the network).
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    func run() throws {
        let say = { (text: String) in FileHandle.standardError.write(Data("orbital serve: \(text)\n".utf8)) }
        if !Self.isLoopback(host) {
            say("warning: binding to \(host) makes the API reachable from the network; it has no authentication and no TLS (use the default 127.0.0.1 behind a proxy)")
        }
        var logger = Logger(label: "orbital-serve")
        logger.logLevel = .error
        let host = self.host
        let app = Application(
            router: Server.router(limits: limits),
            configuration: .init(address: .hostname(host, port: port), serverName: "orbital/\(OrbitalVersion.tool)"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                say("listening on http://\(shown):\(bound)/ (API /api/v1/, OpenAPI /openapi.yaml); Ctrl-C stops")
            },
            logger: logger
        )
        final class Outcome: @unchecked Sendable { var error: Error? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                let group = ServiceGroup(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
                try await group.run()
            } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            try reportingErrors { throw ScenarioError(file: "--host/--port", "cannot serve on \(host):\(port): \(oneLine("\(error)", max: 300))", accepted: "a free port on a local address") }
        }
        say("stopped")
    }
}
