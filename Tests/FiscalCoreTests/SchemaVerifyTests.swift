import Testing

@testable import FiscalCore

/// `verify` compares the book's schema with schema.sql (issue 12): a guard dropped, or
/// rewritten behind SQLite's back through `writable_schema`, is named.
@Suite struct SchemaVerifyTests {
    @Test func aNewBookHasTheDeclaredSchema() throws {
        let t = try TempBook()
        #expect(try t.book.verify() == [])
    }

    @Test func aDroppedTriggerIsNamed() throws {
        let t = try TempBook()
        try t.raw().execute("DROP TRIGGER posting_no_update")
        #expect(try t.book.verify().map(\.description) == ["schema: trigger posting_no_update is missing"])
    }

    @Test func aTriggerRewrittenThroughWritableSchemaIsNamed() throws {
        let t = try TempBook()
        t.close()
        let raw = try t.raw()
        try raw.execute("""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = 'CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry WHEN 0 BEGIN SELECT 1; END'
            WHERE name = 'entry_no_update';
            PRAGMA writable_schema = OFF;
            """)
        let book = try Book.open(at: t.path, access: .read)
        #expect(try book.verify().map(\.description) == ["schema: trigger entry_no_update differs from schema.sql"])
    }

    @Test func aLoosenedCheckAndAnAddedIndexAreNamed() throws {
        let t = try TempBook()
        t.close()
        let raw = try t.raw()
        try raw.execute("""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (amount <> 0)', '') WHERE name = 'posting';
            PRAGMA writable_schema = OFF;
            CREATE INDEX sneaky ON entry(memo);
            """)
        let book = try Book.open(at: t.path, access: .read)
        #expect(try book.verify().map(\.description) == ["schema: table posting differs from schema.sql",
                                                         "schema: index sneaky is not in schema.sql"])
    }
}
