// Plain Kotlin (no Android import): compiled and tested on the JVM by android-demo/scripts/test-jvm.sh.
package fr.assistmed.demo.state

import java.text.ParseException
import java.text.SimpleDateFormat
import java.util.Date
import java.util.Locale
import java.util.TimeZone

/**
 * The view model's dates are ISO calendar dates ("2025-01-15"). These helpers only display them
 * and convert them for the Material date picker (UTC midnight in milliseconds). java.text rather
 * than java.time: java.time needs API 26 (or desugaring) and the app's minSdk is 24.
 */
object Dates {
    private fun iso(): SimpleDateFormat =
        SimpleDateFormat("yyyy-MM-dd", Locale.ROOT).apply {
            timeZone = TimeZone.getTimeZone("UTC")
            isLenient = false
        }

    /** Today in the device's time zone, ISO ("2025-01-15"). */
    fun today(now: Date = Date(), zone: TimeZone = TimeZone.getDefault()): String =
        SimpleDateFormat("yyyy-MM-dd", Locale.ROOT).apply { timeZone = zone }.format(now)

    /** "15 janvier 2025" / "15 January 2025"; the text itself when it is not an ISO date. */
    fun long(isoDate: String, lang: Lang): String {
        val millis = utcMillis(isoDate) ?: return isoDate
        val locale = if (lang == Lang.EN) Locale.UK else Locale.FRANCE
        return SimpleDateFormat("d MMMM yyyy", locale).apply { timeZone = TimeZone.getTimeZone("UTC") }.format(Date(millis))
    }

    /** UTC midnight of an ISO date, for the date picker's initial selection. */
    fun utcMillis(isoDate: String): Long? {
        if (!Regex("\\d{4}-\\d{2}-\\d{2}").matches(isoDate)) return null
        return try {
            iso().parse(isoDate)?.time
        } catch (e: ParseException) {
            null
        }
    }

    /** The ISO date of the date picker's selection (UTC milliseconds). */
    fun fromUtcMillis(millis: Long): String = iso().format(Date(millis))
}
