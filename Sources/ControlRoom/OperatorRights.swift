import Engine

/// The rights the operator at this control room holds, decided once at
/// start from the project's ``AccessPolicy``, the login name and groups, and
/// `--read-only`. Keys whose action needs a right the operator lacks are
/// left out of the key-hint bar and help, and pressing one shows the
/// refusal instead of sending a command (the engine checks again).
public struct OperatorRights: Sendable, Equatable {
    /// The refusal per right, in ``AccessRight`` order (nil: held).
    private var refusals: [String?]
    /// Whether the session may only watch (`--read-only`, or `read_only:`
    /// in the policy): the header says `read-only`.
    public var isReadOnly: Bool

    /// Every right (no `access:` section, or tests).
    public static let all = OperatorRights(refusals: AccessRight.allCases.map { _ in nil }, isReadOnly: false)

    private init(refusals: [String?], isReadOnly: Bool) {
        self.refusals = refusals
        self.isReadOnly = isReadOnly
    }

    /// What `policy` gives `user` in `groups`; `readOnly` for a
    /// `--read-only` session.
    public init(policy: AccessPolicy, user: String, groups: [String], readOnly: Bool) {
        self.refusals = AccessRight.allCases.map { right in
            switch policy.decide(right, user: user, groups: groups, readOnly: readOnly) {
            case .allowed: nil
            case .refused(let why): why
            }
        }
        self.isReadOnly = readOnly || policy.isReadOnly(user: user, groups: groups)
    }

    /// Why `right` is refused, or nil when it is held.
    public func refusal(for right: AccessRight) -> String? {
        AccessRight.allCases.firstIndex(of: right).flatMap { refusals[$0] }
    }

    /// Whether `right` is held.
    public func holds(_ right: AccessRight) -> Bool { refusal(for: right) == nil }

    /// Why `action` is refused, or nil when it needs no right or the right is held.
    public func refusal(for action: Action) -> String? {
        action.requiredRight.flatMap { refusal(for: $0) }
    }

    /// Whether the operator may use `binding` (its action needs no right, or one held).
    public func allows(_ binding: KeyBinding) -> Bool { refusal(for: binding.action) == nil }
}

extension Action {
    /// The right the engine command this action leads to needs (nil for
    /// actions that only change the view).
    public var requiredRight: AccessRight? {
        switch self {
        case .togglePause, .faster, .slower:
            return .control
        case .triggerRun, .rerunFromFailure, .cancelRun, .clearStep, .markStep:
            return .trigger
        case .approveVersion, .rejectVersion, .moveAlias, .promoteRollout, .promoteRolloutFully:
            return .approve
        case .archiveVersion:
            return .archive
        case .abortRollout:
            return .rollback
        case .toggleRolloutPause, .setRolloutWeight, .retryRollout, .pinArm, .freezeArm, .releaseArm:
            return .weights
        case .acknowledgeAlert, .silenceAlert:
            return .alerts
        case .showScreen, .nextScreen, .previousScreen, .openHelp, .closeOverlay, .openCommandLine, .openFilter,
             .moveSelection, .selectFirst, .selectLast, .quit, .editText, .submitText, .completeCommand, .scrollHelp,
             .drillIn, .drillOut, .toggleFollowLog, .compareVersions, .moveArmSelection, .openSubject,
             .moveMonitorSelection, .cycleMonitors, .openMonitorDeployment, .toggleAuditLog,
             .dialogSubmit, .dialogCancel, .dialogNextField, .dialogPreviousField, .dialogKey:
            return nil
        }
    }
}
