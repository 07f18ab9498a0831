import Foundation

// The feedback workflow — its states, the transitions each handling step needs, who may take each step and
// see each feedback, and what a submission and an answer must hold — written once: the pages, the store
// and any later API call these.

/// A citizen's feedback or petition as submitted.
public struct FeedbackSubmission: Sendable, Hashable {
    public var name: String
    public var contact: String
    public var content: String
    public var dossierCode: DossierCode?

    public static let maximumContentLength = 5_000

    /// Checks the fields; each problem names its field (English) with a Vietnamese message.
    public init(name: String, contact: String, content: String, dossierCode: String?) throws(ValidationError) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let contact = contact.trimmingCharacters(in: .whitespacesAndNewlines)
        let content = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(name.count) else {
            throw ValidationError(field: "name", value: nil, reason: "the name is empty or too long",
                                  vietnamese: "Vui lòng nhập họ tên (tối đa 200 ký tự).")
        }
        guard (5...200).contains(contact.count) else {
            throw ValidationError(field: "contact", value: nil, reason: "the contact is empty or too long",
                                  vietnamese: "Vui lòng nhập số điện thoại hoặc email để chúng tôi trả lời.")
        }
        guard (10...Self.maximumContentLength).contains(content.count) else {
            throw ValidationError(field: "content", value: nil, reason: "the content must be 10 to 5000 characters",
                                  vietnamese: "Nội dung phản ánh cần từ 10 đến 5.000 ký tự.")
        }
        let code = dossierCode?.trimmingCharacters(in: .whitespaces) ?? ""
        if code.isEmpty {
            self.dossierCode = nil
        } else {
            do { self.dossierCode = try DossierCode(parsing: code) } catch {
                throw ValidationError(field: "dossier_code", value: code, reason: "not a dossier code",
                                      vietnamese: "Mã hồ sơ không đúng định dạng (ví dụ 000.00.15.H56-210712-0007).")
            }
        }
        self.name = name
        self.contact = contact
        self.content = content
    }
}

/// Where a feedback stands in its handling: received, assigned to an agency, answered by it, answer published.
public enum FeedbackState: String, Sendable, CaseIterable {
    case new, assigned, answered, published

    public var vietnameseLabel: String {
        switch self {
        case .new: "Mới tiếp nhận"
        case .assigned: "Đã giao xử lý"
        case .answered: "Đã trả lời"
        case .published: "Đã công khai"
        }
    }
}

/// A feedback as staff see it, contact details included.
public struct FeedbackRecord: Sendable, Hashable {
    public var reference: String
    public var receivedAt: Date
    public var name: String
    public var contact: String
    public var content: String
    public var dossierCode: String?
    public var agencyCode: AgencyCode?
    public var answer: String?
    public var answeredAt: Date?
    public var answeredBy: String?
    public var published: Bool

    public init(reference: String, receivedAt: Date, name: String, contact: String, content: String,
                dossierCode: String?, agencyCode: AgencyCode?, answer: String?, answeredAt: Date?, answeredBy: String?,
                published: Bool) {
        self.reference = reference
        self.receivedAt = receivedAt
        self.name = name
        self.contact = contact
        self.content = content
        self.dossierCode = dossierCode
        self.agencyCode = agencyCode
        self.answer = answer
        self.answeredAt = answeredAt
        self.answeredBy = answeredBy
        self.published = published
    }

    public var state: FeedbackState {
        if published { return .published }
        if answer != nil { return .answered }
        return agencyCode == nil ? .new : .assigned
    }
}

/// A published question and its answer, as the public page shows them: never the citizen's name or contact.
public struct PublishedFeedback: Sendable, Hashable {
    public var reference: String
    public var receivedAt: Date
    public var content: String
    public var agencyCode: String?
    /// The answering agency's latest name.
    public var agencyName: String?
    public var answer: String
    public var answeredAt: Date?

    public init(reference: String, receivedAt: Date, content: String, agencyCode: String?, agencyName: String?,
                answer: String, answeredAt: Date?) {
        self.reference = reference
        self.receivedAt = receivedAt
        self.content = content
        self.agencyCode = agencyCode
        self.agencyName = agencyName
        self.answer = answer
        self.answeredAt = answeredAt
    }
}

/// A handling step asked of a feedback in the wrong state (answering before assignment, publishing
/// without an answer, changing a published one).
public struct FeedbackStateError: Error, Equatable, CustomStringConvertible {
    public let reference: String
    public let state: FeedbackState
    public let action: String

    public var description: String { "feedback \(reference) is \(state.rawValue): cannot \(action)" }

    public var vietnameseMessage: String {
        "Phản ánh \(reference) đang ở trạng thái \"\(state.vietnameseLabel)\" nên không thể thực hiện thao tác này."
    }
}

/// The handling of a feedback: new → assigned (the center's manager gives it to an agency) → answered (that
/// agency's leader or specialist; rewritable until published) → published (manager or the agency's leader).
public enum FeedbackWorkflow {
    public static let maximumAnswerLength = 5_000

    /// Checks an answer's text; the error speaks Vietnamese for the form.
    public static func checkedAnswer(_ text: String) throws(ValidationError) -> String {
        let answer = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (10...maximumAnswerLength).contains(answer.count) else {
            throw ValidationError(field: "answer", reason: "the answer must be 10 to 5000 characters",
                                  vietnamese: "Nội dung trả lời cần từ 10 đến 5.000 ký tự.")
        }
        return answer
    }

    // MARK: Transitions

    /// Assigning (or reassigning) is possible until the answer is published.
    public static func checkAssign(_ record: FeedbackRecord) throws(FeedbackStateError) {
        guard !record.published else { throw FeedbackStateError(reference: record.reference, state: record.state, action: "assign") }
    }

    /// Answering needs an agency to answer, and is possible until published.
    public static func checkAnswer(_ record: FeedbackRecord) throws(FeedbackStateError) {
        guard record.agencyCode != nil, !record.published else {
            throw FeedbackStateError(reference: record.reference, state: record.state, action: "answer")
        }
    }

    /// Publishing needs an answer not yet published.
    public static func checkPublish(_ record: FeedbackRecord) throws(FeedbackStateError) {
        guard record.state == .answered else {
            throw FeedbackStateError(reference: record.reference, state: record.state, action: "publish")
        }
    }

    // MARK: Who

    /// The roles that handle feedback at all (reception officers take it at the desk, not here).
    public static let handlingRoles: Set<Principal.Role> = [.manager, .administrator, .leader, .specialist]
    /// Assigning is the center's: its manager (or the administrator).
    public static let assigningRoles: Set<Principal.Role> = [.manager, .administrator]
    /// Answering is the assigned agency's leader or specialist.
    public static let answeringRoles: Set<Principal.Role> = [.leader, .specialist]
    /// Publishing: the center's manager, or the assigned agency's leader.
    public static let publishingRoles: Set<Principal.Role> = [.manager, .administrator, .leader]

    /// Whether the officer may see the feedback: every one for those who see every agency; else only what
    /// was assigned to one of their agencies (the unassigned are the center's).
    public static func canSee(_ record: FeedbackRecord, _ principal: Principal) -> Bool {
        if principal.role.actsForEveryAgency { return true }
        guard let agency = record.agencyCode else { return false }
        return principal.agencies.contains(agency)
    }
}
