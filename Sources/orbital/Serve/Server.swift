import Foundation
import Hummingbird
import Logging
import NIOCore
import OrbitalCompute

/// The HTTP side of `orbital serve`: routes, the page's assets, problem+json for every error,
/// one log line per request, and the body and wall-time limits.
enum Server {
    typealias Context = BasicRequestContext

    /// The router: the page at `/`, the API at `/api/v1/…`, the OpenAPI document.
    static func router(limits: ServeLimits, log: RequestLog? = RequestLog()) -> Router<Context> {
        let router = Router(context: Context.self)
        router.add(middleware: ProblemMiddleware(log: log))

        router.get("/") { _, _ in asset(Web.index, "text/html; charset=utf-8") }
        router.get("/index.html") { _, _ in asset(Web.index, "text/html; charset=utf-8") }
        router.get("/app.js") { _, _ in asset(Web.script, "text/javascript; charset=utf-8") }
        router.get("/app.css") { _, _ in asset(Web.style, "text/css; charset=utf-8") }
        router.get("/openapi.yaml") { _, _ in asset(Web.openAPI, "application/yaml; charset=utf-8") }

        let api = router.group("api/v1")
        api.get("health") { _, _ in
            respond(APIResponse(body: ResultValue.object([("status", .text("ok")), ("tool", .text("orbital")), ("version", .text(OrbitalVersion.tool)),
                                                         ("schema_version", .integer(OrbitalVersion.schema))]).json() + "\n"))
        }
        api.get("parameters") { request, _ in
            try respond(API.parameters(key: request.uri.queryParameters["key"].map(String.init)))
        }
        api.get("models") { _, _ in try respond(API.models()) }
        let controls = API.controls()
        api.get("controls") { _, _ in respond(controls) }

        let posts: [(String, @Sendable ([UInt8], ServeLimits, Deadline) throws -> APIResponse)] = Server.posts
        for (path, handler) in posts {
            api.post(RouterPath(stringLiteral: path)) { request, _ in
                let body = try await collect(request, limits: limits)
                return respond(try await Compute.run(seconds: limits.seconds) { deadline in try handler(body, limits, deadline) })
            }
        }
        api.post("sweep") { request, _ in
            let body = try await collect(request, limits: limits)
            let plan = try await Compute.run(seconds: limits.seconds) { _ in try API.sweepPlan(body, limits: limits) }
            return try await SweepStream.respond(plan, limits: limits)
        }
        return router
    }

    /// The request body, at most `--max-body-bytes` (413 above).
    static func collect(_ request: Request, limits: ServeLimits) async throws -> [UInt8] {
        var request = request
        do { return Array(try await request.collectBody(upTo: limits.bodyBytes).readableBytesView) } catch {
            // NIOTooManyBytesError, or HTTPError(.contentTooLarge) from the HTTP layer.
            guard error is NIOTooManyBytesError || (error as? HTTPError)?.status == .contentTooLarge else { throw error }
            throw APIProblem(status: 413, title: "Content too large",
                             detail: "the request body is over the server's limit of \(limits.bodyBytes) bytes (orbital serve --max-body-bytes)",
                             accepted: "at most \(limits.bodyBytes) bytes")
        }
    }

    /// The GET routes (the page, its assets and the API's reads).
    static let gets = ["/", "/index.html", "/app.js", "/app.css", "/openapi.yaml", "/api/v1/health", "/api/v1/parameters", "/api/v1/models", "/api/v1/controls"]

    /// The POST routes under /api/v1/ and what answers them.
    static let posts: [(String, @Sendable ([UInt8], ServeLimits, Deadline) throws -> APIResponse)] = [
            ("evaluate", { b, l, _ in try API.evaluate(b, limits: l) }),
            ("compare", { b, l, _ in try API.compare(b, limits: l) }),
            ("breakeven", { b, l, _ in try API.breakeven(b, limits: l) }),
            ("sensitivity", { b, l, _ in try API.sensitivity(b, limits: l) }),
            ("montecarlo", { b, l, d in try API.montecarlo(b, limits: l, deadline: d) }),
            ("report", { b, l, _ in try API.report(b, limits: l) }),
            ("resolve", { b, l, _ in try API.resolve(b, limits: l) }),
            ("eclipse", { b, l, _ in try API.eclipse(b, limits: l) }),
    ]

    /// The methods a path answers (for 405 and its Allow header), nil for an unknown path.
    static func allowed(_ path: String) -> String? {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        if gets.contains(trimmed) { return "GET" }
        if posts.contains(where: { "/api/v1/" + $0.0 == trimmed }) || trimmed == "/api/v1/sweep" { return "POST" }
        return nil
    }

    static func asset(_ bytes: [UInt8], _ type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func respond(_ r: APIResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = r.contentType
        headers[.cacheControl] = "no-store"
        if let file = r.attachment { headers[.contentDisposition] = "attachment; filename=\"\(file)\"" }
        return Response(status: .init(code: r.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: r.body)))
    }

    static func problem(_ p: APIProblem, instance: String, allow: String? = nil) -> Response {
        var headers = HTTPFields()
        if let allow { headers[.allow] = allow }
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        if p.status == 503 { headers[.retryAfter] = "5" }
        return Response(status: .init(code: p.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: p.json(instance: instance))))
    }
}

/// The page's files, compiled into the binary (Package.swift: `.embedInCode`).
enum Web {
    static let index = PackageResources.index_html
    static let script = PackageResources.app_js
    static let style = PackageResources.app_css
    static let openAPI = PackageResources.openapi_yaml
}

/// Turns every error into `application/problem+json` (unknown routes included) and writes one
/// log line per request.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let log: RequestLog?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now()
        let path = request.uri.path
        var response: Response
        do {
            response = try await next(request, context)
        } catch let p as APIProblem {
            response = Server.problem(p, instance: path)
        } catch let e as HTTPError where e.status == .notFound && Server.allowed(path) != nil {
            let allow = Server.allowed(path)!
            response = Server.problem(APIProblem(status: 405, title: "Method not allowed",
                                                 detail: "\(request.method.rawValue) \(oneLine(path, max: 200)): this route answers \(allow) only (see /openapi.yaml)"),
                                      instance: path, allow: allow)
        } catch let e as HTTPError {
            let code = Int(e.status.code)
            let detail = code == 404 ? "no route \(request.method.rawValue) \(oneLine(path, max: 200)) (the API is under /api/v1/; see /openapi.yaml)"
                : (e.body ?? e.status.reasonPhrase)
            response = Server.problem(APIProblem(status: code, title: e.status.reasonPhrase, detail: detail), instance: path)
        } catch let e as ScenarioError {
            response = Server.problem(APIProblem.engine(e, field: nil), instance: path)
        } catch let e as ModelError {
            response = Server.problem(APIProblem.engine(e, field: nil), instance: path)
        } catch {
            // The engine's numerical solvers report inputs they cannot solve as errors: 422.
            let message = errorMessage(error)
            let status = message.hasPrefix("the model's numerical solver") ? 422 : 500
            response = Server.problem(APIProblem(status: status, title: status == 422 ? "Unprocessable scenario or input" : "Internal error", detail: message), instance: path)
        }
        log?.write(method: request.method.rawValue, path: path, status: Int(response.status.code),
                   milliseconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        return response
    }
}

/// One line per request on stderr: time, method, path, status, duration.
struct RequestLog: Sendable {
    func write(method: String, path: String, status: Int, milliseconds: Double) {
        let line = "\(RequestLog.timestamp()) \(method) \(oneLine(path, max: 200)) \(status) \(String(format: "%.1f", milliseconds)) ms\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func timestamp() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}

/// Runs the engine off the server's event loops (its entry points are thread-safe: the shared
/// `OrbitalModel`'s caches are locked, and each request builds its own scenarios and studies),
/// and answers 503 when the wall time runs out (other work finishes in the background).
enum Compute {
    static let queue = DispatchQueue(label: "orbital.serve.compute", qos: .userInitiated, attributes: .concurrent)

    final class Once<T>: @unchecked Sendable {
        let lock = NSLock()
        var continuation: CheckedContinuation<T, Error>?
        init(_ c: CheckedContinuation<T, Error>) { continuation = c }
        func resume(_ result: Result<T, Error>) {
            lock.lock()
            let c = continuation
            continuation = nil
            lock.unlock()
            c?.resume(with: result)
        }
    }

    static func run<T>(seconds: Double, _ work: @escaping @Sendable (Deadline) throws -> T) async throws -> T {
        let deadline = Deadline(seconds: seconds)
        return try await withCheckedThrowingContinuation { continuation in
            let once = Once(continuation)
            queue.async { once.resume(Result { try work(deadline) }) }
            DispatchQueue.global().asyncAfter(deadline: deadline.end) { once.resume(.failure(Deadline.problem(seconds))) }
        }
    }
}
