// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "shortlist",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shortlist", targets: ["shortlist"]),
        .library(name: "ShortlistKit", targets: ["ShortlistKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Host tool: reads Schema/ and Templates/ and writes one Swift file of string literals.
        .executableTarget(name: "EmbedResources", path: "Sources/EmbedResources"),
        // Build-tool plugin that runs EmbedResources. `path: "."` is deliberate: SwiftPM re-plans
        // the build (re-invoking the plugin, which re-lists Schema/ and Templates/) only when the
        // file structure of a target's folder changes; rooting this target at the package root
        // makes adding, deleting or renaming a file in Schema/ or Templates/ trigger that.
        .plugin(
            name: "EmbedResourcesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedResources"],
            path: ".",
            sources: ["Plugins/EmbedResourcesPlugin"]),
        .target(
            name: "ShortlistKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedResourcesPlugin"]),
        .executableTarget(
            name: "shortlist",
            dependencies: [
                "ShortlistKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Generates fictional data at school or trust scale and times shortlist beside the sqlite3 shell.
        .executableTarget(
            name: "shortlist-bench",
            dependencies: [
                "ShortlistKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(
            name: "ShortlistKitTests",
            dependencies: ["ShortlistKit", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ShortlistCLITests",
            dependencies: ["ShortlistKit", "shortlist", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
