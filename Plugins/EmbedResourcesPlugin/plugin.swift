import Foundation
import PackagePlugin

/// Compiles the package-root folders `Schema/` and `Templates/` into the target as a
/// generated `EmbeddedResources.swift`, so the built binary needs no resource bundle.
///
/// Change tracking. SwiftPM only re-invokes a build-tool plugin when it re-plans the
/// build, and it tracks each input as a single file (for a folder: its modification
/// time, which changes when an entry is added, removed or renamed, but not when a file
/// inside is edited in place). So the command's inputs are:
///   - both folders and every subfolder: an added, deleted or renamed file re-runs
///     the generator, which lists the folders itself;
///   - every file currently in them: an in-place edit re-runs the generator.
/// A deleted file would then be a missing input ("couldn't build ... because of missing
/// inputs") unless the build is re-planned; that is why Package.swift gives this plugin
/// target `path: "."`, which makes SwiftPM re-plan (and re-invoke this plugin) whenever
/// a file is added to or removed from the package.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        let schema = root.appending(path: "Schema", directoryHint: .isDirectory)
        let templates = root.appending(path: "Templates", directoryHint: .isDirectory)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")

        // A missing folder contributes no inputs; creating it later changes the package
        // structure, so SwiftPM re-plans and this plugin runs again.
        let inputs = [schema, templates].flatMap(Self.folderTree(at:))

        return [
            .buildCommand(
                displayName: "Embedding Schema and Templates into \(target.name)",
                executable: try context.tool(named: "EmbedResources").url,
                arguments: [
                    schema.path(percentEncoded: false),
                    templates.path(percentEncoded: false),
                    output.path(percentEncoded: false),
                ],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }

    /// `folder` itself, then every non-hidden subfolder and file below it, sorted;
    /// empty if `folder` does not exist.
    private static func folderTree(at folder: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path(percentEncoded: false), isDirectory: &isDirectory),
              isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(
                  at: folder,
                  includingPropertiesForKeys: [.isDirectoryKey, .isRegularFileKey],
                  options: [.skipsHiddenFiles]
              )
        else { return [] }

        var entries: [URL] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isRegularFileKey])
            if values?.isDirectory == true || values?.isRegularFile == true {
                entries.append(url)
            }
        }
        return [folder] + entries.sorted { $0.path < $1.path }
    }
}
