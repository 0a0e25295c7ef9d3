import CCmark
import Foundation

/// The only code that touches libcmark's C API (with its allocator, `MarkdownArena`): parses Markdown,
/// walks the tree, renders HTML and frees it.
public enum Markdown {
    /// A Markdown text rendered for the site.
    public struct Rendered: Sendable, Hashable {
        /// The body as an HTML fragment.
        public var html: String
        /// The plain text of the first paragraph, for summaries and meta descriptions.
        public var summary: String
        /// Every link and image the resolver saw, with its place and what became of it.
        public var links: [Link] = []

        /// The links that point at nothing.
        public var brokenLinks: [Link] { links.filter { if case .broken = $0.resolution { true } else { false } } }
    }

    /// A link or image destination in Markdown, where it is and how it was resolved.
    public struct Link: Sendable, Hashable {
        /// The destination as written.
        public var destination: String
        /// The line of the Markdown on which the link starts, counting from 1.
        public var line: Int
        /// cmark's column for the link, in bytes, counting from 1.
        public var column: Int
        /// What the resolver made of it.
        public var resolution: LinkResolution
    }

    /// What to do with a link destination.
    public enum LinkResolution: Sendable, Hashable {
        /// Leave it as written.
        case keep
        /// Replace it, for example a link to a content file by the link to its page.
        case replace(String)
        /// It points at nothing: report it, with a hint such as a nearby name.
        case broken(hint: String?)
    }

    /// Renders `markdown` to HTML. Unless `allowRawHTML` is set, raw HTML and dangerous links
    /// (`javascript:`, `vbscript:`, `file:`, most `data:`) are dropped: cmark's safe mode. Headings get
    /// ids as GitHub gives them (`## Key figures` is `key-figures`), so `about.md#key-figures` works on
    /// the site as it does on GitHub.
    ///
    /// `resolveLink`, when given, sees every link and image destination and may replace it.
    public static func render(
        _ markdown: some StringProtocol, allowRawHTML: Bool = false, resolveLink: ((String) -> LinkResolution)? = nil
    ) -> Rendered {
        let options = CMARK_OPT_SMART | (allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_SAFE)
        // The thread's arena holds everything libcmark allocates for this document, and is reset at the
        // end; were it in use already, the system allocator does, and the tree and HTML are freed.
        let arena = MarkdownArena.begin()
        let memory = arena == nil ? cmark_get_default_mem_allocator() : MarkdownArena.allocator
        guard let memory, let parser = cmark_parser_new_with_mem(options, memory) else {
            preconditionFailure("libcmark could not allocate a parser")
        }
        let feed = { (bytes: UnsafeBufferPointer<UInt8>) in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        if markdown.utf8.withContiguousStorageIfAvailable(feed) == nil {
            var text = String(markdown)
            text.withUTF8(feed)
        }
        let finished = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        guard let document = finished else {
            // cmark returns nil only when it cannot allocate memory.
            preconditionFailure("libcmark could not allocate a document")
        }
        defer {
            if let arena { arena.end() } else { cmark_node_free(document) }
        }
        let summary = firstParagraphText(of: document)
        var linkNodes: [OpaquePointer] = [], headingNodes: [OpaquePointer] = []
        walk(document) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: if resolveLink != nil { linkNodes.append(node) }
            case CMARK_NODE_HEADING: headingNodes.append(node)
            default: break
            }
        }
        let links = resolveLink.map { resolveLinks(linkNodes, with: $0) } ?? []
        let headings = identifyHeadings(headingNodes, memory: memory)
        guard let htmlPointer = cmark_render_html(document, options) else {
            preconditionFailure("libcmark could not allocate the rendered HTML")
        }
        defer { memory.pointee.free(htmlPointer) }
        let html = headings > 0 ? joiningHeadingLines(htmlPointer) : String(cString: htmlPointer)
        return Rendered(html: html, summary: summary, links: links)
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

    /// Rewrites the destinations of link and image nodes in place; returns every one with what became of it.
    private static func resolveLinks(_ nodes: [OpaquePointer], with resolve: (String) -> LinkResolution) -> [Link] {
        var links: [Link] = []
        for node in nodes {
            guard let pointer = cmark_node_get_url(node) else { continue }
            let destination = String(cString: pointer)
            let resolution = resolve(destination)
            if case .replace(let replacement) = resolution { cmark_node_set_url(node, replacement) }
            links.append(Link(destination: destination, line: startLine(of: node), column: Int(cmark_node_get_start_column(node)),
                              resolution: resolution))
        }
        return links
    }

    /// The HTML with each `<hN id="...">` heading on one line: cmark puts a custom block's content on
    /// lines of its own, so the line breaks after the opening tag and before the closing one go.
    private static func joiningHeadingLines(_ html: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0, copied = 0
        var inHeading = false
        func isHeadingTag(_ at: Int, closing: Bool) -> Bool {
            let offset = closing ? 1 : 0
            guard at + 3 + offset < bytes.count, bytes[at] == UInt8(ascii: "<") else { return false }
            if closing, bytes[at + 1] != UInt8(ascii: "/") { return false }
            return bytes[at + 1 + offset] == UInt8(ascii: "h") && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[at + 2 + offset])
                && bytes[at + 3 + offset] == (closing ? UInt8(ascii: ">") : UInt8(ascii: " "))
        }
        // Copies the bytes from the last cut up to `end`, then skips to `next`.
        func cut(at end: Int, resumingAt next: Int) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
            copied = next
            index = next
        }
        while index < bytes.count {
            if !inHeading, isHeadingTag(index, closing: false) {
                // Keep the opening tag, drop the line break after it.
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
                if end < bytes.count { end += 1 }
                cut(at: end, resumingAt: end < bytes.count && bytes[end] == UInt8(ascii: "\n") ? end + 1 : end)
                inHeading = true
            } else if inHeading, bytes[index] == UInt8(ascii: "\n"), isHeadingTag(index + 1, closing: true) {
                cut(at: index, resumingAt: index + 1)
                inHeading = false
            } else {
                // On to the next `<` outside a heading, or line break inside one.
                let next = index + 1
                let start = UnsafeRawPointer(html)
                let found = next < bytes.count ? memchr(start + next, inHeading ? 0x0A : 0x3C, bytes.count - next) : nil
                index = found.map { UnsafeRawPointer($0) - start } ?? bytes.count
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
        return String(decoding: output, as: UTF8.self)
    }

    /// Gives every heading node an id: a custom block that writes `<hN id="...">` around the heading's
    /// inlines takes its place (cmark has no attributes on headings). Returns how many there were.
    private static func identifyHeadings(_ headings: [OpaquePointer], memory: UnsafeMutablePointer<cmark_mem>) -> Int {
        var used: Set<String> = []
        for heading in headings {
            let level = cmark_node_get_heading_level(heading)
            let id = HeadingID.unique(HeadingID.slug(plainText(of: heading)), among: &used)
            guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, memory) else { continue }
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(HTMLEscaping().escapeText(id))\">")
            cmark_node_set_on_exit(block, "</h\(level)>")
            while let child = cmark_node_first_child(heading) { cmark_node_append_child(block, child) }
            cmark_node_insert_before(heading, block)
            cmark_node_free(heading)
        }
        return headings.count
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
        return paragraph.map(plainText) ?? ""
    }

    /// The text under a node, with inline markup dropped and soft breaks as spaces.
    private static func plainText(of root: OpaquePointer) -> String {
        var text = ""
        walk(root) { node in
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
