extension SiteStyleSheet {
    /// Rules of the submission pages.
    static let submissionRules = """
    """
}
