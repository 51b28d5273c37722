import SimKernel

extension StepSpec {
    /// The wait before retry number `retry` (1 = the first retry, i.e. before
    /// attempt 2). Fixed backoff: `retry_delay`. Exponential:
    /// `min(retry_delay * 2^(retry-1), cap)` plus a jitter drawn uniformly
    /// from `[0, jitter * that)` out of `random` — one draw, and only when
    /// `jitter > 0`, so the stream's draws stay in a deterministic order.
    func retryDelay(forRetry retry: Int, random: inout some RandomNumberGenerator) -> SimDuration {
        switch backoff {
        case .fixed:
            return retryDelay
        case .exponential(let cap, let jitter):
            var milliseconds = Swift.max(0, retryDelay.milliseconds)
            var doublings = retry - 1
            while doublings > 0 && milliseconds < cap.milliseconds {
                milliseconds = milliseconds > Int64.max / 2 ? Int64.max : milliseconds * 2
                doublings -= 1
            }
            milliseconds = Swift.min(milliseconds, Swift.max(0, cap.milliseconds))
            guard jitter > 0, milliseconds > 0 else { return SimDuration(milliseconds: milliseconds) }
            let extra = Sampling.uniform(0, jitter * Double(milliseconds), using: &random)
            return SimDuration(milliseconds: milliseconds + Int64(extra.rounded(.down)))
        }
    }
}
