import SimKernel

/// One turn of the continuous-training loop told as a story: an alert
/// fired, a pipeline run retrained, a version was registered, a rollout
/// tried it, and a decision ended it. Stored so that it survives restarts.
public struct CTStory: Sendable, Hashable, Codable {
    /// 1, 2, ... in the order the stories began.
    public var id: Int
    public var alert: String
    public var pipeline: String
    public var chapters: [CTChapter]
    /// Whether the story has ended (decided, rolled back, or the run failed).
    public var isClosed: Bool
    /// The retraining run, and the version it registered (once known).
    public var run: RunID?
    public var model: String?
    public var version: Int?
    /// The facts already told (`run-ended`, `rollout:fraud-api`, ...), so each is told once.
    public var marks: [String]

    public init(id: Int, alert: String, pipeline: String, chapters: [CTChapter], isClosed: Bool, run: RunID? = nil,
                model: String? = nil, version: Int? = nil, marks: [String] = []) {
        self.id = id
        self.alert = alert
        self.pipeline = pipeline
        self.chapters = chapters
        self.isClosed = isClosed
        self.run = run
        self.model = model
        self.version = version
        self.marks = marks
    }

    /// The newest chapter (every story has at least its alert).
    public var latest: CTChapter? { chapters.last }
}

/// One step of a ``CTStory``.
public struct CTChapter: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `amount-drift fired: drift.amount 0.23 >= 0.2`.
        case alert
        /// `retrain run 14 started`, `run 14 succeeded`, `run 14 failed: train failed (exit 3)`.
        case run
        /// `fraud v4 registered (auc 0.91)`, or why nothing was registered.
        case version
        /// `fraud-api canary started`, `analysis passed, approval pending`, `rolled back: ...`.
        case rollout
        /// `approved by alice: looks good`, `promoted to 100%`, `rejected by bob: ...`.
        case decision
    }
    public var time: SimTime
    public var kind: Kind
    public var text: String
    public var subject: EventSubject?

    public init(time: SimTime, kind: Kind, text: String, subject: EventSubject? = nil) {
        self.time = time
        self.kind = kind
        self.text = text
        self.subject = subject
    }
}

/// What an event, alert or story chapter is about, so the UI can open it.
public enum EventSubject: Sendable, Hashable, Codable {
    case run(RunID)
    case pipeline(String)
    case version(model: String, version: Int)
    case deployment(String)
    case alert(String)
    case monitor(String)
}
