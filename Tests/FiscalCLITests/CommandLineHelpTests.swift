import Testing

@testable import FiscalCLI

// The command line's forgiveness (issue 13): global options before the subcommand, and the
// nearest names for a typo.

@Test func globalOptionsBeforeTheSubcommandMoveAfterIt() {
    #expect(CommandLineHelp.hoistingGlobalOptions(["--db", "x.db", "report", "progress", "--by", "kind"])
        == ["report", "progress", "--db", "x.db", "--by", "kind"])
    #expect(CommandLineHelp.hoistingGlobalOptions(["--today=2023/6/30", "report", "--lang", "en", "settlement"])
        == ["report", "settlement", "--today=2023/6/30", "--lang", "en"])
    // Already after the subcommand, or no subcommand: unchanged.
    #expect(CommandLineHelp.hoistingGlobalOptions(["pay", "JD01", "1", "--db", "x.db"]) == ["pay", "JD01", "1", "--db", "x.db"])
    #expect(CommandLineHelp.hoistingGlobalOptions(["--db", "x.db"]) == ["--db", "x.db"])
    // A value that happens to be a subcommand's name is still the option's value.
    #expect(CommandLineHelp.hoistingGlobalOptions(["--db", "pay", "journal"]) == ["journal", "--db", "pay"])
}

@Test func editDistanceCountsASwapAsOneEdit() {
    #expect(CommandLineHelp.editDistance("pya", "pay") == 1)
    #expect(CommandLineHelp.editDistance("--ecno", "--econ") == 1)
    #expect(CommandLineHelp.editDistance("progres", "progress") == 1)
    #expect(CommandLineHelp.editDistance("settlment", "settlement") == 1)
    #expect(CommandLineHelp.editDistance("pay", "refund") == 6)
    #expect(CommandLineHelp.editDistance("", "pay") == 3)
}

@Test func theNearestNamesAreWithinTwoEditsOrStartWithTheWord() {
    let commands = ["init", "pay", "refund", "reduce", "recall", "report", "reverse", "journal"]
    #expect(CommandLineHelp.nearest("pya", among: commands) == ["pay"])
    #expect(CommandLineHelp.nearest("jour", among: commands) == ["journal"])
    #expect(CommandLineHelp.nearest("reprot", among: commands) == ["report"])
    #expect(CommandLineHelp.nearest("frobnicate", among: commands).isEmpty)
    // Ties are all named.
    #expect(CommandLineHelp.nearest("rexall", among: commands) == ["recall"])
    #expect(CommandLineHelp.nearest("re", among: commands).count == 3)
}

@Test func theUnknownWordIsFoundInTheCommandTree() {
    #expect(CommandLineHelp.unknownWord(in: ["pya", "JD01", "100", "--econ", "30201"])
        == "Unknown command 'pya' for 'fiscal'. Did you mean 'pay'?")
    #expect(CommandLineHelp.unknownWord(in: ["report", "progres"])
        == "Unknown command 'progres' for 'fiscal report'. Did you mean 'progress'?")
    #expect(CommandLineHelp.unknownWord(in: ["pay", "JD01", "100", "--ecno", "30201"])
        == "Unknown option '--ecno' for 'fiscal pay'. Did you mean '--econ'?")
    // Nothing unknown (a missing argument is the parser's to say); a negative amount is not an option.
    #expect(CommandLineHelp.unknownWord(in: ["pay", "JD01"]) == nil)
    #expect(CommandLineHelp.unknownWord(in: ["report", "progress", "--lag-threshold", "-10"]) == nil)
    // import's default subcommand takes a file where a subcommand could be.
    #expect(CommandLineHelp.unknownWord(in: ["import", "events.csv", "--dry-rn"])
        == "Unknown option '--dry-rn' for 'fiscal import'. Did you mean '--dry-run'?")
}
