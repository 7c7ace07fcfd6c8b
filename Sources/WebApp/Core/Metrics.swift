import NIOConcurrencyHelpers
import Vapor

/// Request counts and latency for Prometheus at /metrics. Routes are labelled by their pattern
/// (/councils/:council), never by the ids in the path.
final class RequestMetrics: Sendable {
    private struct Counters {
        var requests: [String: Int] = [:]
        var durationSum: [String: Double] = [:]
        var buckets: [String: [Int]] = [:]
    }

    static let bounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    private let state = NIOLockedValueBox(Counters())
    let started = Date()

    func record(method: String, route: String, status: UInt, seconds: Double) {
        let key = "method=\"\(method)\",route=\"\(route)\",status=\"\(status)\""
        let timing = "route=\"\(route)\""
        state.withLockedValue { c in
            c.requests[key, default: 0] += 1
            c.durationSum[timing, default: 0] += seconds
            var b = c.buckets[timing] ?? Array(repeating: 0, count: Self.bounds.count + 1)
            let i = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
            b[i] += 1
            c.buckets[timing] = b
        }
    }

    /// The Prometheus text exposition format.
    func exposition() -> String {
        let c = state.withLockedValue { $0 }
        var lines = ["# HELP improve_http_requests_total Requests served, by method, route pattern and status.",
                     "# TYPE improve_http_requests_total counter"]
        for key in c.requests.keys.sorted() { lines.append("improve_http_requests_total{\(key)} \(c.requests[key]!)") }
        lines += ["# HELP improve_http_request_duration_seconds Time to respond, by route pattern.",
                  "# TYPE improve_http_request_duration_seconds histogram"]
        for key in c.buckets.keys.sorted() {
            let counts = c.buckets[key]!
            var running = 0
            for (i, bound) in Self.bounds.enumerated() {
                running += counts[i]
                lines.append("improve_http_request_duration_seconds_bucket{\(key),le=\"\(bound)\"} \(running)")
            }
            running += counts.last!
            lines.append("improve_http_request_duration_seconds_bucket{\(key),le=\"+Inf\"} \(running)")
            lines.append("improve_http_request_duration_seconds_sum{\(key)} \(c.durationSum[key]!)")
            lines.append("improve_http_request_duration_seconds_count{\(key)} \(running)")
        }
        lines += ["# HELP improve_uptime_seconds Seconds since the server started.", "# TYPE improve_uptime_seconds gauge",
                  "improve_uptime_seconds \(Date().timeIntervalSince(started))"]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Times each request and logs one line for it: method, route pattern, status and milliseconds. The path's ids and
/// the query string are not logged, so no identifier a page was asked for reaches the logs.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: RequestMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        var status: UInt = 500
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
            metrics.record(method: request.method.rawValue, route: route, status: status, seconds: seconds)
            request.logger.info("request", metadata: ["method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
                                                      "ms": "\(Int(seconds * 1000))"])
        }
        do {
            let response = try await next.respond(to: request)
            status = response.status.code
            return response
        } catch let abort as any AbortError {
            status = abort.status.code
            throw abort
        }
    }
}
