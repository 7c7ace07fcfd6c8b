#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs a tool by `posix_spawn`, with nothing on its standard input and its output and errors written to files,
/// waiting while `keepGoing` says so and killing it otherwise. Foundation's `Process` leaks itself and its file
/// handles on every run (found by fuzz-notice-pdf, about 1.5 KB a PDF), which a long-running server cannot afford.
enum BoundedProcess {
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// `keepGoing` said stop: the tool was killed.
        case stopped
    }

    struct CannotStart: Error { var reason: String }

    static func run(_ tool: String, _ arguments: [String], output: String, errors: String,
                    keepGoing: () -> Bool) throws(CannotStart) -> Ending {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, tool, &actions, nil, argv, environ)
        guard started == 0 else { throw CannotStart(reason: String(cString: strerror(started))) }
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done == -1, errno != EINTR { return .exited(-1) }
            if !keepGoing() {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                return .stopped
            }
            usleep(20_000)
        }
        // The wait status's layout (the C macros WIFEXITED and friends are not visible from Swift).
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }
}
