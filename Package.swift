// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// `make fuzz` sets COHORT_FUZZ=1: CohortKit and the fuzz target are then built for libFuzzer, with
/// coverage and address sanitising (flags for those two targets only: the build plugin's tool and the
/// command line stay plain programs).
let fuzzing = ProcessInfo.processInfo.environment["COHORT_FUZZ"] == "1"
// COHORT_FUZZING also has libcmark allocate with malloc, not from MarkdownArena, so that AddressSanitizer sees its memory.
let fuzzFlags: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("COHORT_FUZZING")] : []

let package = Package(
    name: "Cohort",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cohort", targets: ["cohort"]),
        .library(name: "CohortKit", targets: ["CohortKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // swift-mustache 2.1.1 with a patch that makes rendering faster: see Packages/swift-mustache/PATCH.md.
        .package(path: "Packages/swift-mustache"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(path: "Packages/FlyingFox"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // glibc's malloc.h, for the allocator's settings that `cohort` makes at start (mallopt).
        .systemLibrary(name: "CAllocator"),
        // libpng, libjpeg-turbo, libwebp and expat: the size and safety of logos (Sources/CohortKit/Images).
        .systemLibrary(
            name: "CImageLibraries",
            pkgConfig: "libpng16",
            providers: [.apt(["libpng-dev", "libturbojpeg0-dev", "libwebp-dev", "libexpat1-dev"]),
                        .brew(["libpng", "jpeg-turbo", "webp", "expat"])]
        ),
        .target(
            name: "CohortKit",
            dependencies: [
                "CCmark",
                "CImageLibraries",
                // For the libyaml it ships (its CYaml module), whose events YAMLComposer reads.
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: fuzzFlags,
            plugins: ["EmbedFolders"]
        ),
        // Compiles templates/ (the built-in theme) and starter/ (what `cohort init` writes) into CohortKit.
        .plugin(name: "EmbedFolders", capability: .buildTool(), dependencies: ["embed-folders"]),
        .executableTarget(name: "embed-folders"),
        // `cohort serve`: the HTTP server and the file watcher, at the edge, so CohortKit needs no network.
        .target(
            name: "CohortServe",
            dependencies: ["CohortKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "cohort",
            dependencies: [
                "CohortKit",
                "CohortServe",
                "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer's target for `make fuzz` (see the Makefile); a no-op program in other builds.
        .executableTarget(
            name: "cohort-fuzz", dependencies: ["CohortKit"],
            swiftSettings: fuzzing ? fuzzFlags + [.define("COHORT_FUZZ")] : [],
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
        ),
        .testTarget(
            name: "CohortKitTests",
            dependencies: ["CohortKit", "CohortServe", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
