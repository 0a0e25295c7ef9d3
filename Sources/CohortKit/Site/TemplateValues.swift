import Foundation

/// A key that is there but has no value: false in sections, empty when printed, and never looked up
/// further out.
enum Absent {
    /// swift-mustache's null, which its renderer takes as no value without a cast (`NSNull`, one
    /// instance for the whole process).
    static let value = NSNull()
}

/// Lets an optional boxed in `Any` say whether it is empty, without reflection.
protocol OptionalMarker {
    var isNone: Bool { get }
}

extension Optional: OptionalMarker {
    var isNone: Bool { self == nil }
}
