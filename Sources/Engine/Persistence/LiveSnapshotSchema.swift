import GRDB

/// Tables of migration `8 live snapshot`: the snapshot the engine holding
/// the state directory publishes for attached operators and the CLI (one
/// row), and the attached operators' heartbeats.
enum LiveSnapshotSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("8 live snapshot") { db in
            try db.execute(sql: """
                CREATE TABLE live_snapshot (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    sequence INTEGER NOT NULL,
                    pid INTEGER NOT NULL,
                    user TEXT NOT NULL,
                    published_wall_ms INTEGER NOT NULL,
                    snapshot TEXT NOT NULL
                );
                CREATE TABLE viewers (
                    pid INTEGER PRIMARY KEY,
                    user TEXT NOT NULL,
                    ssh_client TEXT,
                    read_only INTEGER NOT NULL,
                    since_wall_ms INTEGER NOT NULL,
                    seen_wall_ms INTEGER NOT NULL
                );
                """)
        }
    }
}
