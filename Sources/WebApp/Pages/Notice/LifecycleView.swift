import Domain

enum LifecycleView {
    static func label(_ state: LifecycleEvent.State) -> String {
        switch state {
        case .issued: "Issued"
        case .reviewed: "Reviewed"
        case .revised: "Revised"
        case .reissued: "Reissued"
        case .lifted: "Lifted"
        case .replacedByDirection: "Replaced by a statutory direction"
        case .commissionerAppointed: "Commissioner appointed"
        case .directionsIssued: "Further directions issued"
        }
    }
}
