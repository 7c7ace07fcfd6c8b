import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - HTTP

/// One WebDriver server's HTTP endpoint on 127.0.0.1. Requests and replies are the protocol's JSON, `{"value": ...}`.
///
/// Not URLSession: on Linux, FoundationNetworking (through Swift 6.3) rejects response headers without a space after
/// the colon (swift-corelibs-foundation PR #5527), and chromedriver sends exactly those (`Content-Length:249`), so every
/// request fails with "Failed writing header". `LoopbackHTTP` below is a minimal HTTP/1.1 client for the local driver.
struct WebDriverHTTP: Sendable {
    let port: Int
    /// Longest wait for one reply (a navigation waits for the page to load).
    let requestTimeout: TimeInterval

    init(port: Int, requestTimeout: TimeInterval = 120) {
        self.port = port
        self.requestTimeout = requestTimeout
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Sends one command and returns the reply's `value` (NSNull for JSON null). Throws `WebDriverError`.
    func send(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        let label = "\(method) \(path)"
        let payload = method == "POST" ? try JSONSerialization.data(withJSONObject: body ?? [String: Any]()) : nil
        let reply: LoopbackHTTP.Reply
        do {
            reply = try await LoopbackHTTP.exchange(port: port, method: method, path: path, body: payload,
                                                    timeout: requestTimeout)
        } catch {
            throw WebDriverError(error: "connection failed", message: "\(error)", request: label)
        }
        let json = try? JSONSerialization.jsonObject(with: reply.body, options: [.fragmentsAllowed])
        guard let object = json as? [String: Any] else {
            let text = String(decoding: reply.body.prefix(500), as: UTF8.self)
            throw WebDriverError(error: "bad response", message: "not a WebDriver JSON reply: \(text)",
                                 httpStatus: reply.status, request: label)
        }
        let value = object["value"] ?? NSNull()
        if let failure = value as? [String: Any], let code = failure["error"] as? String {
            throw WebDriverError(error: code, message: failure["message"] as? String ?? "", httpStatus: reply.status,
                                 request: label)
        }
        guard (200..<300).contains(reply.status) else {
            throw WebDriverError(error: "unknown error", message: "HTTP \(reply.status): \(value)",
                                 httpStatus: reply.status, request: label)
        }
        return value
    }
}

/// A blocking HTTP/1.1 exchange with 127.0.0.1 (one connection per request, `Connection: close`), run on a
/// Dispatch thread so that a slow page load never holds one of Swift concurrency's few cooperative threads.
enum LoopbackHTTP {
    struct Reply: Sendable {
        let status: Int
        let body: Data
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func exchange(port: Int, method: String, path: String, body: Data?, timeout: TimeInterval) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try blockingExchange(port: port, method: method, path: path, body: body, timeout: timeout)
                })
            }
        }
    }

    static func blockingExchange(port: Int, method: String, path: String, body: Data?, timeout: TimeInterval) throws -> Reply {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        let sendFlags: Int32 = 0
        #else
        let sendFlags = Int32(MSG_NOSIGNAL)
        #endif
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }

        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: application/json\r\nConnection: close\r\n"
        if let body {
            request += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n"
        }
        var bytes = Data((request + "\r\n").utf8)
        if let body { bytes.append(body) }
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let sent = send(fd, buffer.baseAddress! + offset, buffer.count - offset, sendFlags)
                if sent < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "send() failed: \(String(cString: strerror(errno)))")
                }
                offset += sent
            }
        }

        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var expectedTotal: Int?   // header length + Content-Length, once the header is in
        while expectedTotal.map({ received.count < $0 }) ?? true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    throw Failure(description: "no reply from 127.0.0.1:\(port) within \(Int(timeout)) s")
                }
                throw Failure(description: "recv() failed: \(String(cString: strerror(errno)))")
            }
            received.append(contentsOf: chunk[0..<count])
            if expectedTotal == nil, let head = parseHead(received) {
                expectedTotal = head.contentLength.map { head.headerLength + $0 }
            }
        }
        guard let head = parseHead(received) else {
            throw Failure(description: "incomplete HTTP reply: \(String(decoding: received.prefix(200), as: UTF8.self))")
        }
        var payload = Data(received[(received.startIndex + head.headerLength)...])
        if let length = head.contentLength { payload = payload.prefix(length) }
        if head.chunked { payload = try dechunk(payload) }
        return Reply(status: head.status, body: payload)
    }

    private struct Head {
        let status: Int
        let headerLength: Int
        let contentLength: Int?
        let chunked: Bool
    }

    private static func parseHead(_ data: Data) -> Head? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let text = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var contentLength: Int?
        var chunked = false
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" { contentLength = Int(value) }
            if name == "transfer-encoding", value.lowercased().contains("chunked") { chunked = true }
        }
        return Head(status: status, headerLength: end.upperBound - data.startIndex,
                    contentLength: chunked ? nil : contentLength, chunked: chunked)
    }

    private static func dechunk(_ data: Data) throws -> Data {
        var output = Data()
        var index = data.startIndex
        let crlf = Data("\r\n".utf8)
        while let lineEnd = data.range(of: crlf, in: index..<data.endIndex) {
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self)
                .split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw Failure(description: "bad chunk size \"\(sizeText)\"")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard data.endIndex - start >= size else { throw Failure(description: "truncated chunk") }
            output.append(data[start..<(start + size)])
            index = min(start + size + 2, data.endIndex)
        }
        return output
    }
}
