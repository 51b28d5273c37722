/// Engine's public API speaks in SimKernel's types (`SimTime`,
/// `SimDuration`, `EventID`), so importing Engine brings them along.
@_exported import SimKernel
