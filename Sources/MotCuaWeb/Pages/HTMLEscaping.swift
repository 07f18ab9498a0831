import Plot

/// Plot escapes text nodes (`.text(…)`) but writes attribute values exactly as given: a value such as
/// `"><script>…` would end the attribute and inject markup. Every attribute whose value comes from a
/// visitor, the database or a URL goes through `.escaped(…)` (or `HTMLEscaping.attribute`).
public enum HTMLEscaping {
    /// The value with `&`, `<`, `>`, `"` and `'` written as character references.
    public static func attribute(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

public extension Attribute {
    /// An attribute whose value is escaped: `.escaped("value", username)`.
    static func escaped(_ name: String, _ value: String, ignoreIfValueIsEmpty: Bool = true) -> Attribute {
        Attribute(name: name, value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)
    }
}

public extension Node {
    /// An element attribute whose value is escaped: `.escaped("href", link)`.
    static func escaped(_ name: String, _ value: String) -> Node {
        .attribute(Attribute<Context>.escaped(name, value))
    }
}
