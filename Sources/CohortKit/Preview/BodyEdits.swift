/// A change to the bodies of files alone. Linking reads no body, and neither do the figures, the
/// warnings or the plan of the site (but for the feeds it makes), so such a change leaves all of them
/// as they were: the preview puts the new bodies into the portfolio it has instead of linking and
/// planning again.
extension Portfolio {
    /// This portfolio with the bodies of `documents`, each an organisation, company, agreement, news
    /// item or page that the portfolio has with the same front matter; nil when one is not.
    func replacingBodies(with documents: [Document]) -> Portfolio? {
        var portfolio = self
        for document in documents {
            guard portfolio.replaceBody(with: document) else { return nil }
        }
        return portfolio
    }

    private mutating func replaceBody(with document: Document) -> Bool {
        switch document {
        case .organization(let value):
            guard case .organization(let index)? = entities[value.slug],
                  Document.organization(organizations[index]).differsAtMostInBody(from: document) else { return false }
            organizations[index].body = value.body
        case .company(let value):
            guard case .company(let index)? = entities[value.slug],
                  Document.company(companies[index]).differsAtMostInBody(from: document) else { return false }
            companies[index].body = value.body
        case .agreement(let value):
            guard case .agreement(let index)? = entities[value.slug],
                  Document.agreement(agreements[index]).differsAtMostInBody(from: document) else { return false }
            agreements[index].body = value.body
        case .newsItem(let value):
            guard let index = news.firstIndex(where: { $0.slug == value.slug }),
                  Document.newsItem(news[index]).differsAtMostInBody(from: document) else { return false }
            news[index].body = value.body
        case .page(let value):
            guard let index = pages.firstIndex(where: { $0.slug == value.slug }),
                  Document.page(pages[index]).differsAtMostInBody(from: document) else { return false }
            pages[index].body = value.body
        case .translation:
            return false
        }
        return true
    }
}

extension PortfolioChanges {
    /// The inputs that new bodies of `documents` touch: what `between` finds when a portfolio differs
    /// from another in those bodies alone.
    static func bodies(of documents: [Document]) -> Set<PageInput> {
        var changed: Set<PageInput> = []
        for document in documents {
            switch document {
            case .organization(let value): changed.formUnion([.entity(value.slug), .anyOf(.organizations)])
            case .company(let value): changed.formUnion([.entity(value.slug), .anyOf(.companies)])
            case .agreement(let value): changed.formUnion([.entity(value.slug), .anyOf(.agreements)])
            case .newsItem(let value): changed.formUnion([.newsItem(value.slug), .anyOf(.news)])
            case .page(let value): changed.insert(.page(value.slug))
            case .translation: break
            }
        }
        return changed
    }
}
