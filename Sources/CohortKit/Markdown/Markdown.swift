import CCmark
import Foundation

/// The only code that touches libcmark's C API: parses Markdown, walks the tree, renders HTML and frees it.
public enum Markdown {
    /// A Markdown text rendered for the site.
    public struct Rendered: Sendable, Hashable {
        /// The body as an HTML fragment.
        public var html: String
        /// The plain text of the first paragraph, for summaries and meta descriptions.
        public var summary: String
        /// Links that the resolver could not resolve, with their line and column in the Markdown.
        public var brokenLinks: [BrokenLink] = []
    }

    /// A link in Markdown that points at nothing.
    public struct BrokenLink: Sendable, Hashable {
        /// The link target as written.
        public var destination: String
        /// The line of the Markdown on which the link starts, counting from 1.
        public var line: Int
        /// cmark's column for the link, in bytes, counting from 1.
        public var column: Int
    }

    /// What to do with a link destination.
    public enum LinkResolution: Sendable {
        /// Leave it as written.
        case keep
        /// Replace it, for example a link to a content file by the link to its page.
        case replace(String)
        /// It points at nothing: report it.
        case broken
    }

    /// Renders `markdown` to HTML. Unless `allowRawHTML` is set, raw HTML and dangerous links
    /// (`javascript:`, `vbscript:`, `file:`, most `data:`) are dropped: cmark's safe mode.
    ///
    /// `resolveLink`, when given, sees every link and image destination and may replace it.
    public static func render(
        _ markdown: String, allowRawHTML: Bool = false, resolveLink: ((String) -> LinkResolution)? = nil
    ) -> Rendered {
        let options = CMARK_OPT_SMART | (allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_SAFE)
        let length = markdown.utf8.count
        guard let document = markdown.withCString({ cmark_parse_document($0, length, options) }) else {
            // cmark returns nil only when it cannot allocate memory.
            preconditionFailure("libcmark could not allocate a document")
        }
        defer { cmark_node_free(document) }
        let summary = firstParagraphText(of: document)
        let brokenLinks = resolveLink.map { resolveLinks(in: document, with: $0) } ?? []
        guard let htmlPointer = cmark_render_html(document, options) else {
            preconditionFailure("libcmark could not allocate the rendered HTML")
        }
        defer { free(htmlPointer) }
        return Rendered(html: String(cString: htmlPointer), summary: summary, brokenLinks: brokenLinks)
    }

    /// HTML straight from `cmark_markdown_to_html`, with no tree walk: the floor that benchmarks compare a build with.
    public static func plainHTML(_ markdown: String) -> String {
        let options = CMARK_OPT_SMART | CMARK_OPT_SAFE
        guard let pointer = markdown.withCString({ cmark_markdown_to_html($0, markdown.utf8.count, options) }) else {
            preconditionFailure("libcmark could not allocate the rendered HTML")
        }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Rewrites link and image destinations in place; returns the ones that point at nothing.
    private static func resolveLinks(in document: OpaquePointer, with resolve: (String) -> LinkResolution) -> [BrokenLink] {
        var broken: [BrokenLink] = []
        walk(document) { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let pointer = cmark_node_get_url(node) else { return }
            let destination = String(cString: pointer)
            switch resolve(destination) {
            case .keep:
                break
            case .replace(let replacement):
                cmark_node_set_url(node, replacement)
            case .broken:
                broken.append(BrokenLink(destination: destination, line: startLine(of: node), column: Int(cmark_node_get_start_column(node))))
            }
        }
        return broken
    }

    /// The line a node starts on; inline nodes without a position take their block's.
    private static func startLine(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 1
    }

    /// The text of the first paragraph, with inline markup dropped and soft breaks as spaces.
    private static func firstParagraphText(of document: OpaquePointer) -> String {
        var paragraph = cmark_node_first_child(document)
        while let node = paragraph, cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH {
            paragraph = cmark_node_next(node)
        }
        guard let paragraph else { return "" }
        var text = ""
        walk(paragraph) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// Calls `visit` on every node under `root`, in document order, on entering it.
    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }
}
