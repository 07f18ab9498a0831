import Foundation

/// How much one anonymous client may ask of the public pages, and how much all of them together may:
/// the numbers behind the rate limits (counted per client address, shared by every app server). Settings,
/// not law: a center may change them (`motcua serve --online-submissions-per-day`).
public struct PublicLimits: Sendable, Equatable {
    /// Status lookups per client address per minute.
    public var lookupsPerMinute: Int
    /// Wrong phone digits for one dossier code before that code's lookup is locked for `codeLockout`
    /// (counted whatever the address, so that a spread-out guesser is stopped too).
    public var wrongDigitsPerCode: Int
    public var codeLockoutSeconds: Int
    /// Online submissions per client address per minute (each may carry megabytes).
    public var submissionsPerMinute: Int
    /// Online submissions per receiving center per local day: past it the form asks to come back tomorrow
    /// or to come to the counter, and the counter's own numbers stay untouched (`DossierCodeSeries`).
    public var onlineSubmissionsPerDay: Int
    /// Feedback messages per client address per hour.
    public var feedbackPerHour: Int

    public init(lookupsPerMinute: Int = 10, wrongDigitsPerCode: Int = 10, codeLockoutSeconds: Int = 3600,
                submissionsPerMinute: Int = 10, onlineSubmissionsPerDay: Int = 2000, feedbackPerHour: Int = 20) {
        self.lookupsPerMinute = lookupsPerMinute
        self.wrongDigitsPerCode = wrongDigitsPerCode
        self.codeLockoutSeconds = codeLockoutSeconds
        self.submissionsPerMinute = submissionsPerMinute
        self.onlineSubmissionsPerDay = min(onlineSubmissionsPerDay, DossierCodeSeries.online.numbers.count)
        self.feedbackPerHour = feedbackPerHour
    }
}

/// Which numbers of a day's `XXXX` a dossier code may take at one receiving agency. Online submissions,
/// which anyone can send without signing in, number apart from what the desk registers (counter and post):
/// a flood of submissions can then use up at most its own series, never the numbers the desk prints on
/// citizens' receipts. Codes keep Circular 01/2018's form; an online dossier is recognisable by its number.
public enum DossierCodeSeries: Sendable, CaseIterable {
    /// Counter and postal dossiers, and anything an officer registers: 0001–4999.
    case desk
    /// Online submissions: 5000–9999.
    case online

    public var numbers: ClosedRange<Int> {
        switch self {
        case .desk: 1...4999
        case .online: 5000...9999
        }
    }

    public static func of(_ channel: Channel) -> DossierCodeSeries {
        channel == .online ? .online : .desk
    }
}
