import Foundation

/// A calendar date without a time or a time zone, written `YYYY-MM-DD`.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// The years a date in the content may have: the figures of a programme's life, with room on each
    /// side; a year outside them is a typo (`0999`, `20255`) that would upset the totals over time.
    public static let acceptedYears = 1900...2200

    /// Creates a day if the three numbers name a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly: four, two and two digits, and a date that exists.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Today in the local time zone.
    public static var today: Day {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day, let today = Day(year: year, month: month, day: day) else {
            preconditionFailure("the system calendar gave no valid date for today")
        }
        return today
    }

    /// The number of days in a month of a year of the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        guard (0...9999).contains(year) else { return "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))" }
        // Ten ASCII bytes, written in place: every page and report line writes dates.
        return String(unsafeUninitializedCapacity: 10) { bytes in
            let digits = [year / 1000, year / 100 % 10, year / 10 % 10, year % 10, -1, month / 10, month % 10, -1, day / 10, day % 10]
            for (index, digit) in digits.enumerated() {
                bytes[index] = digit < 0 ? UInt8(ascii: "-") : UInt8(ascii: "0") + UInt8(digit)
            }
            return 10
        }
    }

    /// The calendar quarter, 1 to 4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// The last day of the day's calendar quarter: 31 March, 30 June, 30 September or 31 December.
    public var quarterEnd: Day {
        let month = quarter * 3
        return Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? self
    }

    /// The last day of the quarter after this day's, or nil after 9999.
    var nextQuarterEnd: Day? {
        let month = quarter * 3 + 3
        let (year, next) = month > 12 ? (self.year + 1, month - 12) : (self.year, month)
        return Day(year: year, month: next, day: Day.daysIn(month: next, year: year))
    }

    /// The day's number counted from 1 March of year 0 (proleptic Gregorian calendar): the difference
    /// of two days' numbers is the days between them.
    var number: Int {
        // Howard Hinnant's days_from_civil, shifted to a year that starts in March.
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    }

    /// The day of the week, 0 for Sunday.
    public var weekday: Int {
        // Sakamoto's method.
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }

    /// A long English form such as `Monday 10 October 2011`.
    public var longDescription: String {
        let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        return "\(weekdays[weekday]) \(day) \(Day.monthNames[month - 1]) \(year)"
    }

    /// An English form such as `10 October 2011`.
    public var mediumDescription: String { "\(day) \(Day.monthNames[month - 1]) \(year)" }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Orders days by calendar date.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
