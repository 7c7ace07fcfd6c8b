import Domain
import Foundation
import Storage

/// The application's configuration, from environment variables, each with a working default.
public struct Settings: Sendable {
    /// DATABASE_URL (PostgreSQL) or SQLITE_PATH, else data/improvement-monitor.sqlite.
    public var storage: StorageConfiguration
    /// IMPROVE_TODAY (YYYY-MM-DD): the date figures are judged on, for replays and demonstrations; else today.
    public var today: CalendarDate?
    /// IMPROVE_SECRET: the key for pseudonymising child identifiers on pages. Without it a random key is kept in
    /// the data folder beside the SQLite file (PostgreSQL deployments must set it, so that every server agrees).
    public var secret: String
    /// SESSION_HOURS: how long a sign-in lasts (8).
    public var sessionLifetime: TimeInterval
    /// SECURE_COOKIES=1 when served over HTTPS (then cookies are Secure and HSTS is sent).
    public var secureCookies: Bool
    /// BCRYPT_COST (12): the work factor for new password hashes.
    public var bcryptCost: Int
    /// SIGN_IN_ATTEMPTS (5) failures lock an account for LOCKOUT_MINUTES (15).
    public var signInAttempts: Int
    public var lockout: TimeInterval
    /// MAX_UPLOAD_MB (200): the largest upload accepted.
    public var maxUploadMegabytes: Int

    public init(storage: StorageConfiguration, today: CalendarDate? = nil, secret: String, sessionLifetime: TimeInterval = 8 * 3600,
                secureCookies: Bool = false, bcryptCost: Int = 12, signInAttempts: Int = 5, lockout: TimeInterval = 15 * 60, maxUploadMegabytes: Int = 200) {
        self.storage = storage
        self.today = today
        self.secret = secret
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.signInAttempts = signInAttempts
        self.lockout = lockout
        self.maxUploadMegabytes = maxUploadMegabytes
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        let storage = StorageConfiguration.fromEnvironment(environment)
        var problems: [String] = []
        func number(_ name: String, _ fallback: Int) -> Int {
            guard let text = environment[name], !text.isEmpty else { return fallback }
            guard let value = Int(text), value > 0 else { problems.append("\(name)='\(text)' is not a positive whole number"); return fallback }
            return value
        }
        var today: CalendarDate?
        if let text = environment["IMPROVE_TODAY"], !text.isEmpty {
            today = CalendarDate(iso: text)
            if today == nil { problems.append("IMPROVE_TODAY='\(text)' is not a YYYY-MM-DD date") }
        }
        var secret = environment["IMPROVE_SECRET"] ?? ""
        if secret.isEmpty {
            switch storage {
            case .sqlite(let path): secret = try Self.localSecret(beside: path)
            case .postgres: problems.append("IMPROVE_SECRET must be set with DATABASE_URL, so that every server pseudonymises alike")
            }
        }
        let settings = Settings(storage: storage, today: today, secret: secret, sessionLifetime: TimeInterval(number("SESSION_HOURS", 8) * 3600),
                                secureCookies: environment["SECURE_COOKIES"] == "1", bcryptCost: number("BCRYPT_COST", 12),
                                signInAttempts: number("SIGN_IN_ATTEMPTS", 5), lockout: TimeInterval(number("LOCKOUT_MINUTES", 15) * 60),
                                maxUploadMegabytes: number("MAX_UPLOAD_MB", 200))
        guard problems.isEmpty else { throw SettingsError(problems: problems) }
        return settings
    }

    /// A random key kept in a file beside the SQLite database, made on first use, readable by its owner only.
    static func localSecret(beside database: String) throws -> String {
        let folder = (database as NSString).deletingLastPathComponent
        let path = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("secret.key")
        if let existing = try? String(contentsOfFile: path, encoding: .utf8), existing.count >= 32 {
            return existing.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        let key = Token.random()
        guard FileManager.default.createFile(atPath: path, contents: Data(key.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw SettingsError(problems: ["cannot write the pseudonymisation key to \(path)"])
        }
        return key
    }

    /// The date figures are judged on for a council: its own date (a demonstration), else the configured one, else today.
    public func today(for council: CouncilModel) -> CalendarDate {
        council.asOf.flatMap(CalendarDate.init(iso:)) ?? today ?? .today
    }
}

public struct SettingsError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "configuration: " + problems.joined(separator: "; ") }
}
