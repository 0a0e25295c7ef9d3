/// The SVG files under `static/`, checked like logos: a file served as `image/svg+xml` runs on the
/// site's own address when it is opened, so each must keep to the static subset Cohort publishes
/// (`SVGReader`). Those that a `logo` field names are reported at the field, by `Logos`; any other is
/// an error at the element or attribute in the file.
enum StaticSVGs {
    static func check(_ files: [OutputFile], except named: Set<String>, contentRoot: String) -> [Diagnostic] {
        files.filter { !named.contains($0.path) }.compactMap { file -> Diagnostic? in
            let path = contentRoot + "static/" + file.path
            let lowercased = file.path.lowercased()
            if lowercased.hasSuffix(".svgz") {
                return .error(at: .file(path), "a compressed SVG cannot be checked, and is not published",
                              hint: "save it as an uncompressed .svg file; web hosts compress it on the way")
            }
            guard lowercased.hasSuffix(".svg") else { return nil }
            switch SVGReader.read(file.bytes) {
            case .success: return nil
            case .failure(.unsafe(let what, let line, let column)):
                return .error(at: SourceLocation(path: path, line: line, column: column), "the SVG \(what)", hint: SVGReader.hint)
            case .failure:
                return .error(at: .file(path), "the file is not a readable SVG image (well-formed XML with an <svg> root)",
                              hint: "export it again from the program that drew it, or rename it if it is not an SVG")
            }
        }
    }
}
