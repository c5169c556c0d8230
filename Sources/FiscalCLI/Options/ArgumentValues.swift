import ArgumentParser
import FiscalCore

// The core's value types as command-line arguments. The conformances live here, not in the
// core, because parsing argv is the CLI's job: a bad value is a usage error (exit 64) in the
// argument parser's words, and shell completion offers the cases (`allValueStrings`).

/// Dates and months as options take them (`--date 2023/6/1`): the core's one parser, with an
/// error that says what is wrong and lists the forms it reads.
enum DateArgument {
    static func day(_ text: String) throws -> Day {
        guard let day = Day(text) else { throw ArgumentProblem(Day.problem(text)) }
        return day
    }

    static func month(_ text: String) throws -> YearMonth {
        guard let month = YearMonth(text) else { throw ArgumentProblem("not a month; write \(YearMonth.acceptedForms)") }
        return month
    }
}

/// Why a value could not be read, shown after the parser's "The value 'x' is invalid for '--date <date>'".
struct ArgumentProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension ProjectKind: ExpressibleByArgument {}
extension Fund: ExpressibleByArgument {}
extension ProjectStatus: ExpressibleByArgument {}
extension ProgressGrouping: ExpressibleByArgument {}
extension RateBasis: ExpressibleByArgument {}
extension TimeProgressRule: ExpressibleByArgument {}
extension ExpenditureDimension: ExpressibleByArgument {}
extension KindFilter: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension Procurement: ExpressibleByArgument {}

extension TextEncoding: ExpressibleByArgument {
    /// `utf-8` or `gb18030`; `utf8`, and `gbk` and `gb2312` (which GB18030 contains), are
    /// accepted too, in any case.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312": self = .gb18030
        default: return nil
        }
    }
}

/// `--lag-threshold`: points behind time progress with up to two decimals ("10", "7.5", or
/// "-10" as written in `--lag-threshold=-10`), kept in hundredths of a point, always at or
/// below zero.
struct LagThreshold: ExpressibleByArgument {
    var hundredths: Int64
    /// As written, for the help's default.
    var text: String

    init?(argument: String) {
        // Money's parser reads a signed decimal with two places exactly as we need.
        guard !argument.contains("万"), !argument.contains("元"), !argument.contains(","),
              let value = try? Money.parse(argument) else { return nil }
        hundredths = -abs(value.fen)
        text = argument
    }

    var defaultValueDescription: String { text }
}

/// Values checked in `validate()`, so that a bad one is a usage error (exit 64) whose message
/// names the field, the text and what is wrong with it ("amount '1.234': not an amount: more
/// than two decimals (分 is the smallest unit)"), which the parser's generic message cannot.
enum ArgumentCheck {
    static func amount(_ text: String, field: String = "amount") throws(ValidationError) -> Money {
        let money: Money
        do { money = try Money.parse(text) } catch {
            throw ValidationError("\(field) '\(text)': not an amount: \(error.reason)")
        }
        guard money.isPositive else { throw ValidationError("\(field) '\(text)': must be positive") }
        return money
    }

    /// An economic code's shape; whether the book knows it is the core's check (local codes
    /// live in the book). A malformed one gets the nearest official codes.
    static func econ(_ text: String, item: Bool = false) throws(ValidationError) -> EconomicCode {
        guard let code = EconomicCode(text) else {
            throw ValidationError(BookCodes.official.unknown(econ: text, item: item).description)
        }
        return code
    }

    /// A function code's shape and class (201–234).
    static func function(_ text: String) throws(ValidationError) -> FunctionCode {
        do { _ = try BookCodes.official.check(function: text) } catch { throw ValidationError(error.description) }
        return FunctionCode(text)!
    }
}
