// Plain Kotlin (no Android import): compiled and tested on the JVM by android-demo/scripts/test-jvm.sh.
package fr.assistmed.demo.state

import fr.assistmed.core.AidCell
import fr.assistmed.core.ContractOption
import fr.assistmed.core.OptionRow
import fr.assistmed.core.ResultView

/** One year of the comparison screen: the cell of each option (null when it has none). */
data class ComparisonYear(val year: UInt, val half: AidCell?, val full: AidCell?)

/**
 * The "Comparaison" screen: the 1/2 ETP and 1 ETP rows of the result side by side, year by year.
 * Only a re-arrangement of the view model's rows: no figure is computed here (not even a
 * difference, which the law does not state).
 */
data class Comparison(val half: OptionRow, val full: OptionRow, val years: List<ComparisonYear>) {
    companion object {
        fun of(result: ResultView): Comparison? {
            val half = result.options.firstOrNull { it.option == ContractOption.DEMI } ?: return null
            val full = result.options.firstOrNull { it.option == ContractOption.PLEIN } ?: return null
            val years = (half.cells.map { it.year } + full.cells.map { it.year }).distinct().sorted()
            return Comparison(
                half = half,
                full = full,
                years = years.map { y ->
                    ComparisonYear(y, half.cells.firstOrNull { it.year == y }, full.cells.firstOrNull { it.year == y })
                },
            )
        }
    }
}
