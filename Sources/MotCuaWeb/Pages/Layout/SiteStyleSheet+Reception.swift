extension SiteStyleSheet {
    /// Rules of the reception pages.
    static let receptionRules = """
    """
}
