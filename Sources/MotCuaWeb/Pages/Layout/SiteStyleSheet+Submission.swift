extension SiteStyleSheet {
    /// Rules of the citizens' online submission (`/nop-ho-so/{code}`).
    static let submissionRules = """
    .submission-form { max-width: 720px; }
    .submission-form input[type=text], .submission-form input[type=tel], .submission-form input[type=email], .submission-form select { width: 100%; }
    .submission-form input[type=file] { width: 100%; padding: 12px; border-style: dashed; }
    .submission-form .hint { display: block; font-size: 0.9em; margin-top: 4px; }
    a#nop-truc-tuyen { margin: 4px 0 8px; }
    """
}
