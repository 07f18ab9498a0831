/// The access rule: which dossiers a staff member reaches, and whose personal data they may read. Pages,
/// the JSON API and the CLI all ask these.
extension Principal {
    /// Whether the user may see the dossier: one of their agencies accepted or received it, owns its procedure or
    /// holds (or held) one of its steps (managers and administrators: every dossier). What they may do to
    /// it is `DossierActionPolicy`'s decision.
    public func mayAccess(_ dossier: Dossier) -> Bool {
        covers(dossier.code.agencyCode) || covers(dossier.deskAgencyCode) || covers(dossier.owningAgencyCode)
            || dossier.visits.contains { covers($0.agencyCode) }
    }

    /// Whether the applicant's personal data (identity number, phone, e-mail, address) may be shown: only to
    /// officers of an agency that works on the dossier — not to the center's managers and administrators,
    /// who oversee figures (Decree 13/2023/NĐ-CP: personal data only to those who need it).
    public func mayReadPersonalData(of dossier: Dossier) -> Bool {
        !role.actsForEveryAgency && mayAccess(dossier)
    }

    /// The agencies a list, a dashboard or a statistic is restricted to (dossiers by their owning agency,
    /// guidance by its agency); nil for roles that see every agency.
    public var listRestriction: Set<AgencyCode>? {
        role.actsForEveryAgency ? nil : agencies
    }
}
