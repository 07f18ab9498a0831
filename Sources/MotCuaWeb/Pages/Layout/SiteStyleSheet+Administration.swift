extension SiteStyleSheet {
    /// Rules of the administration pages.
    static let administrationRules = """
    """
}
