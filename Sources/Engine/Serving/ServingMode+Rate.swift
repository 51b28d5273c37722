/// The mean number of requests a serving mode scores, for plan checks and
/// estimates (the simulator draws the actual arrivals).
extension ServingMode {
    /// Mean requests (rows, events) per second over a day: the real-time
    /// rate (the daily cycle averages out), the streaming arrival rate,
    /// a batch's rows spread over its interval, and for edge the requests
    /// of the devices that are online (and so report their metrics).
    public var meanRequestsPerSecond: Double {
        switch self {
        case .realTime(let traffic):
            return traffic.ratePerSecond
        case .batch(let batch):
            return batch.every.seconds > 0 ? Double(batch.rows) / batch.every.seconds : 0
        case .streaming(let streaming):
            return streaming.ratePerSecond
        case .edge(let fleet):
            return Double(fleet.devices) * fleet.onlineShare * fleet.requestsPerSecond
        }
    }
}
