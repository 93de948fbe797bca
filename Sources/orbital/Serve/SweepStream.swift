import Foundation
import Hummingbird
import NIOCore
import OrbitalCompute

/// `POST /api/v1/sweep`: the rows of `orbital sweep --format json` as the engine produces them.
/// Up to `ServeLimits.streamAfterBytes` the answer waits for the end of the sweep and goes out in
/// one body, so that a sweep over its wall time gets a 503 problem like any request; past it the
/// rows stream (chunked), and a sweep that then runs out of time, or whose client goes away,
/// stops at its next row and the response is cut short (the chunked body never ends, which every
/// HTTP client reports as an error).
enum SweepStream {
    /// Flags shared by the engine's thread and the response writer.
    final class Feed: @unchecked Sendable {
        let lock = NSLock()
        var stopped = false
        func stop() { lock.lock(); stopped = true; lock.unlock() }
        var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }
    }

    struct Stopped: Error {}

    static func respond(_ plan: SweepPlan, limits: ServeLimits) async throws -> Response {
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, Error>.makeStream()
        let deadline = Deadline(seconds: limits.seconds)
        let feed = Feed()
        let chunkBytes = max(1024, min(64 << 10, limits.streamAfterBytes))
        Compute.queue.async {
            var pending = plan.header ?? ""
            do {
                try Sweep.run(plan, jobs: limits.jobs, sink: { rows in
                    if feed.isStopped { throw Stopped() }
                    try deadline.check()
                    pending += rows
                    if pending.utf8.count >= chunkBytes {
                        continuation.yield(ByteBuffer(string: pending))
                        pending = ""
                    }
                }, progress: nil)
                if !pending.isEmpty { continuation.yield(ByteBuffer(string: pending)) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error is APIProblem ? error : APIProblem.engine(error, field: "vary"))
            }
        }
        // The stream ends at the deadline even while a row is being computed.
        DispatchQueue.global().asyncAfter(deadline: deadline.end) {
            feed.stop()
            continuation.finish(throwing: Deadline.problem(limits.seconds))
        }
        var iterator = stream.makeAsyncIterator()
        var head = ByteBuffer()
        var ended = false
        while head.readableBytes < limits.streamAfterBytes {
            guard var next = try await iterator.next() else { ended = true; break }
            head.writeBuffer(&next)
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/x-ndjson"
        headers[.cacheControl] = "no-store"
        if ended {
            feed.stop()
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: head))
        }
        let rest = Rest(iterator: iterator)
        let first = head
        return Response(status: .ok, headers: headers, body: .init { writer in
            do {
                try await writer.write(first)
                while let next = try await rest.next() { try await writer.write(next) }
                try await writer.finish(nil)
            } catch {
                feed.stop()
                FileHandle.standardError.write(Data("\(RequestLog.timestamp()) POST /api/v1/sweep: the stream stopped: \(oneLine(errorMessage(error), max: 300))\n".utf8))
                throw error
            }
        })
    }

    /// The stream's iterator, handed to the response writer (one consumer).
    final class Rest: @unchecked Sendable {
        var iterator: AsyncThrowingStream<ByteBuffer, Error>.AsyncIterator
        init(iterator: AsyncThrowingStream<ByteBuffer, Error>.AsyncIterator) { self.iterator = iterator }
        func next() async throws -> ByteBuffer? { try await iterator.next() }
    }
}
