// Plain Kotlin (no Android import): compiled and tested on the JVM by android-demo/scripts/test-jvm.sh.
package fr.assistmed.demo.state

import fr.assistmed.core.BundleWarning
import fr.assistmed.core.Choice
import fr.assistmed.core.Question
import fr.assistmed.core.ValidationMessage
import java.util.Locale

/**
 * Language of the texts that come from the core (every core text has a French and an English
 * form). French first: English only when the device language is English, as Android picks
 * `values-en/strings.xml` only then and falls back to the French `values/strings.xml`.
 */
enum class Lang {
    FR,
    EN;

    /** The French or the English form of a core text (or list of texts). */
    fun <T> pick(fr: T, en: T): T = if (this == EN) en else fr

    companion object {
        fun of(locale: Locale): Lang = if (locale.language == "en") EN else FR
    }
}

fun Question.label(lang: Lang): String = lang.pick(labelFr, labelEn)

fun Question.help(lang: Lang): String = lang.pick(helpFr, helpEn)

fun Choice.label(lang: Lang): String = lang.pick(labelFr, labelEn)

fun ValidationMessage.text(lang: Lang): String = lang.pick(messageFr, messageEn)

fun BundleWarning.text(lang: Lang): String = lang.pick(messageFr, messageEn)

/** Label of the current answer of a choice or yes/no question (its code otherwise). */
fun Question.answerLabel(lang: Lang): String? {
    val a = answer ?: return null
    return choices.firstOrNull { it.value == a }?.label(lang) ?: a
}
