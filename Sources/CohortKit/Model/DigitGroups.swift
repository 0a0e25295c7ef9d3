/// ASCII digits of a whole number with a separator before each group of three from the right: the one
/// way Cohort groups digits, with a comma in reports (`Money.grouped`) and with the language's
/// separator on pages (`DateWriter.group`).
enum DigitGroups {
    static func grouped(_ digits: [UInt8], separator: [UInt8]) -> String {
        var grouped: [UInt8] = []
        grouped.reserveCapacity(digits.count + digits.count / 3 * separator.count)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += separator }
            grouped.append(digit)
        }
        return String(decoding: grouped, as: UTF8.self)
    }
}
