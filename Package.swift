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
        // The web interface (`shortlist serve`): the server, TLS, its test client, and bcrypt for passwords.
        // swift-configuration support is left out: the server is configured by the CLI's options.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        // Already resolved for Hummingbird; named to quiet its logger and to read the TLS files.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
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
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            plugins: ["EmbedResourcesPlugin"]),
        // The web interface: routes, forms and pages over ShortlistKit's operations (no SQL, no rule).
        .target(
            name: "ShortlistWeb",
            dependencies: [
                "ShortlistKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        .executableTarget(
            name: "shortlist",
            dependencies: [
                "ShortlistKit",
                "ShortlistWeb",
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
        .testTarget(
            name: "ShortlistWebTests",
            dependencies: [
                "ShortlistKit",
                "ShortlistWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
