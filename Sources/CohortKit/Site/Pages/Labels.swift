/// The words a reader sees for the model's codes, in one place so every page and report agrees.
enum Labels {
    static func label(_ status: Company.Status) -> String {
        status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst()
    }

    static func label(_ kind: Organization.Kind) -> String {
        switch kind {
        case .fund: "Fund"
        case .government: "Government"
        case .university: "University"
        case .techTransfer: "Technology transfer"
        case .corporate: "Corporate"
        case .other: "Other"
        }
    }

    static func label(_ kind: Agreement.Kind) -> String {
        switch kind {
        case .framework: "Framework agreement"
        case .investment: "Investment agreement"
        case .licence: "Licence"
        case .mou: "Memorandum of understanding"
        case .other: "Agreement"
        }
    }

    static func label(_ status: Agreement.Status) -> String {
        status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst()
    }
}
