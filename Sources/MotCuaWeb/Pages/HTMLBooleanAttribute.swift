import Plot

extension Attribute {
    /// A boolean attribute (`checked`, `selected`, `required`) written only when `isOn`: Plot's elements such as
    /// `input` and `option` take attributes, not nodes, so `.if(…)` cannot add one conditionally.
    static func flag(_ name: String, _ isOn: Bool) -> Attribute {
        Attribute(name: name, value: isOn ? name : "", ignoreIfValueIsEmpty: true)
    }
}

extension Node where Context == HTML.SelectContext {
    /// An `option` with its label; Plot's own `option` takes no text.
    static func choice(_ value: String, _ label: String, selected: Bool) -> Node {
        // An empty value is written too: without it the option's value would be its label.
        .element(named: "option", nodes: [.attribute(named: "value", value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: false),
                                          .if(selected, .attribute(named: "selected", value: "selected")),
                                          .text(label)])
    }
}
