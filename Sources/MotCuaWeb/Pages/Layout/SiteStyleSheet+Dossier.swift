extension SiteStyleSheet {
    /// Rules of the dossier pages.
    static let dossierRules = """
    """
}
