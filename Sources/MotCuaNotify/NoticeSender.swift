import Foundation
import MotCuaStore

/// What a provider said to one notice.
public enum SendOutcome: Sendable, Hashable {
    /// Accepted (an SMTP 250 after the message, an HTTP 2xx): sent, with the provider's id when it gave one.
    case accepted(providerID: String?, answer: String)
    /// Try again later: the provider was unreachable, busy or answered 4xx (SMTP) / 5xx (HTTP).
    case temporaryFailure(String)
    /// Never going through as it is (SMTP 5xx, HTTP 4xx): the notice fails with the provider's words.
    case permanentFailure(String)
}

/// A channel's way out: e-mail, Zalo ZNS or SMS behind their ports, a fake in tests and demos.
public protocol NoticeSender: Sendable {
    func send(_ notice: Notice, lookupURL: String) async -> SendOutcome
}

extension Notice {
    /// The stored text with the lookup link filled in (the address is the sender's configuration).
    func text(_ template: String, lookupURL: String) -> String {
        template.replacingOccurrences(of: "{{tra_cuu}}", with: lookupURL + "?ma=" + dossierCode.rawValue)
    }
}
