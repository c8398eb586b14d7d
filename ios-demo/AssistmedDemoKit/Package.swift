// swift-tools-version:5.9
// The iOS demo's non-UI code (the shell around the core's AppModel: file storage, view
// publishing), as a Swift package so that `swift test` runs its tests on a Mac (macOS slice).
// Depends on the Swift package of the bindings, built by bindings/scripts/build-xcframework.sh.
import PackageDescription

let package = Package(
    name: "AssistmedDemoKit",
    defaultLocalization: "fr",
    platforms: [
        .iOS(.v16),
        .macOS(.v13),
    ],
    products: [
        .library(name: "AssistmedDemoKit", targets: ["AssistmedDemoKit"]),
    ],
    dependencies: [
        .package(path: "../../build/apple/AssistmedSwift"),
    ],
    targets: [
        .target(
            name: "AssistmedDemoKit",
            dependencies: [.product(name: "Assistmed", package: "AssistmedSwift")]
        ),
        .testTarget(
            name: "AssistmedDemoKitTests",
            dependencies: ["AssistmedDemoKit", .product(name: "Assistmed", package: "AssistmedSwift")]
        ),
    ]
)
