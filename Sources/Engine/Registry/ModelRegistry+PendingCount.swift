extension ModelRegistry {
    /// How many approval requests are pending, across models. Cheap (no
    /// evidence is built), so a fast-forward loop may ask after every event.
    public var pendingRequestCount: Int { pending.count }
}
