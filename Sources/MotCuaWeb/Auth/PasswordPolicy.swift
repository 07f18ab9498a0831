/// What a password must be. bcrypt reads only the first 72 bytes, so longer passwords are refused
/// rather than silently cut (a Vietnamese letter with diacritics takes 2–3 bytes).
public enum PasswordPolicy {
    public static let minimumCharacters = 10
    public static let maximumBytes = 72

    public static func check(_ password: String) throws(UserAccountError) {
        guard password.count >= minimumCharacters else { throw .passwordTooShort(minimum: minimumCharacters) }
        guard password.utf8.count <= maximumBytes else { throw .passwordTooLong(maximumBytes: maximumBytes) }
        guard !password.contains(where: { $0.isNewline }) else { throw .passwordHasLineBreak }
    }
}
