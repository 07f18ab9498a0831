extension SiteStyleSheet {
    /// Rules of the dashboard pages.
    static let dashboardRules = """
    """
}
