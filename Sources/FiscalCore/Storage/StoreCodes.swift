extension SQLiteStore {
    func localCodes() throws -> [LocalCode] {
        try db.cached("SELECT scheme, code, name FROM local_code ORDER BY scheme, code").rows {
            LocalCode(scheme: try $0.decode("scheme", as: "a code scheme", LocalCode.Scheme.init(rawValue:)),
                      code: try $0.text("code"), name: try $0.text("name"))
        }
    }

    func insertLocalCode(_ code: LocalCode, date: Day) throws {
        try db.cached("INSERT INTO local_code (scheme, code, name, added) VALUES (?, ?, ?, ?)")
            .run([code.scheme.rawValue, code.code, code.name, date.description])
    }
}
