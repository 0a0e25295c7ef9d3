/// The static SVG that Cohort publishes (docs/content-format.md, "SVG files"): shapes, paths, text,
/// gradients, patterns, clip paths, masks, markers, filters, `use` and `image`, and `style` with CSS that
/// loads nothing. Whatever is not named here is refused: scripts, `foreignObject`, links, animation, event
/// attributes, elements of other XML vocabularies (XHTML, MathML) and references to other documents.
/// Drawing programs' own namespaces (Inkscape, Sodipodi, Illustrator, Sketch, Serif, RDF metadata) are
/// kept: browsers give their elements and attributes no meaning.
enum SVGSubset {
    static let svgNamespace = "http://www.w3.org/2000/svg"
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The namespaces of drawing programs and metadata: inert in every browser.
    static let editorNamespaces: Set<String> = [
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/",
        "http://purl.org/dc/elements/1.1/",
        "http://ns.adobe.com/AdobeIllustrator/10.0/",
        "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
        "http://ns.adobe.com/Extensibility/1.0/",
        "http://ns.adobe.com/Graphs/1.0/",
        "http://ns.adobe.com/SaveForWeb/1.0/",
        "http://ns.adobe.com/Variables/1.0/",
        "http://ns.adobe.com/ImageReplacement/1.0/",
        "http://ns.adobe.com/xap/1.0/",
        "http://www.bohemiancoding.com/sketch/ns",
        "http://www.serif.com/",
    ]

    /// The elements of the SVG namespace that draw or describe, and load nothing of their own.
    static let elements: Set<String> = [
        "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "view",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image", "style",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
        "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
        "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
        "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    ]

    /// Elements refused with a reason of their own.
    static let refusedElements: [String: String] = [
        "script": "a <script> element",
        "foreignObject": "a <foreignObject> element, which holds HTML",
        "a": "an <a> element, a link that can run script when the file is opened",
        "animate": "an <animate> element, which can change any attribute, a link's among them",
        "animateMotion": "an <animateMotion> element (animation)",
        "animateTransform": "an <animateTransform> element (animation)",
        "animateColor": "an <animateColor> element (animation)",
        "set": "a <set> element, which can change any attribute, a link's among them",
        "discard": "a <discard> element (animation)",
        "mpath": "an <mpath> element (animation)",
        "iframe": "an <iframe> element",
        "video": "a <video> element",
        "audio": "an <audio> element",
        "handler": "a <handler> element (script)",
        "listener": "a <listener> element (script)",
        "cursor": "a <cursor> element, which loads a file",
        "font-face-uri": "a <font-face-uri> element, which loads a font",
    ]

    /// The attributes without a namespace that SVG's static elements take: geometry, text layout,
    /// paint servers, filters, and the presentation attributes (CSS properties written as attributes).
    static let attributes: Set<String> = [
        // Core, styling and accessibility.
        "id", "class", "style", "lang", "tabindex", "role", "focusable", "version", "baseProfile", "x", "y", "width", "height",
        "viewBox", "preserveAspectRatio", "transform", "systemLanguage", "requiredFeatures", "requiredExtensions",
        "type", "media", "title", "zoomAndPan", "contentScriptType", "contentStyleType", "enable-background",
        // Shapes and paths.
        "d", "pathLength", "points", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2",
        // Text.
        "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        // Gradients, patterns, clip paths, masks, markers and links within the file.
        "href", "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "fr", "offset",
        "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
        "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient", "crossorigin", "decoding",
        // Filters.
        "filterUnits", "primitiveUnits", "filterRes", "result", "in", "in2", "mode", "values", "operator",
        "k1", "k2", "k3", "k4", "stdDeviation", "edgeMode", "kernelMatrix", "order", "divisor", "bias",
        "targetX", "targetY", "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant",
        "specularExponent", "kernelUnitLength", "scale", "xChannelSelector", "yChannelSelector", "radius",
        "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "baseFrequency",
        "numOctaves", "seed", "stitchTiles", "tableValues", "slope", "intercept", "amplitude", "exponent",
        // Presentation attributes.
        "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color", "color-interpolation",
        "color-interpolation-filters", "color-profile", "color-rendering", "direction", "display",
        "dominant-baseline", "fill", "fill-opacity", "fill-rule", "filter", "flood-color", "flood-opacity", "font",
        "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
        "glyph-orientation-horizontal", "glyph-orientation-vertical", "image-rendering", "isolation", "kerning",
        "letter-spacing", "lighting-color", "marker", "marker-end", "marker-mid", "marker-start", "mask",
        "mask-type", "mix-blend-mode", "opacity", "overflow", "paint-order", "pointer-events", "shape-rendering",
        "stop-color", "stop-opacity", "stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor",
        "text-decoration", "text-rendering", "transform-origin", "unicode-bidi", "vector-effect", "visibility",
        "word-spacing", "writing-mode",
    ]

    /// Attributes of the XLink namespace (`xlink:href` as SVG 1.1 writes links) that SVG reads.
    static let xlinkAttributes: Set<String> = ["href", "title", "type", "role", "arcrole", "show", "actuate"]
    /// Attributes of the XML namespace: `xml:space` and `xml:lang` (`xml:base` changes where links lead).
    static let xmlAttributes: Set<String> = ["space", "lang"]

    /// The elements whose `href` may embed a picture (a PNG, JPEG, GIF or WebP `data:` address).
    static let pictureElements: Set<String> = ["image", "feImage"]

    /// Whether `name`, an attribute without a namespace, is of the subset: those listed, and the
    /// `data-` and `aria-` attributes, which hold data for scripts and assistive technology.
    static func allows(attribute name: String) -> Bool {
        attributes.contains(name) || name.hasPrefix("data-") || name.hasPrefix("aria-")
    }

    /// Whether `reference`, an `href` of the element `element`, stays in the file: `#id`, or on
    /// `image` and `feImage` a picture embedded as a raster `data:` address.
    static func isInFile(_ reference: String, on element: String) -> Bool {
        let trimmed = reference.trimmingWhitespace().lowercased()
        if trimmed.hasPrefix("#") { return true }
        return pictureElements.contains(element) && isEmbeddedPicture(trimmed)
    }

    /// A PNG, JPEG, GIF or WebP picture written as a `data:` address (lowercased).
    static func isEmbeddedPicture(_ lowercased: String) -> Bool {
        ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { lowercased.hasPrefix($0) }
    }
}
