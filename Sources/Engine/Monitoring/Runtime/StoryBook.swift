import SimKernel

/// The continuous-training stories: one per run an alert started, told
/// chapter by chapter as the facts appear (run ended, version registered,
/// rollouts started and ended, the decision). ``Engine/updateStories()``
/// looks at the engine's state and adds what is new; each fact is told
/// once (its mark is kept in the story), so looking again is harmless.
struct StoryBook {
    /// Stories kept in memory (the store keeps all).
    static let capacity = 50

    private(set) var stories: [CTStory] = []
    private(set) var nextID = 1
    /// Ids changed since the last write.
    var dirty: [Int] = []

    init(restoring stories: [CTStory] = []) {
        self.stories = Array(stories.suffix(Self.capacity))
        nextID = (stories.map(\.id).max() ?? 0) + 1
    }

    /// Opens a story: `alert` fired and started `run` of `pipeline`.
    mutating func begin(alert: String, alertText: String, pipeline: String, run: RunRecord, at time: SimTime) {
        let story = CTStory(id: nextID, alert: alert, pipeline: pipeline,
                            chapters: [CTChapter(time: time, kind: .alert, text: alertText, subject: .alert(alert)),
                                       CTChapter(time: time, kind: .run, text: "\(pipeline) run \(run.id) (#\(run.number)) started",
                                                 subject: .run(run.id))],
                            isClosed: false, run: run.id)
        nextID += 1
        stories.append(story)
        if stories.count > Self.capacity { stories.removeFirst(stories.count - Self.capacity) }
        dirty.append(story.id)
    }

    /// The open stories' indices.
    var openIndices: [Int] { stories.indices.filter { !stories[$0].isClosed } }

    /// Adds a chapter once per `mark`.
    mutating func tell(_ index: Int, mark: String, _ chapter: CTChapter) {
        guard !stories[index].marks.contains(mark) else { return }
        stories[index].marks.append(mark)
        stories[index].chapters.append(chapter)
        if !dirty.contains(stories[index].id) { dirty.append(stories[index].id) }
    }

    mutating func setVersion(_ index: Int, model: String, version: Int) {
        stories[index].model = model
        stories[index].version = version
    }

    mutating func close(_ index: Int) {
        guard !stories[index].isClosed else { return }
        stories[index].isClosed = true
        if !dirty.contains(stories[index].id) { dirty.append(stories[index].id) }
    }

    func story(_ index: Int) -> CTStory { stories[index] }

    /// The changed stories, clearing the list.
    mutating func takeDirty() -> [CTStory] {
        defer { dirty.removeAll() }
        return dirty.compactMap { id in stories.first { $0.id == id } }
    }
}
