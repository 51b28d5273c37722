/// Writing what the engine holds in memory to its stores, and saying when
/// that failed (a full disk, an unwritable state directory).
///
/// Every subsystem writes its changes in one transaction per state change
/// and keeps them in memory when the transaction fails, so a failed write
/// leaves the store as it was and loses nothing that is still in memory.
/// ``flushPendingWrites()`` tries the kept changes again; a run loop calls
/// it while ``writeError`` is set so that they are written as soon as space
/// returns.
extension Engine {
    /// The first of the store errors (run history, model registry, serving,
    /// monitoring, audit log), or nil when every store took its last write.
    public var writeError: String? {
        storeError ?? registryHost?.storeError ?? servingHost?.storeError ?? monitorHost?.storeError ?? auditError
    }

    /// Writes every subsystem's pending changes (each in its own
    /// transaction) and, for a subsystem whose last write failed, publishes
    /// its status again; a failure stays in ``writeError`` and the changes
    /// stay pending. Returns whether every state change is written now
    /// (``pendingWriteError`` is nil).
    @discardableResult
    public func flushPendingWrites() -> Bool {
        flushRunChanges()
        if let host = registryHost {
            if !host.registry.unsavedChanges.isEmpty {
                flushRegistryChanges()
            } else {
                host.storeError = nil
            }
        }
        flushServingChanges()
        if let host = servingHost, host.storeError != nil, host.pending.isEmpty {
            // The failure was publishing the status: nothing else is pending.
            if (try? host.store.publish(deploymentSummaries(), at: now)) != nil { host.storeError = nil }
        }
        flushMonitoringChanges()
        if let host = monitorHost, host.storeError != nil, host.pendingHistory.isEmpty, host.pendingStories.isEmpty,
           host.pendingRollups.isEmpty, !host.statesDirty {
            if (try? host.store.publish(monitors: monitorSummaries(), alerts: alertSummaries(), stories: host.stories.stories, at: now)) != nil {
                host.storeError = nil
            }
        }
        return pendingWriteError == nil
    }

    /// The first error of the stores that hold state changes (run history,
    /// registry, serving, monitoring); the audit log's is left out because
    /// a failed audit write is not retried.
    public var pendingWriteError: String? {
        storeError ?? registryHost?.storeError ?? servingHost?.storeError ?? monitorHost?.storeError
    }
}
