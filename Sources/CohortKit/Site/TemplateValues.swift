import Mustache

/// A key that is there but has no value: false in sections, empty when printed, and never looked up
/// further out.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// Lets an optional boxed in `Any` say whether it is empty, without reflection.
protocol OptionalMarker {
    var isNone: Bool { get }
}

extension Optional: OptionalMarker {
    var isNone: Bool { self == nil }
}
