// Plain Kotlin (no Android import): compiled and tested on the JVM by android-demo/scripts/test-jvm.sh.
package fr.assistmed.demo.state

import java.math.BigDecimal
import java.math.BigInteger
import java.math.RoundingMode
import java.text.NumberFormat
import java.util.Locale

/**
 * Amounts of the view model (`java.math.BigDecimal`, euros, never a float) as shown and as spoken.
 *
 * Shown with the fr_FR currency formatter, whatever the UI language (the aid is in euros, paid by
 * the French Assurance Maladie). Whole amounts, which is every published amount, without cents:
 * "19 000 €". The JDK (CLDR data) writes U+202F (narrow no-break space) between digit groups and
 * U+00A0 (no-break space) before "€"; Android's ICU does the same on recent versions.
 *
 * Spoken (TalkBack `contentDescription`) without digit grouping, "19000 euros": a speech engine
 * reads an ungrouped number as one number, whereas a space inside it may be read as a pause
 * ("19 … 000").
 */
object AmountFormat {
    private val FR_FR: Locale = Locale.FRANCE

    fun display(amount: BigDecimal): String {
        val f = NumberFormat.getCurrencyInstance(FR_FR)
        if (isWhole(amount)) {
            f.minimumFractionDigits = 0
            f.maximumFractionDigits = 0
        } else {
            f.minimumFractionDigits = 2
            f.maximumFractionDigits = 2
        }
        return f.format(amount)
    }

    fun spoken(amount: BigDecimal, lang: Lang): String {
        val cents = amount.setScale(2, RoundingMode.HALF_EVEN)
        val euros = cents.toBigInteger()
        val rest = cents.subtract(BigDecimal(euros)).movePointRight(2).abs().toInt()
        // French: "0 euro", "1 euro", "2 euros"; English: "1 euro", "0 euros", "2 euros".
        // (BigInteger.valueOf, not BigInteger.TWO: that one needs Android API 33.)
        val n = euros.abs()
        val plural = if (lang == Lang.FR) n >= BigInteger.valueOf(2) else n != BigInteger.ONE
        val head = "$euros ${if (plural) "euros" else "euro"}"
        if (rest == 0) return head
        return when (lang) {
            Lang.FR -> "$head et $rest ${if (rest >= 2) "centimes" else "centime"}"
            Lang.EN -> "$head and $rest ${if (rest == 1) "cent" else "cents"}"
        }
    }

    private fun isWhole(amount: BigDecimal): Boolean = amount.signum() == 0 || amount.stripTrailingZeros().scale() <= 0
}
