/// The web interface's built-in pages (`Templates/web/`), HTML templates kept apart from the Markdown
/// document templates that `TemplateSet` checks, overrides and exports.
public enum WebTemplates {
    /// The folder prefix of the web templates' names.
    public static let folder = "web/"

    /// Each web template's text by its name relative to `Templates/web/`, such as `home` or `style.css`.
    public static var all: [String: String] {
        Dictionary(uniqueKeysWithValues: EmbeddedResources.templates.compactMap { name, text in
            name.hasPrefix(folder) ? (String(name.dropFirst(folder.count)), text) : nil
        })
    }

    /// Whether a built-in template's name is one of the web interface's.
    static func isWeb(_ name: String) -> Bool { name.hasPrefix(folder) }
}
