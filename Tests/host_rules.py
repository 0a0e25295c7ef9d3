"""The rules of a built site's `_headers`, read and matched as Netlify and Cloudflare Pages do: shared by
make lint-site (which serves sites with them) and make lint-hosting (which checks nginx gives them)."""
import os


def header_rules(site):
    """The rules of the site's _headers: (path pattern, [(name, value)]), in order."""
    rules = []
    with open(os.path.join(site, "_headers"), encoding="utf-8") as file:
        for line in file:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line[0].isspace():
                rules.append((line.strip(), []))
            elif rules and ":" in line:
                name, value = line.strip().split(":", 1)
                rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules, path):
    """The headers a host gives path: those of every rule that matches it (a pattern ending in * matches
    every path that starts with what precedes the *, any other only itself), a name given twice joined
    with a comma (two policies so joined are both enforced)."""
    headers = {}
    for pattern, values in rules:
        if path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern:
            for name, value in values:
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers
