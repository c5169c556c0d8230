-- fiscal book schema, version 6. The binary embeds this exact file
-- (Sources/FiscalCore/Storage/schema.sql is a link to it) and runs it on `fiscal init`.
-- Money is INTEGER 分 everywhere. Debit is positive; every entry sums to zero per project.

PRAGMA user_version = 6;

-- The department whose books these are (账套). One row.
CREATE TABLE book (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL CHECK (length(name) > 0),
    first_year  INTEGER NOT NULL CHECK (first_year BETWEEN 1900 AND 9999),
    hash        BLOB
) STRICT;

-- 预算年度. A closed year takes no posting (see the triggers below).
CREATE TABLE fiscal_year (
    year    INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 9999),
    status  TEXT NOT NULL CHECK (status IN ('open', 'closed'))
) STRICT;

-- Every opening, closing and reopening of a year, with its reason: the year's history.
CREATE TABLE year_event (
    id      INTEGER PRIMARY KEY,
    year    INTEGER NOT NULL REFERENCES fiscal_year(year),
    action  TEXT NOT NULL CHECK (action IN ('open', 'close', 'reopen')),
    date    TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason  TEXT,
    hash    BLOB
) STRICT;

-- The chart of accounts (DESIGN §2): resources are debit-normal, status credit-normal.
CREATE TABLE account (
    code     TEXT PRIMARY KEY,
    family   TEXT NOT NULL CHECK (family IN ('resource', 'status')),
    name_zh  TEXT NOT NULL,
    name_en  TEXT NOT NULL
) STRICT;

INSERT INTO account (code, family, name_zh, name_en) VALUES
    ('carry-in',        'resource', '上年结转',   'carry-in'),
    ('initial',         'resource', '年初预算',   'initial appropriation'),
    ('addition',        'resource', '追加',       'addition'),
    ('reduction',       'resource', '调减',       'reduction'),
    ('transfer',        'resource', '调剂',       'transfer'),
    ('recall',          'resource', '收回',       'recall'),
    ('available',       'status',   '可执行指标', 'available'),
    ('paid',            'status',   '已支付',     'paid'),
    ('carried-forward', 'status',   '年末结转',   'carried forward'),
    ('surplus',         'status',   '年末结余',   'surplus');

-- 项目: a budget line. Kinds personnel (人员经费) and public (公用经费) are basic expenditure.
CREATE TABLE project (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    name           TEXT NOT NULL CHECK (length(name) > 0),
    kind           TEXT NOT NULL CHECK (kind IN ('personnel', 'public', 'project')),
    fund           TEXT NOT NULL CHECK (fund IN ('general', 'gov-fund', 'state-capital', 'social-insurance', 'other')),
    function_code  TEXT CHECK (function_code IS NULL OR
                               (length(function_code) IN (3, 5, 7) AND function_code NOT GLOB '*[^0-9]*')),
    unit           TEXT,
    status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'terminated')),
    hash           BLOB
) STRICT;

-- Every change of a project's status, so the current value has a history.
CREATE TABLE project_event (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES project(id),
    status      TEXT NOT NULL CHECK (status IN ('active', 'completed', 'terminated')),
    date        TEXT NOT NULL,
    reason      TEXT,
    hash        BLOB
) STRICT;

-- A journal entry. `reverses` points at the entry it undoes (at most one reversal each);
-- `overdraft` marks an entry recorded past availability control on purpose. The kind is
-- checked with ORs, not `IN (…)`: SQLite evaluates a long IN list in a CHECK through an
-- ephemeral table for every row, which was a fifth of a million-row import (schema v2).
CREATE TABLE entry (
    id         INTEGER PRIMARY KEY,
    date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    year       INTEGER NOT NULL REFERENCES fiscal_year(year)
                   CHECK (year = CAST(substr(date, 1, 4) AS INTEGER)),
    kind       TEXT NOT NULL CHECK (kind = 'appropriate' OR kind = 'supplement' OR kind = 'reduce'
                   OR kind = 'transfer' OR kind = 'pay' OR kind = 'refund' OR kind = 'recall'
                   OR kind = 'carry-in' OR kind = 'close' OR kind = 'open' OR kind = 'reversal'
                   OR kind = 'commit' OR kind = 'release' OR kind = 'consolidate' OR kind = 'eliminate'),
    doc        TEXT,
    memo       TEXT,
    ref        TEXT UNIQUE,
    reverses   INTEGER UNIQUE REFERENCES entry(id),
    overdraft  INTEGER NOT NULL DEFAULT 0 CHECK (overdraft IN (0, 1)),
    hash       BLOB
) STRICT;

CREATE INDEX entry_date ON entry(year, date);
-- The few entries recorded past availability control, found without scanning the journal.
CREATE INDEX entry_overdraft ON entry(year) WHERE overdraft = 1;

-- A posting: one leg of an entry, on one account and project, optionally tagged with an
-- economic code (3 or 5 digits). Amount in 分, debit positive, never zero.
CREATE TABLE posting (
    id          INTEGER PRIMARY KEY,
    entry_id    INTEGER NOT NULL REFERENCES entry(id),
    account     TEXT NOT NULL REFERENCES account(code),
    project_id  INTEGER NOT NULL REFERENCES project(id),
    econ        TEXT CHECK (econ IS NULL OR (length(econ) IN (3, 5) AND econ NOT GLOB '*[^0-9]*')),
    amount      INTEGER NOT NULL CHECK (amount <> 0)
) STRICT;

CREATE INDEX posting_entry ON posting(entry_id);

-- Postings summed per year, project, account, economic code ('' for none) and month, kept in
-- the same transaction as the postings by the trigger below, so reports read these few rows
-- instead of every posting. `fiscal verify` proves they equal the postings.
CREATE TABLE monthly_total (
    year        INTEGER NOT NULL,
    project_id  INTEGER NOT NULL,
    account     TEXT NOT NULL,
    econ        TEXT NOT NULL,
    month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    amount      INTEGER NOT NULL,
    postings    INTEGER NOT NULL,
    PRIMARY KEY (year, project_id, account, econ, month)
) STRICT, WITHOUT ROWID;

-- History is append-only: corrections are reversal entries.
CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only: post a reversal instead'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only: post a reversal instead'); END;
CREATE TRIGGER posting_no_update BEFORE UPDATE ON posting
BEGIN SELECT RAISE(ABORT, 'postings are append-only: post a reversal instead'); END;
CREATE TRIGGER posting_no_delete BEFORE DELETE ON posting
BEGIN SELECT RAISE(ABORT, 'postings are append-only: post a reversal instead'); END;
CREATE TRIGGER year_event_no_update BEFORE UPDATE ON year_event
BEGIN SELECT RAISE(ABORT, 'year history is append-only'); END;
CREATE TRIGGER year_event_no_delete BEFORE DELETE ON year_event
BEGIN SELECT RAISE(ABORT, 'year history is append-only'); END;

-- Nothing is posted into a closed (or unknown) year.
CREATE TRIGGER entry_open_year BEFORE INSERT ON entry
WHEN (SELECT status FROM fiscal_year WHERE year = NEW.year) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'year is closed'); END;
CREATE TRIGGER posting_open_year BEFORE INSERT ON posting
WHEN (SELECT y.status FROM entry e JOIN fiscal_year y ON y.year = e.year WHERE e.id = NEW.entry_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'year is closed'); END;

CREATE TRIGGER posting_total AFTER INSERT ON posting
BEGIN
    INSERT INTO monthly_total (year, project_id, account, econ, month, amount, postings)
    SELECT e.year, NEW.project_id, NEW.account, coalesce(NEW.econ, ''),
           CAST(substr(e.date, 6, 2) AS INTEGER), NEW.amount, 1
    FROM entry e WHERE e.id = NEW.entry_id
    ON CONFLICT (year, project_id, account, econ, month)
    DO UPDATE SET amount = amount + excluded.amount, postings = postings + 1;
END;

-- The hash chain (schema v3, DESIGN §9): `hash` on the book, project, project_event,
-- year_event and entry rows is SHA-256(the previous row's hash ‖ the row's canonical bytes),
-- an entry's bytes including its postings; README "Trust" documents the encoding and
-- scripts/chain-check recomputes it. `fiscal verify` recomputes every chain.

-- Guards on every history table (schema v3). A row of history is never changed or removed:
-- not by UPDATE or DELETE, and not by INSERT OR REPLACE either, whose conflict path deletes
-- the old row without firing a DELETE trigger: an insert that names a key already taken is
-- refused before SQLite gets to resolve the conflict. (The import, which inserts with plain
-- INSERT, suspends the entry and posting guards inside its own transaction, like the totals
-- trigger.) `fiscal verify` checks that every one of these is present exactly as written here.
CREATE TRIGGER book_no_update BEFORE UPDATE ON book
BEGIN SELECT RAISE(ABORT, 'the book row is never changed'); END;
CREATE TRIGGER book_no_delete BEFORE DELETE ON book
BEGIN SELECT RAISE(ABORT, 'the book row is never changed'); END;
CREATE TRIGGER book_no_replace BEFORE INSERT ON book
WHEN EXISTS (SELECT 1 FROM book WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the book row is never changed'); END;

CREATE TRIGGER entry_no_replace BEFORE INSERT ON entry
WHEN EXISTS (SELECT 1 FROM entry WHERE id = NEW.id)
  OR (NEW.ref IS NOT NULL AND EXISTS (SELECT 1 FROM entry WHERE ref = NEW.ref))
  OR (NEW.reverses IS NOT NULL AND EXISTS (SELECT 1 FROM entry WHERE reverses = NEW.reverses))
BEGIN SELECT RAISE(ABORT, 'entries are append-only: post a reversal instead'); END;
CREATE TRIGGER posting_no_replace BEFORE INSERT ON posting
WHEN EXISTS (SELECT 1 FROM posting WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'postings are append-only: post a reversal instead'); END;

CREATE TRIGGER year_event_no_replace BEFORE INSERT ON year_event
WHEN EXISTS (SELECT 1 FROM year_event WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'year history is append-only'); END;
CREATE TRIGGER fiscal_year_no_delete BEFORE DELETE ON fiscal_year
BEGIN SELECT RAISE(ABORT, 'a year is never removed'); END;
CREATE TRIGGER fiscal_year_no_replace BEFORE INSERT ON fiscal_year
WHEN EXISTS (SELECT 1 FROM fiscal_year WHERE year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'a year is never removed'); END;
-- A year's status follows its last event: it changes only after a close or reopen is recorded.
CREATE TRIGGER fiscal_year_status BEFORE UPDATE ON fiscal_year
WHEN NEW.year IS NOT OLD.year OR NEW.status IS NOT (
    SELECT CASE action WHEN 'close' THEN 'closed' ELSE 'open' END FROM year_event
    WHERE year = OLD.year ORDER BY id DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'a year changes status only with a recorded close or reopen'); END;

-- A project keeps its code, name, kind, fund, function and unit (its kind moves its money
-- between 基本支出 and 项目支出 in every report); its status follows its last event.
CREATE TRIGGER project_no_update BEFORE UPDATE ON project
WHEN NEW.id IS NOT OLD.id OR NEW.code IS NOT OLD.code OR NEW.name IS NOT OLD.name OR NEW.kind IS NOT OLD.kind
  OR NEW.fund IS NOT OLD.fund OR NEW.function_code IS NOT OLD.function_code OR NEW.unit IS NOT OLD.unit
  OR NEW.status IS NOT (SELECT status FROM project_event WHERE project_id = OLD.id ORDER BY id DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'a project changes only its status, with a recorded event'); END;
CREATE TRIGGER project_no_delete BEFORE DELETE ON project
BEGIN SELECT RAISE(ABORT, 'a project is never removed'); END;
CREATE TRIGGER project_no_replace BEFORE INSERT ON project
WHEN EXISTS (SELECT 1 FROM project WHERE id = NEW.id OR code = NEW.code)
BEGIN SELECT RAISE(ABORT, 'a project is never removed'); END;
CREATE TRIGGER project_event_no_update BEFORE UPDATE ON project_event
BEGIN SELECT RAISE(ABORT, 'project history is append-only'); END;
CREATE TRIGGER project_event_no_delete BEFORE DELETE ON project_event
BEGIN SELECT RAISE(ABORT, 'project history is append-only'); END;
CREATE TRIGGER project_event_no_replace BEFORE INSERT ON project_event
WHEN EXISTS (SELECT 1 FROM project_event WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'project history is append-only'); END;

-- [step 4 begins: local codes and import batches; a v3 book gets exactly this text]
-- Codes a book adds to the official classification tables (`fiscal codes add`): a 款 the
-- tables lack (e.g. under 399 其他支出), or a function 项 with its name. Never changed.
CREATE TABLE local_code (
    scheme  TEXT NOT NULL CHECK (scheme IN ('econ', 'function')),
    code    TEXT NOT NULL CHECK (code NOT GLOB '*[^0-9]*' AND
                                 length(code) IN (3, 5, 7) AND (scheme = 'function' OR length(code) < 7)),
    name    TEXT NOT NULL CHECK (length(name) > 0),
    added   TEXT NOT NULL CHECK (added GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (scheme, code)
) STRICT;
CREATE TRIGGER local_code_no_update BEFORE UPDATE ON local_code
BEGIN SELECT RAISE(ABORT, 'local codes are kept as added'); END;
CREATE TRIGGER local_code_no_delete BEFORE DELETE ON local_code
BEGIN SELECT RAISE(ABORT, 'local codes are kept as added'); END;

-- Every import (批次): the file, the SHA-256 of its bytes and of its rows taken apart from
-- their column and row order (so a re-saved file is known again), what it posted — the
-- entries first_entry..last_entry, one transaction's consecutive ids — and its money by kind.
CREATE TABLE import_batch (
    id           INTEGER PRIMARY KEY,
    file         TEXT NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    rows_sha256  TEXT NOT NULL CHECK (length(rows_sha256) = 64),
    rows         INTEGER NOT NULL CHECK (rows >= 0),
    posted       INTEGER NOT NULL CHECK (posted >= 0),
    skipped      INTEGER NOT NULL CHECK (skipped >= 0),
    first_entry  INTEGER REFERENCES entry(id),
    last_entry   INTEGER REFERENCES entry(id),
    imported     TEXT NOT NULL CHECK (imported GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    again        INTEGER NOT NULL DEFAULT 0 CHECK (again IN (0, 1))
) STRICT;
CREATE INDEX import_batch_sha256 ON import_batch(sha256);
CREATE INDEX import_batch_rows_sha256 ON import_batch(rows_sha256);

-- A batch's money by event kind (the totals to tie to the bank list).
CREATE TABLE import_batch_total (
    batch_id  INTEGER NOT NULL REFERENCES import_batch(id),
    kind      TEXT NOT NULL,
    entries   INTEGER NOT NULL CHECK (entries > 0),
    amount    INTEGER NOT NULL,
    PRIMARY KEY (batch_id, kind)
) STRICT, WITHOUT ROWID;

-- A batch taken back (`fiscal import undo`): its reversals are the entries first_entry..last_entry.
CREATE TABLE import_undo (
    batch_id     INTEGER PRIMARY KEY REFERENCES import_batch(id),
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason       TEXT NOT NULL CHECK (length(reason) > 0),
    first_entry  INTEGER REFERENCES entry(id),
    last_entry   INTEGER REFERENCES entry(id)
) STRICT;
CREATE TRIGGER import_batch_no_update BEFORE UPDATE ON import_batch
BEGIN SELECT RAISE(ABORT, 'import history is append-only'); END;
CREATE TRIGGER import_batch_no_delete BEFORE DELETE ON import_batch
BEGIN SELECT RAISE(ABORT, 'import history is append-only'); END;
CREATE TRIGGER import_undo_no_update BEFORE UPDATE ON import_undo
BEGIN SELECT RAISE(ABORT, 'import history is append-only'); END;
CREATE TRIGGER import_undo_no_delete BEFORE DELETE ON import_undo
BEGIN SELECT RAISE(ABORT, 'import history is append-only'); END;
-- [step 4 ends]

-- [step 5 begins: commitments, entry details, project aliases, import profiles, consolidation]
-- (The entry kinds 'commit', 'release' (issue 14), 'consolidate' and 'eliminate' (issue 16)
-- join the CHECK above in this step, through the migration's table edit.)

-- 5a. Commitments (预算占用, issue 14): a contract takes authority before cash moves. The
-- status account `committed` (已占用) holds what is promised and not yet paid.
INSERT INTO account (code, family, name_zh, name_en) VALUES ('committed', 'status', '已占用', 'committed');

-- 合同: master data like a project; never changed or removed.
CREATE TABLE contract (
    id           INTEGER PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE CHECK (length(number) BETWEEN 1 AND 64),
    project_id   INTEGER NOT NULL REFERENCES project(id),
    supplier     TEXT,
    econ         TEXT NOT NULL CHECK (length(econ) = 5 AND econ NOT GLOB '*[^0-9]*'),
    procurement  TEXT CHECK (procurement IS NULL OR procurement IN ('goods', 'works', 'services')),
    sme          INTEGER NOT NULL DEFAULT 0 CHECK (sme IN (0, 1)),
    signed       TEXT NOT NULL CHECK (signed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    memo         TEXT,
    hash         BLOB
) STRICT;
CREATE INDEX contract_project ON contract(project_id);
CREATE TRIGGER contract_no_update BEFORE UPDATE ON contract
BEGIN SELECT RAISE(ABORT, 'a contract is never changed'); END;
CREATE TRIGGER contract_no_delete BEFORE DELETE ON contract
BEGIN SELECT RAISE(ABORT, 'a contract is never removed'); END;
CREATE TRIGGER contract_no_replace BEFORE INSERT ON contract
WHEN EXISTS (SELECT 1 FROM contract WHERE id = NEW.id OR number = NEW.number)
BEGIN SELECT RAISE(ABORT, 'a contract is never changed'); END;

-- A posting on `committed` (and the payment or release that liquidates it) names its contract.
ALTER TABLE posting ADD COLUMN contract_id INTEGER REFERENCES contract(id);
CREATE INDEX posting_contract ON posting(contract_id) WHERE contract_id IS NOT NULL;

-- 5b. What a payment list says beside the money (issue 15): 收款人, 支付方式; and, for a
-- transfer between units of one department (issue 16), the other unit.
ALTER TABLE entry ADD COLUMN payee TEXT;
ALTER TABLE entry ADD COLUMN payment_method TEXT;
ALTER TABLE entry ADD COLUMN counterpart_unit TEXT;

-- 5c. Other names a report uses for a project (issue 11): 禁毒专项 for 2023年禁毒工作经费.
CREATE TABLE project_alias (
    alias       TEXT PRIMARY KEY CHECK (length(alias) > 0),
    project_id  INTEGER NOT NULL REFERENCES project(id),
    added       TEXT NOT NULL CHECK (added GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

-- 5d. Saved column mappings for files as budget systems export them (issue 15).
CREATE TABLE import_profile (
    name     TEXT PRIMARY KEY CHECK (length(name) > 0),
    mapping  TEXT NOT NULL,
    kind     TEXT,
    added    TEXT NOT NULL CHECK (added GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

-- 5e. A consolidated book (部门汇总, issue 16): the unit books it was built from, each with
-- the seal (chain head) it was taken at. A book with rows here takes no recording.
CREATE TABLE consolidated_unit (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    path       TEXT NOT NULL,
    book_name  TEXT NOT NULL,
    seal       BLOB,
    entries    INTEGER NOT NULL CHECK (entries >= 0),
    taken      TEXT NOT NULL CHECK (taken GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
-- [step 5 ends]

-- [step 6 begins: totals by unit of a consolidated book]
-- 6a. A consolidated book's maintained totals per unit (部门汇总, issue 16): its monthly_total
-- summed over the projects of one unit (project.unit) and kind, written by `consolidate` in
-- the same transaction as the totals they sum, so a report by unit reads a few rows per unit
-- instead of every project's. Empty in any other book. `fiscal verify` proves they equal
-- monthly_total.
CREATE TABLE unit_total (
    year     INTEGER NOT NULL,
    unit     TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('personnel', 'public', 'project')),
    account  TEXT NOT NULL,
    month    INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    amount   INTEGER NOT NULL,
    PRIMARY KEY (year, unit, kind, account, month)
) STRICT, WITHOUT ROWID;
-- [step 6 ends]
