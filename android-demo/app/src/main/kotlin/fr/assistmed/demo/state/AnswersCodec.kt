// Plain Kotlin (no Android import): compiled and tested on the JVM by android-demo/scripts/test-jvm.sh.
package fr.assistmed.demo.state

import fr.assistmed.core.Answer

/**
 * The saved form of a simulation: the answers as one flat JSON object of strings,
 * `{"$format":"1","signature_date":"2025-01-15","patientele_mt":"1200"}`.
 *
 * It stores the questionnaire's own vocabulary (question id → answer text), not a `Situation`:
 * an unfinished questionnaire can be saved too, and a later rule version that asks other
 * questions still reads it. The iOS app writes the same format (`AnswersCodec.swift`).
 *
 * Hand-written on purpose (the JDK has no JSON parser and the app needs no library for 20 strings).
 * [decode] returns null on anything it does not recognise: the app then starts a new simulation.
 */
object AnswersCodec {
    const val FORMAT_KEY = "\$format"
    const val FORMAT = "1"

    fun encode(answers: List<Answer>): String {
        val sb = StringBuilder("{")
        sb.append(quote(FORMAT_KEY)).append(':').append(quote(FORMAT))
        for (a in answers) {
            sb.append(',').append(quote(a.id)).append(':').append(quote(a.value))
        }
        return sb.append('}').toString()
    }

    fun decode(json: String): List<Answer>? {
        val pairs = Parser(json).objectOfStrings() ?: return null
        if (pairs.firstOrNull { it.first == FORMAT_KEY }?.second != FORMAT) return null
        val seen = HashSet<String>()
        return pairs
            .filter { it.first != FORMAT_KEY && seen.add(it.first) }
            .map { Answer(id = it.first, value = it.second) }
    }

    private fun quote(s: String): String {
        val sb = StringBuilder("\"")
        for (c in s) {
            when (c) {
                '"' -> sb.append("\\\"")
                '\\' -> sb.append("\\\\")
                '\n' -> sb.append("\\n")
                '\r' -> sb.append("\\r")
                '\t' -> sb.append("\\t")
                else -> if (c < ' ') sb.append("\\u%04x".format(c.code)) else sb.append(c)
            }
        }
        return sb.append('"').toString()
    }

    /** Reads exactly one JSON object whose values are all strings. */
    private class Parser(private val s: String) {
        private var i = 0

        fun objectOfStrings(): List<Pair<String, String>>? {
            val out = ArrayList<Pair<String, String>>()
            skipSpace()
            if (!eat('{')) return null
            skipSpace()
            if (eat('}')) return if (atEnd()) out else null
            while (true) {
                skipSpace()
                val k = string() ?: return null
                skipSpace()
                if (!eat(':')) return null
                skipSpace()
                val v = string() ?: return null
                out += k to v
                skipSpace()
                if (eat(',')) continue
                if (eat('}')) return if (atEnd()) out else null
                return null
            }
        }

        private fun atEnd(): Boolean {
            skipSpace()
            return i == s.length
        }

        private fun skipSpace() {
            while (i < s.length && s[i] in " \t\r\n") i++
        }

        private fun eat(c: Char): Boolean {
            if (i < s.length && s[i] == c) {
                i++
                return true
            }
            return false
        }

        private fun string(): String? {
            if (!eat('"')) return null
            val sb = StringBuilder()
            while (i < s.length) {
                val c = s[i++]
                when {
                    c == '"' -> return sb.toString()
                    c == '\\' -> {
                        if (i >= s.length) return null
                        when (val e = s[i++]) {
                            '"', '\\', '/' -> sb.append(e)
                            'b' -> sb.append('\b')
                            'f' -> sb.append('\u000C')
                            'n' -> sb.append('\n')
                            'r' -> sb.append('\r')
                            't' -> sb.append('\t')
                            'u' -> {
                                if (i + 4 > s.length) return null
                                val code = s.substring(i, i + 4).toIntOrNull(16) ?: return null
                                sb.append(code.toChar())
                                i += 4
                            }
                            else -> return null
                        }
                    }
                    c < ' ' -> return null
                    else -> sb.append(c)
                }
            }
            return null
        }
    }
}
