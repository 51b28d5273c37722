import GRDB

/// The command channel's table (migration `3 command channel`), in the same
/// `state.db` as the run history: other processes insert `pending` rows, the
/// engine holding the state directory applies them in `id` order and writes
/// back the state, the result message and the simulated time. Migration
/// `6 command origin` adds `origin`: the submitter's ``CommandOrigin`` as JSON.
enum CommandChannelSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("3 command channel") { db in
            try db.execute(sql: version3)
        }
        migrator.registerMigration("6 command origin") { db in
            try db.execute(sql: "ALTER TABLE commands ADD COLUMN origin TEXT")
        }
    }

    static let version3 = """
        CREATE TABLE commands (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            submitted_wall TEXT NOT NULL,
            submitter TEXT NOT NULL,
            payload TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending',
            result TEXT,
            applied_sim_ms INTEGER
        );
        CREATE INDEX commands_pending ON commands (state, id);
        """
}
