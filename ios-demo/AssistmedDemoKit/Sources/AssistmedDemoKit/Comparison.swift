import Assistmed

/// One year of the comparison screen: the cell of each option (nil when it has none).
public struct ComparisonYear: Equatable, Hashable {
    public let year: UInt32
    public let half: AidCell?
    public let full: AidCell?
}

/// The "Comparaison" screen: the ½ ETP and 1 ETP rows of the result side by side, year by year.
/// Only a re-arrangement of the view model's rows: no figure is computed (not even a difference,
/// which the law does not state). Mirrors `Comparison.kt`.
public struct Comparison: Equatable {
    public let half: OptionRow
    public let full: OptionRow
    public let years: [ComparisonYear]

    public init?(_ result: ResultView) {
        guard let half = result.options.first(where: { $0.option == .demi }),
              let full = result.options.first(where: { $0.option == .plein })
        else { return nil }
        self.half = half
        self.full = full
        let years = Set(half.cells.map(\.year) + full.cells.map(\.year)).sorted()
        self.years = years.map { y in
            ComparisonYear(
                year: y,
                half: half.cells.first { $0.year == y },
                full: full.cells.first { $0.year == y }
            )
        }
    }
}
