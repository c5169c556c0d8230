import ArgumentParser
import FiscalCore
import Foundation

extension FiscalCommand {
    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an annual report's figures against the books, and its own arithmetic.",
            discussion: """
                Reads the report's text (部门决算 / 绩效自评报告, UTF-8 or GB18030), extracts every stated
                figure with its label, unit and section, maps it to a ledger metric and compares:
                match, rounding (equal at the stated precision), mismatch, not-in-ledger, unmapped.
                Exits 1 when any figure is a mismatch.

                A label the book's projects do not match is not-in-ledger, with the
                nearest project names and, when one is close, the line
                `fiscal project alias add CODE LABEL` that confirms it: the book
                keeps its aliases for every later report. --aliases FILE (also
                --map) gives more for this run only (label<TAB>code per line); on
                the same label the file wins over the book.

                --emit-claims writes what was read as a claims file (label,metric,scope,value,unit)
                to correct by hand and feed back with --claims. --self-check needs no book: it
                checks the report's own sums, rates and shares.

                Examples:
                  fiscal reconcile --year 2023 --report 自评报告.txt
                  fiscal reconcile --year 2023 --report 自评报告.txt --emit-claims claims.csv
                  fiscal reconcile --year 2023 --claims claims.csv --format json
                  fiscal reconcile --year 2023 --report 自评报告.txt --map labels.tsv
                  fiscal reconcile --report 自评报告.txt --self-check
                  fiscal reconcile --report 自评报告.txt --extract
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("The fiscal year the report is about (default: the book's latest).", valueName: "year"))
        var year: Int?

        @Option(help: ArgumentHelp("The report's text file.", valueName: "file"))
        var report: String?

        @Option(help: ArgumentHelp("A claims file (CSV: label,metric,scope,value,unit) instead of reading the report.", valueName: "file"))
        var claims: String?

        @Option(name: .customLong("emit-claims"), help: ArgumentHelp("Write the claims read from the report to this file.", valueName: "file"))
        var emitClaims: String?

        @Flag(name: .customLong("self-check"), help: "Check the report's own arithmetic only (no book needed).")
        var selfCheck = false

        @Option(name: [.customLong("aliases"), .customLong("map")],
                help: ArgumentHelp("Labels matched to projects for this run: label<TAB>project-code (or label,code) per line.",
                                   valueName: "file"))
        var map: String?

        @Flag(help: "Print the claims read from the report as a claims file (no book needed).")
        var extract = false

        func validate() throws {
            if report == nil && claims == nil { throw ValidationError("give --report FILE or --claims FILE") }
            if selfCheck && report == nil { throw ValidationError("--self-check needs --report FILE") }
            if extract && report == nil { throw ValidationError("--extract needs --report FILE") }
        }

        func run() throws {
            let text = try report.map { try ReportFile.read(path: $0, field: "--report") }
            if selfCheck, let text {
                let findings = ReportSelfCheck().check(text)
                try SelfCheckView(findings: findings, lang: output.lang).rendered.print(for: output)
                // Rounding hints are shown, but only findings fail the check.
                if findings.contains(where: { !$0.hint }) { throw CommandFailure() }
                return
            }
            let fileAliases = try map.map { try ProjectAliasFile.read(try ReportFile.read(path: $0, field: "--aliases")) } ?? [:]
            if extract, let text {
                print(ClaimsFile.write(ReportReader(aliases: fileAliases, year: self.year).read(text)), terminator: "")
                return
            }
            let opened = try book.openReader()
            let aliases = try opened.aliasMap().merging(fileAliases) { _, file in file }
            let year = try self.year ?? (opened.years().last?.year ?? book.todayDay().year)
            let list: [Claim]
            if let claims {
                list = try ClaimsFile.read(try ReportFile.read(path: claims, field: "--claims"))
            } else {
                list = ReportReader(projectNames: try opened.projectNames(), aliases: aliases, year: year).read(text ?? "")
            }
            if let emitClaims {
                do { try ClaimsFile.write(list).write(toFile: emitClaims, atomically: true, encoding: .utf8) } catch {
                    throw FiscalError.invalidValue(field: "--emit-claims", value: emitClaims, reason: cannotWrite(emitClaims, otherwise: error.localizedDescription))
                }
            }
            let result = try opened.reconcile(list, year: year)
            try ReconcileView(report: result, lang: output.lang).rendered.print(for: output)
            if result.hasMismatch { throw CommandFailure() }
        }
    }
}
