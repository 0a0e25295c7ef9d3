import CImageLibraries
import Foundation

/// What a page needs to know of an image before it shows it: its format and its size in pixels (the
/// SVG's `viewBox`, else its `width` and `height`), read from the file with libpng, libjpeg-turbo,
/// libwebp and expat, so that pages reserve its room and do not jump.
struct ImageFacts: Sendable, Hashable {
    enum Format: String, Sendable {
        case svg, png, jpeg, webp
    }

    var format: Format
    var width: Int
    var height: Int
    /// The file's size in bytes.
    var bytes: Int
    /// Whether an SVG writes text, which its card draws without fonts (see `SocialCards`).
    var hasText = false

    /// Whether social sites can show it (they take no SVG or WebP).
    var isSharable: Bool { format == .png || format == .jpeg }

    /// The facts of the image `data`, or why it cannot be used.
    static func read(_ data: Data) -> Result<ImageFacts, ImageProblem> {
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return png(data) }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(data) }
        if data.count >= 12, data.starts(with: Array("RIFF".utf8)), data.dropFirst(8).starts(with: Array("WEBP".utf8)) { return webp(data) }
        return SVGReader.read(data).flatMap { facts in
            guard let size = facts.size else { return .failure(.unsized) }
            return .success(ImageFacts(format: .svg, width: size.width, height: size.height, bytes: data.count, hasText: facts.hasText))
        }
    }

    private static func png(_ data: Data) -> Result<ImageFacts, ImageProblem> {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let read = data.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard read != 0, image.width > 0, image.height > 0 else { return .failure(.unreadable("PNG")) }
        return .success(ImageFacts(format: .png, width: Int(image.width), height: Int(image.height), bytes: data.count))
    }

    private static func jpeg(_ data: Data) -> Result<ImageFacts, ImageProblem> {
        guard let handle = tjInitDecompress() else { return .failure(.unreadable("JPEG")) }
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let status = data.withUnsafeBytes { bytes in
            tjDecompressHeader3(handle, bytes.bindMemory(to: UInt8.self).baseAddress, UInt(bytes.count), &width, &height, &subsampling, &colorspace)
        }
        guard status == 0, width > 0, height > 0 else { return .failure(.unreadable("JPEG")) }
        return .success(ImageFacts(format: .jpeg, width: Int(width), height: Int(height), bytes: data.count))
    }

    private static func webp(_ data: Data) -> Result<ImageFacts, ImageProblem> {
        var width: Int32 = 0, height: Int32 = 0
        let status = data.withUnsafeBytes { WebPGetInfo($0.bindMemory(to: UInt8.self).baseAddress, $0.count, &width, &height) }
        guard status != 0, width > 0, height > 0 else { return .failure(.unreadable("WebP")) }
        return .success(ImageFacts(format: .webp, width: Int(width), height: Int(height), bytes: data.count))
    }
}

/// Why an image cannot be a logo.
enum ImageProblem: Error, Sendable, Hashable {
    /// Not an image Cohort reads (SVG, PNG, JPEG or WebP), or a damaged one.
    case unreadable(String)
    /// An SVG outside the static subset Cohort publishes: what, and where in the file.
    case unsafe(String, line: Int, column: Int)
    /// An SVG without a size.
    case unsized

    var message: String {
        switch self {
        case .unreadable(let format): "the logo is not a readable \(format) image"
        case .unsafe(let what, let line, let column): "the SVG logo \(what) (its line \(line), column \(column))"
        case .unsized: "the SVG logo has no viewBox, width or height to give its size"
        }
    }

    var hint: String {
        switch self {
        case .unreadable: "a logo is an SVG, PNG, JPEG or WebP file"
        case .unsafe: SVGReader.hint
        case .unsized: "add a viewBox, such as viewBox=\"0 0 200 80\", to its <svg> element"
        }
    }
}
